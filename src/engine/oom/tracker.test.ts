import { MIB } from './options';
import { linearLeak, mib, scrape } from './testing/memorySeries';
import { evaluateSeries, OomTracker } from './tracker';
import { backtestOom } from './backtest';

const T0 = 1.7e12;
const leak = scrape(linearLeak(mib(50), mib(2), 300), { durationSeconds: 420, scrapeSeconds: 15 });

describe('OomTracker', () => {
  it('on a 15 s scrape, a 1 s refresh warns on the same samples as evaluating each sample once', () => {
    const range = { fromMs: T0, toMs: T0 + 420_000 };
    const perSample = backtestOom(leak.timestampsMs, leak.values, 256 * MIB, range);
    const everySecond = backtestOom(leak.timestampsMs, leak.values, 256 * MIB, { ...range, stepMs: 1000 });
    expect(perSample.warnings).toHaveLength(1);
    expect(everySecond.warnings.map((w) => w.startMs)).toEqual(perSample.warnings.map((w) => w.startMs));
    // Sixteen evaluations per new sample, one of which counts.
    const counted = everySecond.evaluations.filter((e) => e.newSample).length;
    expect(counted).toBe(leak.timestampsMs.length);
  });

  it('forgets the count when the process restarts', () => {
    const t = new OomTracker(256 * MIB, { warmupSeconds: 0 });
    [100, 110, 120, 130, 140].forEach((m, i) => t.push(T0 + i * 1000, m * MIB));
    t.evaluate(T0 + 4000);
    t.push(T0 + 5000, 10 * MIB); // far below the floor: a new process
    expect(t.evaluate(T0 + 5000)).toMatchObject({ streak: 0, forecast: { lastReset: { cause: 'drop' } } });
  });
});

describe('evaluateSeries', () => {
  it.each([
    ['no samples', new Float64Array(0), new Float64Array(0), undefined, 'no_data'],
    ['only NaN', Float64Array.of(T0), Float64Array.of(NaN), undefined, 'no_data'],
    ['no limit', leak.timestampsMs, leak.values, undefined, 'no_limit'],
  ])('%s → %s', (_name, ts, vs, at, state) => {
    expect(evaluateSeries(ts, vs, state === 'no_limit' ? null : 256 * MIB, at).state).toBe(state);
  });

  it('gives the verdict now: the live warning, counted down to atMs, and stale when silent too long', () => {
    const lastMs = T0 + 330_000; // 50 + 2 × 30 = 110 MiB, limit 73 s away at 2 MiB/s
    const now = evaluateSeries(leak.timestampsMs, leak.values, 256 * MIB, lastMs);
    const later = evaluateSeries(leak.timestampsMs, leak.values, 256 * MIB, lastMs + 10_000);
    expect(later.forecast.timeToLimitSeconds!).toBeCloseTo(now.forecast.timeToLimitSeconds! - 10, 6);
    expect(evaluateSeries(leak.timestampsMs, leak.values, 256 * MIB, lastMs + 14_000).forecast.lastSampleMs).toBe(
      lastMs
    );
    expect(evaluateSeries(leak.timestampsMs, leak.values, 256 * MIB, T0 + 500_000).reason).toBe('stale');
  });

  it('agrees with the backtest at its last sample', () => {
    const bt = backtestOom(leak.timestampsMs, leak.values, 256 * MIB, { fromMs: T0, toMs: T0 + 420_000 });
    expect(evaluateSeries(leak.timestampsMs, leak.values, 256 * MIB)).toEqual(
      bt.evaluations[bt.evaluations.length - 1]
    );
  });
});
