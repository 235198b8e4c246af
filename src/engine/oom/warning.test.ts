import { OomForecast } from './forecast';
import { buildOomOptions, MIB } from './options';
import { OomWarningMachine } from './warning';

const T0 = 1.7e12;

/** A forecast that qualifies (trend 4 MiB/s, limit in 20 s) unless overridden. */
function fc(second: number, envelopeMiB: number, over: Partial<OomForecast> = {}): OomForecast {
  return {
    atMs: T0 + second * 1000,
    lastSampleMs: T0 + second * 1000,
    lastValueBytes: envelopeMiB * MIB,
    envelopeBytes: envelopeMiB * MIB,
    levelBytes: envelopeMiB * MIB,
    trendBytesPerSecond: 4 * MIB,
    residualSpreadBytes: MIB,
    limitBytes: 256 * MIB,
    timeToLimitSeconds: 25,
    earliestTimeToLimitSeconds: 22,
    horizonSeconds: 40,
    bandLowerBytes: 0,
    bandUpperBytes: 0,
    samplesSinceReset: 100,
    secondsSinceReset: 100 + second,
    lastReset: { atMs: T0 - 100_000, cause: 'first_sample' },
    ...over,
  };
}

/** [second, envelope MiB, overrides, new sample?] → the sequence of states and streaks. */
type Step = [number, number, Partial<OomForecast>?, boolean?];

function run(steps: Step[], options = {}) {
  const m = new OomWarningMachine(buildOomOptions(options));
  return steps.map(([s, env, over, isNew]) => m.evaluate(fc(s, env, over), isNew ?? true));
}

describe('OomWarningMachine', () => {
  it.each<[string, string, string, Partial<OomForecast>]>([
    ['no sample', 'no_data', 'no_data', { lastSampleMs: null }],
    ['a silent series', 'no_data', 'stale', { atMs: T0 + 200_000 }],
    ['no limit', 'no_limit', 'no_limit', { limitBytes: null }],
    ['warm-up', 'ok', 'warming_up', { secondsSinceReset: 30 }],
    ['slow growth', 'ok', 'slow_growth', { trendBytesPerSecond: 0.5 * MIB }],
    ['a falling series', 'ok', 'slow_growth', { trendBytesPerSecond: -MIB, timeToLimitSeconds: Infinity }],
    ['a far crossing', 'ok', 'beyond_horizon', { timeToLimitSeconds: 41 }],
  ])('%s → %s (%s)', (_name, state, reason, over) => {
    const [e] = run([[0, 100, over]]);
    expect([e.state, e.reason]).toEqual([state, reason]);
  });

  it('warns on the Nth growing sample, not before', () => {
    const out = run([
      [0, 100],
      [1, 104],
      [2, 108],
      [3, 112],
    ]);
    expect(out.map((e) => [e.state, e.reason, e.streak])).toEqual([
      ['ok', 'confirming', 0], // nothing to compare the envelope with yet
      ['ok', 'confirming', 1],
      ['ok', 'confirming', 2],
      ['warning', 'crossing', 3], // limit in 25 s, band in 22 s: not yet within imminentSeconds (20)
    ]);
  });

  it('counts a sample once however often it is evaluated (1 s refresh, 15 s scrape)', () => {
    const out = run([
      [0, 100],
      [15, 160],
      [15, 160, { atMs: T0 + 16_000 }, false],
      [15, 160, { atMs: T0 + 17_000 }, false],
      [30, 220],
    ]);
    expect(out.map((e) => e.streak)).toEqual([0, 1, 1, 1, 2]);
    expect(out.map((e) => e.newSample)).toEqual([true, true, false, false, true]);
    expect(out.every((e) => e.state === 'ok')).toBe(true);
  });

  it('counts a jump once: a plateau after it holds the count (Holt keeps a trend for a while)', () => {
    const out = run([
      [0, 100],
      [1, 160],
      [2, 160],
      [3, 160],
      [4, 160],
      [5, 160],
    ]);
    expect(out.map((e) => e.streak)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(out.every((e) => e.state === 'ok')).toBe(true);
  });

  it('keeps counting a GC staircase, flat between its rises', () => {
    const out = run([
      [0, 100],
      [1, 110],
      [2, 110],
      [3, 110],
      [4, 130],
      [5, 130],
    ]);
    // After the start at 110 MiB the envelope stays ≥ 0.8 MiB/s × elapsed above it only from 4 s on.
    expect(out.map((e) => e.streak)).toEqual([0, 1, 1, 1, 2, 3]);
    expect(out[5].state).toBe('warning');
  });

  it('turns imminent when the forecast or the band reaches the limit within imminentSeconds', () => {
    const base: Step[] = [
      [0, 100],
      [1, 104],
      [2, 108],
      [3, 112],
    ];
    expect(run([...base, [4, 116, { timeToLimitSeconds: 19 }]])[4].state).toBe('imminent');
    expect(run([...base, [4, 116, { earliestTimeToLimitSeconds: 5 }]])[4].state).toBe('imminent');
  });

  it('clears after clearEvaluations new samples that no longer qualify', () => {
    const flat = { trendBytesPerSecond: 0.1 * MIB, timeToLimitSeconds: Infinity, earliestTimeToLimitSeconds: null };
    const out = run([
      [0, 100],
      [1, 104],
      [2, 108],
      [3, 112],
      [4, 112, flat],
      [5, 112, flat],
      [6, 112, flat],
    ]);
    expect(out.map((e) => [e.state, e.reason])).toEqual([
      ['ok', 'confirming'],
      ['ok', 'confirming'],
      ['ok', 'confirming'],
      ['warning', 'crossing'],
      ['warning', 'clearing'],
      ['warning', 'clearing'],
      ['ok', 'slow_growth'],
    ]);
  });

  it('forgets everything on reset', () => {
    const m = new OomWarningMachine(buildOomOptions());
    [0, 1, 2, 3].forEach((s) => m.evaluate(fc(s, 100 + 4 * s), true));
    m.reset();
    expect(m.evaluate(fc(4, 116), true)).toMatchObject({ state: 'ok', streak: 0 });
  });
});
