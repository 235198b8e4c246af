import { ResidualSpread } from './residualSpread';
import { createPrng } from './testing/prng';

describe('ResidualSpread', () => {
  it.each([1, 1000, 5e6])('estimates σ = %d of normal residuals within 15 %', (sigma) => {
    const prng = createPrng(3);
    const s = new ResidualSpread();
    const estimates: number[] = [];
    for (let i = 0; i < 5000; i++) {
      s.update(prng.normal() * sigma);
      estimates.push(s.sigma);
    }
    const mean = estimates.slice(100).reduce((a, b) => a + b, 0) / (estimates.length - 100);
    expect(mean / sigma).toBeGreaterThan(0.85);
    expect(mean / sigma).toBeLessThan(1.15);
  });

  it('moves at most ~40 % on one huge residual, and ignores NaN', () => {
    const s = new ResidualSpread();
    expect(s.sigma).toBeNaN();
    for (let i = 0; i < 50; i++) {
      s.update(i % 2 ? 1 : -1);
    }
    const before = s.sigma;
    s.update(NaN);
    expect(s.sigma).toBe(before);
    s.update(1e9);
    expect(s.sigma / before).toBeLessThan(1.41);
    s.reset();
    expect(s.sigma).toBeNaN();
  });
});
