import type { OomSeries } from './readForecastFrames';
import { sparklinePaths } from './sparklinePaths';

const series = (over: Partial<OomSeries> = {}): OomSeries => ({
  time: [0, 1000, 2000, 3000, 4000],
  usage: [50, 60, 70, null, null],
  limit: [100, 100, 100, 100, 100],
  softLimit: [null, null, null, null, null],
  forecast: [null, null, 70, 80, 90],
  forecastLower: [null, null, 70, 75, 80],
  forecastUpper: [null, null, 70, 85, 100],
  ...over,
});

describe('sparklinePaths', () => {
  it('draws usage, the limit, the forecast and its band in the box, from zero up', () => {
    const p = sparklinePaths(series(), 400, 100, 2000)!;
    // top = 100 × 1.05; y(100) = 2 + (1 − 100/105) × 96 ≈ 6.6; y(50) ≈ 52.3.
    expect(p.usage).toBe('M0,52.3L100,43.1L200,34');
    expect(p.limit).toBe('M0,6.6L100,6.6L200,6.6L300,6.6L400,6.6');
    expect(p.forecast).toBe('M200,34L300,24.9L400,15.7');
    expect(p.band).toBe('M200,34L300,20.3L400,6.6L400,24.9L300,29.4L200,34Z');
    expect(p.softLimit).toBe('');
    expect(p.nowX).toBe(200);
  });

  it('breaks lines at gaps and marks a lone point', () => {
    const p = sparklinePaths(series({ usage: [50, null, 70, 80, null] }), 400, 100, null)!;
    expect(p.usage).toBe('M0,52.3h0.5M200,34L300,24.9');
    expect(p.nowX).toBeNull();
  });

  it('has nothing to draw without two times or any value', () => {
    expect(sparklinePaths(series({ time: [0] }), 400, 100, null)).toBeNull();
    expect(sparklinePaths(series({ time: [5, 5, 5, 5, 5] }), 400, 100, null)).toBeNull();
    const empty = [null, null, null, null, null];
    expect(
      sparklinePaths(
        {
          time: [0, 1, 2, 3, 4],
          usage: empty,
          limit: empty,
          softLimit: empty,
          forecast: empty,
          forecastLower: empty,
          forecastUpper: empty,
        },
        400,
        100,
        null
      )
    ).toBeNull();
    expect(sparklinePaths(series(), 0, 100, null)).toBeNull();
  });
});
