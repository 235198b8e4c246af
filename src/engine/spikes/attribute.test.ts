import { attributeEvents } from './attribute';
import type { AttributeOptionsInput } from './attributeOptions';
import { InvalidOptionError } from './optionChecks';
import { evenTimestamps, noisyLevel } from './testHelpers';
import type { EventWindow, SignalSeries } from './types';

const STEP = 15;
const N = 400;
const ts = evenTimestamps(N, STEP);
// A 4-scrape spike at samples 200..203; with a 60 s lead/lag the window covers 196..207.
const spike: EventWindow = { startMs: ts[200], endMs: ts[203], kind: 'spike' };
const options: AttributeOptionsInput = { stepSeconds: STEP };

/** A signal at `level` with 2 % noise, raised by `bump` × level over samples [from, to). */
function signal(id: string, level: number, seed: number, bump = 0, from = 200, to = 204): SignalSeries {
  const values = noisyLevel(N, level, level * 0.02, seed);
  for (let i = from; i < to; i++) {
    values[i] += bump * level;
  }
  return { id, timestamps: ts, values };
}

/** Eight signals covering every cause, none moving. */
function quietSignals(): SignalSeries[] {
  return [
    signal('gc_pause_p99', 300e-6, 1),
    signal('gc_mean_pause', 150e-6, 2),
    signal('gc_cycle_rate', 2, 3),
    signal('sched_latency_p99', 200e-6, 4),
    signal('cpu_throttled_ratio', 0.2, 5),
    signal('mutex_wait_rate', 0.05, 6),
    signal('threads', 40, 7),
    signal('network_client_p99', 0.05, 8),
  ];
}

const replace = (signals: SignalSeries[], ...next: SignalSeries[]) =>
  signals.map((s) => next.find((n) => n.id === s.id) ?? s);

