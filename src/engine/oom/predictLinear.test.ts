import { MIB } from './options';
import { backtestPredictLinear, predictLinearAt } from './predictLinear';
import { gcSawtooth, levelling, linearLeak, mib, T0_MS } from './testing/memorySeries';
import { runScenario } from './testing/scenario';

const T0 = 1.7e12;
const at = (...seconds: number[]) => Float64Array.from(seconds, (s) => T0 + s * 1000);

describe('predictLinearAt (Prometheus semantics)', () => {
  it('extends the least-squares line from the evaluation time', () => {
    const ts = at(0, 1, 2, 3, 4, 5);
    const vs = Float64Array.from([0, 1, 2, 3, 4, 5], (s) => 100 + 2 * s);
    expect(predictLinearAt(ts, vs, T0 + 5000, 60, 40)).toEqual({ predicted: 100 + 2 * 45, slope: 2 });
    // Evaluated after the last sample, the line is still taken at the evaluation time.
    expect(predictLinearAt(ts, vs, T0 + 10_000, 60, 0)!.predicted).toBeCloseTo(120, 9);
  });

  it.each([
    ['fewer than two samples', [0], [1], 10, null],
    ['a left-open range: the sample at t − window is out', [0, 5, 10], [99, 1, 1], 10, { predicted: 1, slope: 0 }],
    ['NaN is no sample', [8, 9, 10], [NaN, 4, 6], 10, { predicted: 6 + 2 * 10, slope: 2 }],
  ])('%s', (_name, seconds, values, window, expected) => {
    const r = predictLinearAt(at(...seconds), Float64Array.from(values), T0 + 10_000, window, 10);
    if (expected === null) {
      expect(r).toBeNull();
    } else {
      expect(r!.predicted).toBeCloseTo(expected.predicted, 9);
      expect(r!.slope).toBeCloseTo(expected.slope, 9);
    }
  });

  it('returns a flat range exactly, as Prometheus does', () => {
    const v = 123456789.123;
    expect(predictLinearAt(at(1, 2, 3), Float64Array.of(v, v, v), T0 + 3000, 60, 1e6)).toEqual({
      predicted: v,
      slope: 0,
    });
  });
});

describe('backtestPredictLinear', () => {
  it('fires where predicted > limit and reports when the line reaches it', () => {
    const ts = at(0, 1, 2, 3);
    const vs = Float64Array.from([0, 1, 2, 3], (s) => (200 + 10 * s) * MIB);
    const bt = backtestPredictLinear(
      ts,
      vs,
      256 * MIB,
      { fromMs: T0, toMs: T0 + 3000 },
      { windowSeconds: 60, horizonSeconds: 5 }
    );
    // One sample: no result. From 1 s on: 210 + 10 × 5 = 260 > 256.
    expect(bt.evaluations.map((e) => e.fires)).toEqual([false, true, true, true]);
    expect(bt.warnings).toHaveLength(1);
    expect(bt.warnings[0]).toMatchObject({ startMs: T0 + 1000, endMs: T0 + 3000, peakState: 'warning', open: true });
    expect(bt.warnings[0].minTimeToLimitSeconds).toBeCloseTo(2.6, 9); // (256 − 230) / 10 at 3 s
  });

  it('rejects a bad window', () => {
    expect(() =>
      backtestPredictLinear(at(0), Float64Array.of(1), 1, { fromMs: T0, toMs: T0 }, { windowSeconds: 0 })
    ).toThrow('predict_linear: window 0 s must be > 0');
  });
});

/**
 * Why the engine beats `predict_linear(m[w], 40) > limit` at a 1 s scrape (numbers in docs/oom.md):
 * a window near the GC period fires on every cycle of a sawtooth that never gets near the kill, and
 * a window long enough to average the sawtooth out reacts too late to fast growth.
 */
describe('predict_linear baseline against the OOM engine', () => {
  const baseline = (
    model: Parameters<typeof runScenario>[0],
    windowSeconds: number,
    durationSeconds: number,
    fromSeconds = 0
  ) => {
    const r = runScenario(model, { durationSeconds, scrapeSeconds: 1 });
    const range = { fromMs: T0_MS + fromSeconds * 1000, toMs: T0_MS + durationSeconds * 1000 };
    const pl = backtestPredictLinear(r.series.timestampsMs, r.series.values, mib(256), range, {
      windowSeconds,
      horizonSeconds: 40,
    });
    const firstFire = pl.warnings.length > 0 ? (pl.warnings[0].startMs - T0_MS) / 1000 : null;
    return {
      engine: r,
      pl,
      lead: r.crossingSeconds !== null && firstFire !== null ? r.crossingSeconds - firstFire : null,
    };
  };

  it('[1m] fires on every cycle of a 60 s sawtooth between 100 and 240 MiB; the engine never does', () => {
    const { engine, pl } = baseline(gcSawtooth(mib(100), mib(240), 60, 20), 60, 900, 300);
    expect(pl.warnings.length).toBe(10); // ten cycles in the ten steady minutes
    expect(engine.backtest.warnings).toEqual([]);
  });

  it('[5m] is quiet on that sawtooth in steady state, but warns after the kill at 4 and 16 MiB/s', () => {
    expect(baseline(gcSawtooth(mib(100), mib(240), 60, 20), 300, 900, 300).pl.warnings).toEqual([]);
    for (const rate of [4, 16]) {
      const { engine, lead } = baseline(linearLeak(mib(50), mib(rate), 300), 300, 420);
      expect(lead!).toBeLessThan(0);
      expect(engine.leadSeconds!).toBeGreaterThanOrEqual(5);
    }
  });

  it('[1m] misses 16 MiB/s too, and fires on a start-up climb that levels off at 150 MiB', () => {
    expect(baseline(linearLeak(mib(50), mib(16), 300), 60, 420).lead!).toBeLessThan(5);
    const startup = baseline(levelling(mib(10), mib(150), 5), 60, 600);
    expect(startup.pl.warnings.length).toBeGreaterThan(0);
    expect(startup.engine.backtest.warnings).toEqual([]);
  });
});
