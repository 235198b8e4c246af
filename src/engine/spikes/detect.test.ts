import { detectSpikes } from './detect';
import { addStep, evenTimestamps, noisyLevel } from './testHelpers';

const STEP = 15;
const quiet = (n: number, seed = 1) => noisyLevel(n, 0.2, 0.003, seed); // noise 1.5 % of the level: under the floor
const withValues = (values: Float64Array, at: Record<number, number>) => {
  const out = values.slice();
  Object.entries(at).forEach(([i, v]) => (out[Number(i)] = v));
  return out;
};

describe('detectSpikes: what is and is not an event', () => {
  it.each([1, 2, 3, 4, 5])('finds nothing in 20,000 samples of noise under the floor (seed %p)', (seed) => {
    const values = quiet(20_000, seed);
    const result = detectSpikes(evenTimestamps(values.length, STEP), values, { stepSeconds: STEP });
    expect(result.events).toEqual([]);
    expect(result.judgedSamples).toBe(20_000 - 15);
  });

  it.each([
    { k: 3, maxPerThousand: 10 },
    { k: 4, maxPerThousand: 2 },
  ])(
    'keeps false events on noise above the floor under $maxPerThousand per 1,000 samples at k=$k',
    ({ k, maxPerThousand }) => {
      for (const seed of [11, 12, 13]) {
        const values = noisyLevel(20_000, 0.2, 0.02, seed); // noise 10 % of the level: sigma, not the floor, decides
        const { events } = detectSpikes(evenTimestamps(values.length, STEP), values, { stepSeconds: STEP, k });
        expect(events.length / 20).toBeLessThan(maxPerThousand);
      }
    }
  );

  it('finds a 2-sample spike with its start, end, peak and baseline', () => {
    const values = withValues(quiet(200), { 100: 1.0, 101: 1.2 });
    const ts = evenTimestamps(values.length, STEP);
    const { events } = detectSpikes(ts, values, { stepSeconds: STEP });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'spike',
      startMs: ts[100],
      endMs: ts[101],
      durationMs: STEP * 1000,
      peak: 1.2,
      peakMs: ts[101],
      samples: 2,
      ongoing: false,
      acceptedAsNewLevel: false,
    });
    expect(events[0].baseline).toBeCloseTo(0.2, 2);
    expect(events[0].scale).toBeCloseTo(0.01, 3); // the 5 % floor, not the tiny MAD
    expect(events[0].peakZ).toBeGreaterThan(90);
  });

  it('reports a 60-sample step as one regression judged against the level before it', () => {
    const values = addStep(quiet(400), 100, 160, 0.5);
    const ts = evenTimestamps(values.length, STEP);
    const { events } = detectSpikes(ts, values, { stepSeconds: STEP });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'regression',
      startMs: ts[100],
      endMs: ts[159],
      samples: 60,
      acceptedAsNewLevel: false,
    });
    expect(events[0].baseline).toBeCloseTo(0.2, 2); // the step never entered the baseline
  });

  describe('a regression hovering at the entry threshold', () => {
    // +0.032 over 0.2 with 0.003 noise: about a quarter of the samples fall back under 0.2 + 3 × 0.01.
    const values = addStep(quiet(400), 100, 160, 0.032);
    const ts = evenTimestamps(values.length, STEP);

    it('stays one event thanks to the continueK hysteresis', () => {
      const { events } = detectSpikes(ts, values, { stepSeconds: STEP });
      expect(events).toMatchObject([{ kind: 'regression', startMs: ts[100], endMs: ts[159], samples: 60 }]);
    });

    it('falls apart into pieces without it (continueK = k)', () => {
      expect(detectSpikes(ts, values, { stepSeconds: STEP, continueK: 3 }).events.length).toBeGreaterThan(5);
    });
  });

  it('accepts a permanent step as the new level after 3 × W samples, and says so', () => {
    const values = addStep(quiet(600), 100, 600, 0.5);
    const ts = evenTimestamps(values.length, STEP);
    const { events, reasons } = detectSpikes(ts, values, { stepSeconds: STEP });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'regression',
      startMs: ts[100],
      endMs: ts[189],
      samples: 90,
      acceptedAsNewLevel: true,
    });
    const accepted = reasons.find((r) => r.code === 'new-level-accepted');
    expect(accepted).toMatchObject({ atMs: ts[189], eventStartMs: ts[100] });
    expect(accepted && 'level' in accepted && accepted.level).toBeCloseTo(0.7, 1);
  });

  it('never accepts a new level when told not to: one ongoing regression', () => {
    const values = addStep(quiet(600), 100, 600, 0.5);
    const { events } = detectSpikes(evenTimestamps(values.length, STEP), values, {
      stepSeconds: STEP,
      acceptNewLevelAfterSamples: Infinity,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'regression', samples: 500, ongoing: true, acceptedAsNewLevel: false });
  });

  it('ignores dips: only slowdowns are events', () => {
    const values = withValues(quiet(200), { 100: 0.01, 101: 0.0 });
    expect(detectSpikes(evenTimestamps(200, STEP), values, { stepSeconds: STEP }).events).toEqual([]);
  });

  it('marks an event still elevated at the last sample as ongoing', () => {
    const values = withValues(quiet(100), { 98: 1, 99: 1 });
    const { events } = detectSpikes(evenTimestamps(100, STEP), values, { stepSeconds: STEP });
    expect(events).toMatchObject([{ kind: 'spike', samples: 2, ongoing: true }]);
  });

  it('drops small excursions under minPeakRatio', () => {
    const values = withValues(quiet(200), { 100: 0.28, 150: 0.5 }); // 1.4 × and 2.5 × the level
    const ts = evenTimestamps(200, STEP);
    expect(detectSpikes(ts, values, { stepSeconds: STEP }).events).toHaveLength(2);
    expect(detectSpikes(ts, values, { stepSeconds: STEP, minPeakRatio: 2 }).events).toMatchObject([
      { startMs: ts[150] },
    ]);
  });
});

