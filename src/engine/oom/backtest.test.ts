import { backtestOom, warningIntervals } from './backtest';
import { MIB } from './options';
import { goHeap, gcSawtooth, mib, scrape, switchAt } from './testing/memorySeries';
import { createPrng } from './testing/prng';

const T0 = 1.7e12;

// Sawtooth, then a leak under GC, then a restart: every branch of the state machine is visited.
const model = switchAt(
  switchAt(
    gcSawtooth(mib(100), mib(200), 20),
    200,
    goHeap({
      liveBytes: mib(60),
      leakBytesPerSecond: mib(3),
      leakStartSeconds: 0,
      garbageBytesPerSecond: mib(40),
      durationSeconds: 200,
    })
  ),
  260,
  gcSawtooth(mib(20), mib(60), 5)
);
const series = scrape(model, { durationSeconds: 400, scrapeSeconds: 1, noiseBytes: mib(1), prng: createPrng(11) });
series.values[50] = NaN;

function truncate(untilMs: number) {
  const n = series.timestampsMs.findIndex((t) => t > untilMs);
  const end = n < 0 ? series.timestampsMs.length : n;
  return { ts: series.timestampsMs.subarray(0, end), vs: series.values.subarray(0, end) };
}

describe('backtestOom', () => {
  it.each([undefined, 1000, 2500])(
    'is causal: the verdict at t from data up to t alone equals the full run at t (stepMs %p)',
    (stepMs) => {
      const range = { fromMs: T0 + 30_000, toMs: T0 + 400_000, stepMs };
      const full = backtestOom(series.timestampsMs, series.values, 256 * MIB, range);
      expect(full.warnings.length).toBeGreaterThan(0);
      for (let k = 0; k < full.evaluations.length; k += 7) {
        const e = full.evaluations[k];
        const { ts, vs } = truncate(e.atMs);
        const alone = backtestOom(ts, vs, 256 * MIB, { ...range, toMs: e.atMs });
        expect(alone.evaluations[alone.evaluations.length - 1]).toEqual(e);
      }
    }
  );

  it('evaluates every stepMs from fromMs, letting earlier samples only prime the forecast', () => {
    const bt = backtestOom(series.timestampsMs, series.values, 256 * MIB, {
      fromMs: T0 + 100_000,
      toMs: T0 + 110_000,
      stepMs: 2000,
    });
    expect(bt.evaluations.map((e) => e.atMs - T0)).toEqual([100_000, 102_000, 104_000, 106_000, 108_000, 110_000]);
    expect(bt.evaluations[0].forecast.samplesSinceReset).toBe(100); // 101 samples up to 100 s, one NaN
  });

  it.each([
    [{ fromMs: 2, toMs: 1 }, 'oom: backtest range must have finite fromMs <= toMs, got 2..1'],
    [{ fromMs: 0, toMs: 1, stepMs: 0 }, 'oom: backtest stepMs must be a finite number > 0, got 0'],
  ])('rejects the range %j', (range, message) => {
    expect(() => backtestOom(series.timestampsMs, series.values, null, range)).toThrow(message);
  });
});

describe('warningIntervals', () => {
  const p = (atMs: number, state: 'ok' | 'warning' | 'imminent', ttl: number | null = 30) => ({
    atMs,
    state,
    timeToLimitSeconds: ttl,
  });

  it.each([
    ['none', [p(0, 'ok'), p(1, 'ok')], []],
    [
      'two runs, the last still open',
      [p(0, 'warning', 30), p(1, 'imminent', 10), p(2, 'ok'), p(3, 'warning', 25), p(4, 'warning', null)],
      [
        { startMs: 0, endMs: 1, minTimeToLimitSeconds: 10, peakState: 'imminent', open: false },
        { startMs: 3, endMs: 4, minTimeToLimitSeconds: 25, peakState: 'warning', open: true },
      ],
    ],
  ])('%s', (_name, points, expected) => {
    expect(warningIntervals(points as Array<ReturnType<typeof p>>)).toEqual(expected);
  });
});
