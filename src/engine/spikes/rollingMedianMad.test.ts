import { RollingMedianMad } from './rollingMedianMad';
import { naiveMad, naiveMedian, seededRandom } from './testHelpers';

describe('RollingMedianMad', () => {
  it.each([
    { capacity: 3, pushes: [5, 1, 3], median: 3, mad: 2 },
    { capacity: 3, pushes: [5, 1, 3, 10], median: 3, mad: 2 },
    { capacity: 3, pushes: [5, 1, 3, 10, 11], median: 10, mad: 1 },
    { capacity: 4, pushes: [2, 2, 2, 2, 9], median: 2, mad: 0 },
    { capacity: 2, pushes: [4], median: 4, mad: 0 },
  ])('capacity $capacity after $pushes: median $median, MAD $mad', ({ capacity, pushes, median, mad }) => {
    const window = new RollingMedianMad(capacity);
    pushes.forEach((x) => window.push(x));
    expect(window.median()).toBe(median);
    expect(window.mad()).toBe(mad);
    expect(window.size).toBe(Math.min(capacity, pushes.length));
  });

  it('keeps exactly the last W values, sorted, against a naive sort on random data', () => {
    const random = seededRandom(42);
    for (const capacity of [1, 2, 5, 30, 31, 100]) {
      const window = new RollingMedianMad(capacity);
      const history: number[] = [];
      for (let i = 0; i < 3000; i++) {
        // A third of the values come from a small set: ties must not confuse the eviction.
        const x = i % 3 === 0 ? Math.floor(random() * 4) : random() * 1000 - 500;
        window.push(x);
        history.push(x);
        const last = history.slice(-capacity);
        expect(Array.from(window.sortedValues())).toEqual([...last].sort((a, b) => a - b));
        expect(window.median()).toBeCloseTo(naiveMedian(last), 10);
        expect(window.mad()).toBeCloseTo(naiveMad(last), 10);
      }
    }
  });

  it('starts over after clear()', () => {
    const window = new RollingMedianMad(3);
    [100, 200, 300, 400].forEach((x) => window.push(x));
    window.clear();
    window.push(1);
    expect(window.size).toBe(1);
    expect(window.median()).toBe(1);
  });

  it.each([
    ['capacity 0', () => new RollingMedianMad(0)],
    ['capacity 2.5', () => new RollingMedianMad(2.5)],
    ['a NaN push', () => new RollingMedianMad(3).push(NaN)],
  ])('throws on %s (programmer error)', (_name, act) => {
    expect(act).toThrow(RangeError);
  });
});
