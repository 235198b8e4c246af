/**
 * Maximum (or minimum) of the samples in a trailing time window, O(1) amortised per sample: a
 * monotone deque over irregular timestamps, kept in growable typed arrays (no per-sample objects).
 */
export class SlidingExtreme {
  private times: Float64Array;
  private values: Float64Array;
  private head = 0;
  private size = 0;
  private readonly sign: number;

  constructor(
    private readonly windowMs: number,
    kind: 'max' | 'min',
    initialCapacity = 64
  ) {
    this.sign = kind === 'max' ? 1 : -1;
    const capacity = 1 << Math.ceil(Math.log2(Math.max(2, initialCapacity)));
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  /** Adds a sample (timestamps increase) and returns the extreme of the window ending at it. */
  push(tMs: number, value: number): number {
    const signed = this.sign * value;
    const mask = this.times.length - 1;
    // Older samples that are no larger can never be the extreme again.
    while (this.size > 0 && this.values[(this.head + this.size - 1) & mask] <= signed) {
      this.size--;
    }
    if (this.size === this.times.length) {
      this.grow();
    }
    const slot = (this.head + this.size) & (this.times.length - 1);
    this.times[slot] = tMs;
    this.values[slot] = signed;
    this.size++;
    this.expire(tMs);
    return this.value;
  }

  /** Drops samples at or before nowMs − window; the newest sample is always kept. */
  expire(nowMs: number): void {
    const mask = this.times.length - 1;
    while (this.size > 1 && this.times[this.head] <= nowMs - this.windowMs) {
      this.head = (this.head + 1) & mask;
      this.size--;
    }
  }

  /** The window's extreme, NaN when empty. */
  get value(): number {
    return this.size === 0 ? NaN : this.sign * this.values[this.head];
  }

  reset(): void {
    this.head = 0;
    this.size = 0;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const values = new Float64Array(capacity);
    const mask = this.times.length - 1;
    for (let i = 0; i < this.size; i++) {
      times[i] = this.times[(this.head + i) & mask];
      values[i] = this.values[(this.head + i) & mask];
    }
    this.times = times;
    this.values = values;
    this.head = 0;
  }
}
