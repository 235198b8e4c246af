import { SlidingExtreme } from './slidingExtreme';
import { createPrng } from './testing/prng';

describe('SlidingExtreme', () => {
  it.each(['max', 'min'] as const)('matches a brute-force %s over random irregular samples', (kind) => {
    const prng = createPrng(7);
    const windowMs = 10_000;
    const ext = new SlidingExtreme(windowMs, kind, 2); // tiny start: exercises growth
    const seen: Array<[number, number]> = [];
    let t = 0;
    for (let i = 0; i < 2000; i++) {
      t += 1 + Math.floor(prng.next() * 3000);
      const v = Math.round(prng.normal() * 100) + (i % 50 === 0 ? 500 : 0);
      seen.push([t, v]);
      const inWindow = seen.filter(([ts]) => ts > t - windowMs).map(([, x]) => x);
      const expected = kind === 'max' ? Math.max(...inWindow) : Math.min(...inWindow);
      expect(ext.push(t, v)).toBe(expected);
    }
  });

  it('keeps the newest sample however old, and empties on reset', () => {
    const ext = new SlidingExtreme(1000, 'max');
    expect(ext.value).toBeNaN();
    ext.push(0, 5);
    ext.expire(60_000);
    expect(ext.value).toBe(5);
    ext.reset();
    expect(ext.value).toBeNaN();
  });
});
