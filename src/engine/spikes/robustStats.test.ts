import { lowerBound, MAD_TO_SIGMA, madOfSorted, medianOfSorted, robustLevel } from './robustStats';
import { naiveMad, naiveMedian, seededRandom } from './testHelpers';

describe('medianOfSorted and madOfSorted', () => {
  it.each([
    { values: [5], median: 5, mad: 0 },
    { values: [1, 3], median: 2, mad: 1 },
    { values: [1, 2, 3], median: 2, mad: 1 },
    { values: [1, 1, 2, 2, 4, 6, 9], median: 2, mad: 1 },
    { values: [1, 2, 3, 4, 100], median: 3, mad: 1 },
    { values: [7, 7, 7, 7], median: 7, mad: 0 },
    { values: [0, 0, 0, 10], median: 0, mad: 0 },
    { values: [-3, -1, 0, 2, 8, 9], median: 1, mad: 3 },
  ])('$values -> median $median, MAD $mad', ({ values, median, mad }) => {
    const sorted = Float64Array.from(values).sort();
    expect(medianOfSorted(sorted, sorted.length)).toBe(median);
    expect(madOfSorted(sorted, sorted.length, median)).toBe(mad);
  });

  it('returns NaN for no values', () => {
    expect(medianOfSorted(new Float64Array(0), 0)).toBeNaN();
    expect(madOfSorted(new Float64Array(0), 0, NaN)).toBeNaN();
  });

  it('matches the sort-the-deviations definition on random data, duplicates included', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 2000; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const quantised = trial % 3 === 0; // many ties, like histogram_quantile output
      const values = Array.from({ length: n }, () => (quantised ? Math.floor(random() * 5) : random() * 100 - 50));
      const sorted = Float64Array.from(values).sort();
      const median = medianOfSorted(sorted, n);
      expect(median).toBeCloseTo(naiveMedian(values), 12);
      expect(madOfSorted(sorted, n, median)).toBeCloseTo(naiveMad(values), 12);
    }
  });
});

describe('lowerBound', () => {
  const sorted = Float64Array.from([1, 2, 2, 2, 5]);
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 4],
    [5, 4],
    [6, 5],
  ])('first index >= %p is %p', (x, index) => {
    expect(lowerBound(sorted, sorted.length, x)).toBe(index);
  });
});

describe('robustLevel', () => {
  it('skips non-finite values and scales the MAD to sigma', () => {
    const level = robustLevel([9, 1, NaN, 2, 3, Infinity, 4, 100], 1, 7);
    expect(level).toEqual({ median: 2.5, sigma: MAD_TO_SIGMA * 1, count: 4 });
  });

  it('reports an empty range as NaN with count 0', () => {
    expect(robustLevel([1, 2], 1, 1)).toEqual({ median: NaN, sigma: NaN, count: 0 });
  });
});