describe('attributeEvents: verdicts', () => {
  it('names GC when GC signals deviate, with the evidence and what was ruled out', () => {
    const signals = replace(
      quietSignals(),
      signal('gc_pause_p99', 300e-6, 1, 10),
      signal('gc_mean_pause', 150e-6, 2, 5)
    );
    const [a] = attributeEvents([spike], signals, options).attributions;
    expect(a.cause).toBe('gc');
    expect(a.causes).toEqual(['gc']);
    expect(a.possibleCauses).toEqual(['gc']);
    expect(a.evidence[0]).toMatchObject({ signal: 'gc_pause_p99', cause: 'gc', deviates: true, baselineSamples: 30 });
    expect(a.evidence[0].baseline).toBeCloseTo(300e-6, 5);
    expect(a.evidence[0].value).toBeGreaterThan(3000e-6);
    expect(a.evidence[0].z).toBeGreaterThan(30);
    expect(a.ruledOut).toEqual(['lock', 'syscall', 'network', 'scheduler', 'cpu_throttling']);
    expect(a.notObservable).toEqual([]);
    expect(a.confidence).toBeGreaterThan(0.9);
    expect(a.suggestedProfiles).toEqual(['allocs', 'heap']);
    expect(a.explanation).toMatch(/^GC \(GC stop-the-world pause P99 \d+ µs -> [\d.]+ ms, z \d+/);
  });

  it("says 'mixed' when two causes deviate about equally", () => {
    const signals = replace(
      quietSignals(),
      signal('gc_pause_p99', 300e-6, 1, 10),
      signal('cpu_throttled_ratio', 0.2, 5, 2)
    );
    const [a] = attributeEvents([spike], signals, options).attributions;
    expect(a.cause).toBe('mixed');
    expect(a.causes.sort()).toEqual(['cpu_throttling', 'gc']);
    expect(a.possibleCauses.sort()).toEqual(['cpu_throttling', 'gc']);
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(a.explanation).toMatch(/^Mixed: /);
  });

  it('names the clear winner when a second cause deviates only weakly', () => {
    // z ≈ 3.6 for the throttling ratio (floor 0.1 × 0.2 = 0.02, bump 0.072) vs z ≈ 33 for GC.
    const signals = replace(
      quietSignals(),
      signal('gc_pause_p99', 300e-6, 1, 10),
      signal('cpu_throttled_ratio', 0.2, 5, 0.36)
    );
    const [a] = attributeEvents([spike], signals, options).attributions;
    expect(a.cause).toBe('gc');
    expect(a.scores.cpu_throttling).toBeGreaterThan(0);
    expect(a.confidence).toBeLessThan(0.9);
  });

  it("says 'unexplained' when nothing deviates, listing what remains possible and which profile tells", () => {
    const signals = quietSignals().filter((s) => s.id !== 'mutex_wait_rate' && s.id !== 'network_client_p99');
    const [a] = attributeEvents([spike], signals, options).attributions;
    expect(a.cause).toBe('unexplained');
    expect(a.confidence).toBe(0);
    expect(a.causes).toEqual([]);
    expect(a.possibleCauses).toEqual(['lock', 'network']);
    expect(a.ruledOut).toEqual(['gc', 'syscall', 'scheduler', 'cpu_throttling']);
    expect(a.suggestedProfiles).toEqual(['mutex', 'goroutine', 'trace', 'block', 'cpu']);
    expect(a.explanation).toContain('Still possible, not observable: lock contention (needs one of: Go >= 1.20');
    expect(a.explanation).toContain('a mutex profile shows which locks were contended');
  });

  it('reports causes without signals as not observable (null score), never as zero', () => {
    const [a] = attributeEvents([spike], [signal('gc_pause_p99', 300e-6, 1, 10)], options).attributions;
    expect(a.cause).toBe('gc');
    expect(a.scores).toEqual({
      gc: expect.any(Number),
      lock: null,
      syscall: null,
      network: null,
      scheduler: null,
      cpu_throttling: null,
    });
    expect(a.notObservable).toEqual(['lock', 'syscall', 'network', 'scheduler', 'cpu_throttling']);
    expect(a.ruledOut).toEqual([]);
    expect(a.explanation).toContain('Not observable: lock contention');
  });

  it('attributes nothing when no signal at all is given', () => {
    const [a] = attributeEvents([spike], [], options).attributions;
    expect(a).toMatchObject({ cause: 'unexplained', evidence: [], ruledOut: [] });
    expect(a.possibleCauses).toHaveLength(6);
  });
});

describe('attributeEvents: honesty about symptoms and unknown signals', () => {
  it('ignores goroutines and in-flight requests however much they move, and says why', () => {
    const signals = [
      ...quietSignals(),
      signal('goroutines', 500, 20, 5),
      signal('inflight_requests', 20, 21, 5),
      signal('my_custom_metric', 1, 22, 5),
    ];
    const result = attributeEvents([spike], signals, options);
    expect(result.attributions[0].cause).toBe('unexplained');
    expect(result.ignoredSignals).toEqual([
      { id: 'goroutines', reason: expect.stringContaining("Little's law") },
      { id: 'inflight_requests', reason: expect.stringContaining('symptom') },
      { id: 'my_custom_metric', reason: 'not in the signal catalog' },
    ]);
  });
});

describe('attributeEvents: windows, lead and lag', () => {
  it.each([
    { name: 'moves 2 scrapes before the P99 (inside the lead)', from: 198, to: 200, cause: 'scheduler' },
    { name: 'moves 3 scrapes after the spike ends (inside the lag)', from: 206, to: 208, cause: 'scheduler' },
    { name: 'moved 10 scrapes before (outside the lead)', from: 188, to: 190, cause: 'unexplained' },
  ])('a signal that $name', ({ from, to, cause }) => {
    const signals = [signal('sched_latency_p99', 200e-6, 4, 10, from, to)];
    expect(attributeEvents([spike], signals, options).attributions[0].cause).toBe(cause);
  });

  it('uses the mean over a regression, so one noisy sample in a long window is not evidence', () => {
    const values = noisyLevel(N, 0.2, 0.004, 9);
    values[250] = 0.4; // one blip inside a 60-sample regression window
    const signals = [{ id: 'cpu_throttled_ratio', timestamps: ts, values }];
    const regression: EventWindow = { startMs: ts[220], endMs: ts[280], kind: 'regression' };
    expect(attributeEvents([regression], signals, options).attributions[0].cause).toBe('unexplained');
    expect(attributeEvents([{ ...regression, kind: 'spike' }], signals, options).attributions[0].cause).toBe(
      'cpu_throttling'
    );
    expect(
      attributeEvents([regression], signals, { ...options, regressionStatistic: 'max' }).attributions[0].cause
    ).toBe('cpu_throttling');
  });

  it('keeps z finite on a perfectly flat baseline thanks to minSigma', () => {
    const values = new Float64Array(N).fill(40);
    values[201] = 45; // five new threads: 5 / max(0, minSigma 1, 0.1 × 40 = 4) = z 1.25
    const [a] = attributeEvents([spike], [{ id: 'threads', timestamps: ts, values }], options).attributions;
    expect(a.evidence[0].z).toBeCloseTo(1.25, 10);
    expect(a.cause).toBe('unexplained');
  });

  it('does not judge a signal without enough baseline, or without data in the window', () => {
    const early: EventWindow = { startMs: ts[10], endMs: ts[12] };
    const gappy = signal('gc_pause_p99', 300e-6, 1);
    gappy.values.fill(NaN, 190, 215);
    const [a, b] = attributeEvents([early, spike], [signal('threads', 40, 7), gappy], options).attributions;
    expect(a.unjudged.map((u) => u.reason)).toEqual(['short-baseline', 'short-baseline']);
    expect(a.notObservable).toContain('syscall');
    expect(a.explanation).toContain('OS threads created: 6 samples before the event, 10 needed');
    expect(b.unjudged).toEqual([expect.objectContaining({ signal: 'gc_pause_p99', reason: 'no-data-in-window' })]);
    expect(b.notObservable).toContain('gc');
  });
});

describe('attributeEvents: options and programmer errors', () => {
  it('lets a weight change the verdict', () => {
    const signals = [signal('gc_pause_p99', 300e-6, 1, 10), signal('cpu_throttled_ratio', 0.2, 5, 2)];
    const weighted = { ...options, weights: { cpu_throttled_ratio: 0.2 } };
    expect(attributeEvents([spike], signals, weighted).attributions[0].cause).toBe('gc');
  });

  it.each<[string, Partial<AttributeOptionsInput>, RegExp]>([
    ['an unknown weight id', { weights: { gc_pauses: 1 } }, /option weights\.gc_pauses must be a signal id/],
    ['a negative weight', { weights: { threads: -1 } }, /option weights\.threads must be a finite number >= 0/],
    ['a zero minSigma', { minSigma: { threads: 0 } }, /option minSigma\.threads must be a finite number > 0/],
    ['a margin below 1', { margin: 0.5 }, /option margin/],
    [
      'an unknown statistic',
      { spikeStatistic: 'median' as 'max' },
      /option spikeStatistic must be 'max' or 'mean', got "median"/,
    ],
    [
      'minBaselineSamples above baselineSamples',
      { baselineSamples: 8, minBaselineSamples: 9 },
      /option minBaselineSamples/,
    ],
  ])('rejects %s', (_name, bad, message) => {
    const act = () => attributeEvents([], [], { ...options, ...bad });
    expect(act).toThrow(InvalidOptionError);
    expect(act).toThrow(message);
  });

  it.each([
    ['a signal passed twice', [signal('threads', 1, 1), signal('threads', 1, 2)]],
    ['lengths that differ', [{ id: 'threads', timestamps: ts, values: new Float64Array(3) }]],
    [
      'timestamps out of order',
      [{ id: 'threads', timestamps: Float64Array.from([2, 1]), values: new Float64Array(2) }],
    ],
  ])('throws on %s', (_name, signals) => {
    expect(() => attributeEvents([spike], signals, options)).toThrow(RangeError);
  });
});
