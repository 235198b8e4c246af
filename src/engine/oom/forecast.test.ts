import { normaliseLimit, OomForecaster } from './forecast';
import { buildOomOptions, MIB } from './options';

const T0 = 1.7e12;

function feed(values: number[], stepSeconds = 1, options = {}) {
  const f = new OomForecaster(buildOomOptions(options));
  values.forEach((v, i) => f.push(T0 + i * stepSeconds * 1000, v));
  return f;
}

describe('normaliseLimit', () => {
  it.each([
    [null, null],
    [undefined, null],
    [NaN, null],
    [0, null], // cAdvisor's "no limit"
    [-1, null],
    [Infinity, null],
    [2 ** 63, null], // cgroup v1's "no limit"
    [256 * MIB, 256 * MIB],
  ])('%p → %p', (input, expected) => {
    expect(normaliseLimit(input)).toBe(expected);
  });
});

describe('OomForecaster', () => {
  it('reports nulls before the first sample', () => {
    const f = new OomForecaster(buildOomOptions()).forecast(256 * MIB, T0);
    expect(f).toMatchObject({
      lastSampleMs: null,
      levelBytes: null,
      timeToLimitSeconds: null,
      samplesSinceReset: 0,
      lastReset: null,
    });
  });

  it('forecasts a flat series as never reaching the limit', () => {
    const f = feed(Array(100).fill(100 * MIB)).forecast(256 * MIB, T0 + 99_000);
    expect(f.trendBytesPerSecond).toBe(0);
    expect(f.timeToLimitSeconds).toBe(Infinity);
    expect(f.earliestTimeToLimitSeconds).toBeNull();
    expect(f.bandLowerBytes).toBe(100 * MIB);
    expect(f.bandUpperBytes).toBe(100 * MIB);
  });

  it('counts the time to the limit from the evaluation time, not the last sample', () => {
    const ramp = Array.from({ length: 200 }, (_, i) => 50 * MIB + i * MIB); // 1 MiB/s, last 249 MiB
    const f = feed(ramp);
    const atLast = f.forecast(256 * MIB, T0 + 199_000);
    expect(atLast.trendBytesPerSecond! / MIB).toBeCloseTo(1, 6);
    expect(atLast.timeToLimitSeconds).toBeCloseTo(7, 6);
    expect(f.forecast(256 * MIB, T0 + 204_000).timeToLimitSeconds).toBeCloseTo(2, 6);
    expect(f.forecast(256 * MIB, T0 + 299_000).timeToLimitSeconds).toBe(0);
    expect(f.forecast(null, T0 + 199_000).timeToLimitSeconds).toBeNull();
  });

  it('is 0 at or over the limit', () => {
    expect(feed([300 * MIB, 300 * MIB]).forecast(256 * MIB, T0 + 1000).timeToLimitSeconds).toBe(0);
  });

  it('follows the GC peaks, not the sawtooth', () => {
    const saw = Array.from({ length: 300 }, (_, i) => (100 + 14 * (i % 10)) * MIB); // 100 → 226 MiB every 10 s
    const f = feed(saw).forecast(256 * MIB, T0 + 299_000);
    expect(f.envelopeBytes).toBe(226 * MIB);
    expect(f.lastValueBytes).toBe(226 * MIB);
    expect(Math.abs(f.trendBytesPerSecond!)).toBeLessThan(0.01 * MIB);
  });

  it.each([
    ['a GC drop to the floor', [100, 240, 100], null],
    ['a drop below half the floor', [100, 240, 40], 'drop'],
  ])('%s → reset %p', (_name, mib, cause) => {
    const f = feed([...Array(20).fill(100), ...mib].map((m) => m * MIB)).forecast(256 * MIB, T0 + 22_000);
    expect(f.lastReset?.cause ?? null).toBe(cause ?? 'first_sample');
    expect(f.samplesSinceReset).toBe(cause ? 1 : 23);
  });

  it('resets after a gap longer than maxGapSeconds and skips NaN', () => {
    const f = new OomForecaster(buildOomOptions());
    expect(f.push(T0, 100 * MIB)).toBe(true);
    expect(f.push(T0 + 1000, NaN)).toBe(false);
    expect(f.push(T0 + 30_000, 100 * MIB)).toBe(true);
    expect(f.forecast(null, T0 + 30_000).samplesSinceReset).toBe(2);
    f.push(T0 + 91_000, 100 * MIB);
    expect(f.forecast(null, T0 + 91_000)).toMatchObject({
      samplesSinceReset: 1,
      lastReset: { atMs: T0 + 91_000, cause: 'gap' },
    });
  });

  it('throws when timestamps do not increase', () => {
    const f = feed([1, 2]);
    expect(() => f.push(T0, 3)).toThrow('oom: timestamps must increase');
  });

  it.each([
    [1, 40],
    [15, 60], // (N + 1) scrapes: persistence alone takes N − 1 of them
  ])('stretches the horizon at a %d s scrape to %d s', (step, horizon) => {
    expect(feed([1, 2, 3, 4], step).forecast(null, T0).horizonSeconds).toBe(horizon);
  });

  it('widens the band where the envelope grows in steps, and reports the earlier crossing of its upper edge', () => {
    const steps = Array.from({ length: 100 }, (_, i) => (100 + 4 * Math.floor(i / 5)) * MIB); // +4 MiB every 5 s
    const f = feed(steps).forecast(190 * MIB, T0 + 99_000);
    expect(f.residualSpreadBytes!).toBeGreaterThan(0.1 * MIB);
    expect(f.bandUpperBytes! - f.bandLowerBytes!).toBeGreaterThan(4 * f.residualSpreadBytes!);
    expect(f.earliestTimeToLimitSeconds!).toBeLessThan(f.timeToLimitSeconds!);
  });
});
