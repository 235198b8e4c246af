import { madOfSorted } from './robustStats';

/**
 * The last `capacity` values pushed, kept both in arrival order (a ring, to know what to evict) and
 * ascending (a sorted typed array, for the median and MAD).
 *
 * Cost per push, honestly: a binary search for the evicted value (O(log W) comparisons), then a walk
 * to the new value's rank that shifts the d entries in between by one slot (d comparisons and moves,
 * d ≤ W; about W/3 for values in random order). So a step is O(log W + d): O(W) in the worst case,
 * O(n·W) per series in theory. The walk is a tight loop over at most W doubles (240 bytes at W = 30);
 * at the window sizes this detector uses it beats a tree or skip list, whose O(log W) comes with
 * pointer chasing and allocation. median() is O(1), mad() is O(log W) (madOfSorted).
 * Measured (scripts/bench/spikes.ts, docs/spikes.md): time grows ~2.5x from W = 30 to W = 300.
 */
export class RollingMedianMad {
  private readonly sorted: Float64Array;
  private readonly ring: Float64Array;
  private head = 0; // ring slot of the oldest value once full
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`RollingMedianMad capacity must be a positive integer, got ${capacity}`);
    }
    this.sorted = new Float64Array(capacity);
    this.ring = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  /** Adds a finite value, evicting the oldest once full. */
  push(x: number): void {
    if (!Number.isFinite(x)) {
      throw new RangeError(`RollingMedianMad.push takes finite values, got ${x}`);
    }
    if (this.count < this.capacity) {
      this.ring[this.count] = x; // head stays 0 until full (clear() resets it)
      this.insert(x);
      this.count++;
      return;
    }
    const evicted = this.ring[this.head];
    this.ring[this.head] = x;
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    this.replace(evicted, x);
  }

  /** NaN when empty. (Same rule as medianOfSorted, inlined: this runs once per sample.) */
  median(): number {
    const n = this.count;
    if (n === 0) {
      return NaN;
    }
    const half = n >> 1;
    return n & 1 ? this.sorted[half] : (this.sorted[half - 1] + this.sorted[half]) / 2;
  }

  /** Median absolute deviation from the median (not yet scaled to sigma). */
  mad(): number {
    return madOfSorted(this.sorted, this.count, this.median());
  }

  /** The window ascending (a copy), for tests and debugging. */
  sortedValues(): Float64Array {
    return this.sorted.slice(0, this.count);
  }

  private insert(x: number): void {
    const s = this.sorted;
    let i = this.count;
    // Shift larger values up one slot; the insertion rank is found by the same walk.
    while (i > 0 && s[i - 1] > x) {
      s[i] = s[i - 1];
      i--;
    }
    s[i] = x;
  }

  /** Overwrites one occurrence of `old` with `x` and restores the order by shifting towards x's rank. */
  private replace(old: number, x: number): void {
    const s = this.sorted;
    const n = this.count;
    // Binary search for the evicted value (any of its copies will do).
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] < old) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    let i = lo;
    if (x > old) {
      while (i + 1 < n && s[i + 1] < x) {
        s[i] = s[i + 1];
        i++;
      }
    } else {
      while (i > 0 && s[i - 1] > x) {
        s[i] = s[i - 1];
        i--;
      }
    }
    s[i] = x;
  }
}