describe('detectSpikes: spike or regression', () => {
  // Rate window 60 s at a 15 s step: one slow moment stays elevated ~4 scrapes; + 3 scrapes of slack.
  it.each([
    { flagged: 1, kind: 'spike' },
    { flagged: 4, kind: 'spike' },
    { flagged: 8, kind: 'spike' }, // first to last = 7 steps = 105 s = 60 s + 3 × 15 s
    { flagged: 9, kind: 'regression' },
    { flagged: 30, kind: 'regression' },
  ])('$flagged consecutive flagged samples make a $kind', ({ flagged, kind }) => {
    const values = addStep(quiet(300), 100, 100 + flagged, 1);
    const { events } = detectSpikes(evenTimestamps(300, STEP), values, { stepSeconds: STEP, rateWindowSeconds: 60 });
    expect(events).toMatchObject([{ kind, samples: flagged }]);
  });
});

describe('detectSpikes: the sigma floor on a quiet service', () => {
  // A quiet service: histogram_quantile keeps the P99 at 0.0975 s inside the (0.05, 0.1] bucket; MAD is 0.
  // Now and then a request lands in the next bucket and the P99 interpolates to 0.1 or 0.12.
  const values = new Float64Array(3000).fill(0.0975);
  for (let i = 40; i < values.length; i += 37) {
    values[i] = i % 3 === 0 ? 0.12 : 0.1;
  }
  const ts = evenTimestamps(values.length, STEP);
  const bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, Infinity];

  it.each([
    { name: 'without any floor every wobble is a spike', options: { sigmaFloorRelative: 0 }, events: 80 },
    { name: 'the relative floor alone still flags the next-bucket jumps', options: {}, events: 26 },
    { name: 'the bucket-width floor silences them', options: { bucketBounds: bounds }, events: 0 },
  ])('$name', ({ options, events }) => {
    const result = detectSpikes(ts, values, { stepSeconds: STEP, ...options });
    expect(result.events).toHaveLength(events);
  });

  it('still sees a real slowdown on the quiet service with the bucket floor on', () => {
    const slow = withValues(values, { 1000: 0.4, 1001: 0.45 });
    const { events } = detectSpikes(ts, slow, { stepSeconds: STEP, bucketBounds: bounds });
    expect(events).toMatchObject([{ kind: 'spike', startMs: ts[1000], peak: 0.45 }]);
  });
});

