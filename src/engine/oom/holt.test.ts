import { holtSmooth, HoltSmoother, holtVarianceFactor } from './holt';

const T0 = 1.7e12;
const times = (...seconds: number[]) => Float64Array.from(seconds, (s) => T0 + s * 1000);

describe('HoltSmoother', () => {
  it('returns NaN for the first residual, then value − forecast', () => {
    const h = new HoltSmoother(0.5, 0.5);
    expect(h.update(T0, 10)).toBeNaN();
    expect(h.level).toBe(10);
    expect(h.trendPerSecond).toBe(0);
    // forecast 10; level = 0.5·20 + 0.5·10 = 15; trend = 0.5·(15 − 10)/2 s + 0.5·0 = 1.25 per second
    expect(h.update(T0 + 2000, 20)).toBe(10);
    expect(h.level).toBe(15);
    expect(h.trendPerSecond).toBe(1.25);
    expect(h.forecastAt(T0 + 4000)).toBe(17.5);
  });

  it.each([
    ['regular 1 s', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['irregular', [0, 1, 3, 4, 7, 8, 9, 12, 13, 15, 16]],
  ])('tracks a noiseless line exactly once started on it (%s timestamps)', (_name, seconds) => {
    const h = new HoltSmoother(0.3, 0.1, 1);
    h.level = 100;
    h.trendPerSecond = 2;
    h.lastMs = T0 - 1000;
    h.samples = 1;
    for (const s of seconds) {
      expect(h.update(T0 + s * 1000, 100 + 2 * (s + 1))).toBeCloseTo(0, 9);
    }
    expect(h.trendPerSecond).toBeCloseTo(2, 9);
  });

  it('scales the weights to Δt: one 15 s step forgets like fifteen 1 s steps', () => {
    const h = new HoltSmoother(0.3, 0.1, 1);
    expect(h.weightsFor(1)).toEqual({ alpha: 0.3, beta: 0.1 });
    expect(h.weightsFor(15).alpha).toBeCloseTo(1 - 0.7 ** 15, 12);
    expect(h.weightsFor(15).beta).toBeCloseTo(1 - 0.9 ** 15, 12);
    expect(new HoltSmoother(0.3, 0.1, null).weightsFor(15)).toEqual({ alpha: 0.3, beta: 0.1 });
  });

  it('throws on timestamps that do not increase (a programmer error)', () => {
    const h = new HoltSmoother(0.3, 0.1);
    h.update(T0, 1);
    expect(() => h.update(T0, 2)).toThrow('holt: timestamps must increase');
  });
});

describe('holtSmooth', () => {
  it('skips NaN (no sample) and restarts after a long gap', () => {
    const out = holtSmooth(times(0, 1, 2, 3, 100, 101), Float64Array.from([1, NaN, 3, 4, 50, 51]), {
      maxGapSeconds: 60,
    });
    expect(out.level[1]).toBeNaN();
    expect(out.residual[0]).toBeNaN();
    expect(out.residual[2]).toBe(2); // 3 − 1: the NaN did not move the forecast
    expect(out.residual[4]).toBeNaN(); // restarted
    expect(out.level[4]).toBe(50);
    expect(out.trendPerSecond[4]).toBe(0);
  });

  it('rejects arrays of different lengths', () => {
    expect(() => holtSmooth(times(0, 1), Float64Array.from([1]))).toThrow('holt: 2 timestamps but 1 values');
  });
});

describe('holtVarianceFactor', () => {
  it.each([
    [0.5, 1],
    [1, 1],
    // 1 + (h − 1)(α² + α·b·h + b²·h(2h − 1)/6) with b = αβ = 0.03
    [2, 1 + (0.09 + 0.3 * 0.03 * 2 + (0.0009 * 2 * 3) / 6)],
    [10, 1 + 9 * (0.09 + 0.3 * 0.03 * 10 + (0.0009 * 10 * 19) / 6)],
  ])('h = %d steps → %d', (h, expected) => {
    expect(holtVarianceFactor(h, 0.3, 0.1)).toBeCloseTo(expected, 12);
  });
});
