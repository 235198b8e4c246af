/**
 * Median and MAD on an ascending array, shared by the rolling detector window and the attribution
 * baselines. The MAD comes from the sorted values directly (no second sort): see `madOfSorted`.
 */

/**
 * Scales a median absolute deviation to the standard deviation of a normal distribution:
 * 1 / Φ⁻¹(3/4) ≈ 1.4826 (Rousseeuw & Croux 1993; the same constant as augurs' `MAD_K`).
 */
export const MAD_TO_SIGMA = 1.4826;

/** Median of the first `n` entries of an ascending array; NaN when `n` is 0. */
export function medianOfSorted(sorted: ArrayLike<number>, n: number): number {
  if (n === 0) {
    return NaN;
  }
  const half = n >> 1;
  return n & 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/**
 * Median of |x − median| over the first `n` entries of an ascending array, in O(log n).
 *
 * Split at h = ⌊n/2⌋: below it the deviations `median − sorted[h−1−t]` ascend with t, from it on the
 * deviations `sorted[h+t] − median` ascend with t. The MAD is the middle of the union of these two
 * ascending lists, found by binary search on how many come from the lower list (the classic
 * "k-th smallest of two sorted arrays"), never by sorting the deviations.
 */
export function madOfSorted(sorted: ArrayLike<number>, n: number, median: number): number {
  if (n === 0) {
    return NaN;
  }
  const h = n >> 1;
  const k = (n - 1) >> 1; // 0-based rank of the (lower) middle deviation
  const p = h; // lower[t] = median − sorted[h − 1 − t], t < p
  const q = n - h; // upper[t] = sorted[h + t] − median, t < q
  // (Inlined rather than closures: this runs once per sample in the detector's hot loop.)

  // Smallest count i taken from `lower` so that the k+1 smallest deviations are lower[0..i) ∪ upper[0..j).
  let lo = Math.max(0, k + 1 - q);
  let hi = Math.min(k + 1, p);
  while (lo < hi) {
    const i = (lo + hi) >> 1;
    if (median - sorted[h - 1 - i] < sorted[h + k - i] - median) {
      lo = i + 1;
    } else {
      hi = i;
    }
  }
  const i = lo;
  const j = k + 1 - i;
  const lastLower = i > 0 ? median - sorted[h - i] : -Infinity;
  const lastUpper = j > 0 ? sorted[h + j - 1] - median : -Infinity;
  const kth = lastLower > lastUpper ? lastLower : lastUpper;
  if (n & 1) {
    return kth;
  }
  const nextLower = i < p ? median - sorted[h - 1 - i] : Infinity;
  const nextUpper = j < q ? sorted[h + j] - median : Infinity;
  const next = nextLower < nextUpper ? nextLower : nextUpper;
  return (kth + next) / 2;
}

/** First index in `sorted[0..n)` whose value is ≥ x (n when none). */
export function lowerBound(sorted: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

export interface RobustLevel {
  median: number;
  /** 1.4826 × MAD: the standard deviation the spread would have if the data were normal. */
  sigma: number;
  /** Finite values the level was computed from. */
  count: number;
}

/** Median and robust sigma of the finite values in `values[from..to)`; O(m log m) for m values. */
export function robustLevel(values: ArrayLike<number>, from: number, to: number): RobustLevel {
  const finite = new Float64Array(Math.max(0, to - from));
  let count = 0;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      finite[count++] = v;
    }
  }
  const sorted = finite.subarray(0, count).sort();
  const median = medianOfSorted(sorted, count);
  return { median, sigma: MAD_TO_SIGMA * madOfSorted(sorted, count, median), count };
}