describe('detectSpikes: NaN, gaps and short series', () => {
  it('lets up to maxGapSteps NaN samples sit inside one event', () => {
    const values = withValues(quiet(200), { 100: 1, 101: NaN, 102: NaN, 103: 1 });
    const { events, reasons } = detectSpikes(evenTimestamps(200, STEP), values, { stepSeconds: STEP });
    expect(events).toMatchObject([{ kind: 'spike', samples: 2 }]);
    expect(reasons.filter((r) => r.code === 'gap')).toEqual([]);
  });

  it('splits an event at a longer NaN gap, keeping the baseline', () => {
    const values = withValues(quiet(200), { 100: 1, 101: NaN, 102: NaN, 103: NaN, 104: NaN, 105: 1 });
    const ts = evenTimestamps(200, STEP);
    const { events, reasons } = detectSpikes(ts, values, { stepSeconds: STEP });
    expect(events.map((e) => e.startMs)).toEqual([ts[100], ts[105]]);
    expect(reasons).toContainEqual(
      expect.objectContaining({ code: 'gap', startMs: ts[100], endMs: ts[105], missingSteps: 4, baselineReset: false })
    );
  });

  it('restarts the baseline after a gap longer than the window (a restart at a new level)', () => {
    const before = quiet(100, 3);
    const after = noisyLevel(100, 0.6, 0.009, 4); // the service came back three times slower
    const values = Float64Array.from([...before, ...after]);
    const ts = Float64Array.from([
      ...evenTimestamps(100, STEP, 0),
      ...evenTimestamps(100, STEP, 100 * STEP * 1000 + 3600_000),
    ]);
    const { events, reasons } = detectSpikes(ts, values, { stepSeconds: STEP });
    expect(events).toEqual([]); // judged against its own level, not the one an hour ago
    expect(reasons).toContainEqual(expect.objectContaining({ code: 'gap', baselineReset: true, missingSteps: 240 }));
    expect(reasons.filter((r) => r.code === 'insufficient-history')).toMatchObject([
      { startMs: ts[0], samples: 15 },
      { startMs: ts[100], samples: 15 },
    ]);
  });

  it('waits for history when the series starts mid-range (leading NaN)', () => {
    const values = quiet(300);
    values.fill(NaN, 0, 120);
    values[200] = 1;
    const ts = evenTimestamps(300, STEP);
    const { events, reasons, judgedSamples } = detectSpikes(ts, values, { stepSeconds: STEP });
    expect(events).toMatchObject([{ startMs: ts[200] }]);
    expect(reasons).toEqual([expect.objectContaining({ code: 'insufficient-history', startMs: ts[120], samples: 15 })]);
    expect(judgedSamples).toBe(300 - 120 - 15);
  });

  it.each([
    { name: 'empty', values: [] as number[], finite: 0 },
    { name: '10 samples', values: Array.from({ length: 10 }, () => 0.2), finite: 10 },
    { name: 'all NaN', values: Array.from({ length: 50 }, () => NaN), finite: 0 },
  ])('says why nothing was judged: $name', ({ values, finite }) => {
    const result = detectSpikes(evenTimestamps(values.length, STEP), Float64Array.from(values), { stepSeconds: STEP });
    expect(result.events).toEqual([]);
    expect(result.judgedSamples).toBe(0);
    expect(result.reasons[0]).toMatchObject({ code: 'too-few-samples', finiteSamples: finite, required: 16 });
  });
});

describe('detectSpikes: programmer errors throw', () => {
  it.each([
    ['lengths differ', new Float64Array([1, 2]), new Float64Array([1])],
    ['timestamps repeat', new Float64Array([1, 1]), new Float64Array([1, 1])],
    ['timestamps go back', new Float64Array([2, 1]), new Float64Array([1, 1])],
    ['a NaN timestamp', new Float64Array([1, NaN]), new Float64Array([1, 1])],
  ])('%s', (_name, ts, values) => {
    expect(() => detectSpikes(ts, values, { stepSeconds: STEP })).toThrow(RangeError);
  });
});
