import { ForecastBand } from './band';
import { holtVarianceFactor } from './holt';

describe('ForecastBand', () => {
  it('is the straight line from the evaluation time, widened by Holt’s h-step factor', () => {
    const band = new ForecastBand().set(100, 2, 5, 3, 1, 0.3, 0.1);
    expect(band.centre(10)).toBe(100 + 2 * 15);
    expect(band.halfWidth(10)).toBeCloseTo(3 * Math.sqrt(holtVarianceFactor(15, 0.3, 0.1)), 12);
    expect(band.upper(10)).toBeCloseTo(band.centre(10) + band.halfWidth(10), 12);
    expect(new ForecastBand().set(100, 2, 0, 0, 1, 0.3, 0.1).halfWidth(1000)).toBe(0);
  });

  it.each([
    ['already at the limit', 256, 1, 0, 0],
    ['a line without spread reaching it in 28 s', 200, 2, 0, 28],
    ['not within the horizon', 100, 1, 0, null],
    ['a wide band crossing first', 200, 2, 1, 'before 28'],
  ])('crossing: %s', (_name, from, trend, scale, expected) => {
    const at = new ForecastBand().set(from, trend, 0, scale, 1, 0.3, 0.1).crossing(256, 40);
    if (expected === 'before 28') {
      expect(at!).toBeLessThan(28);
      expect(at!).toBeGreaterThan(0);
    } else if (expected === null) {
      expect(at).toBeNull();
    } else {
      expect(at!).toBeCloseTo(expected as number, 4);
    }
  });
});
