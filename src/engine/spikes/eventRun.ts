import type { SpikeEvent } from './types';

/** The baseline an event is judged against: frozen when the event opens. */
export interface BaselineAtOpen {
  median: number;
  sigma: number;
  scale: number;
  threshold: number;
  /** The event continues while values stay above this (continueK ≤ k: hysteresis). */
  continueAbove: number;
}

export interface EventRunLimits {
  /** Longest first-to-last-sample span still called a spike, ms. */
  spikeMaxDurationMs: number;
  /** How many of the run's latest values to keep, for re-seeding the baseline at a new level. */
  keepLatest: number;
}

/**
 * The event being built from consecutive anomalous samples: peak, span, and its latest values
 * (so a long regression can become the new baseline without rescanning the series).
 */
export class EventRun {
  private active = false;
  private startMs = 0;
  private endMs = 0;
  private peak = -Infinity;
  private peakMs = 0;
  private samples = 0;
  private baseline: BaselineAtOpen = { median: NaN, sigma: NaN, scale: NaN, threshold: NaN, continueAbove: NaN };
  private readonly latest: Float64Array;
  private latestNext = 0;

  constructor(private readonly limits: EventRunLimits) {
    this.latest = new Float64Array(limits.keepLatest);
  }

  get isOpen(): boolean {
    return this.active;
  }

  get continueAbove(): number {
    return this.baseline.continueAbove;
  }

  get sampleCount(): number {
    return this.samples;
  }

  open(timeMs: number, value: number, baseline: BaselineAtOpen): void {
    this.active = true;
    this.startMs = timeMs;
    this.peak = -Infinity;
    this.samples = 0;
    this.latestNext = 0;
    this.baseline = baseline;
    this.add(timeMs, value);
  }

  add(timeMs: number, value: number): void {
    this.endMs = timeMs;
    this.samples++;
    if (value > this.peak) {
      this.peak = value;
      this.peakMs = timeMs;
    }
    this.latest[this.latestNext % this.latest.length] = value;
    this.latestNext++;
  }

  /** The run's last min(samples, keepLatest) values, oldest first. */
  latestValues(): Float64Array {
    const cap = this.latest.length;
    const kept = Math.min(this.latestNext, cap);
    const out = new Float64Array(kept);
    for (let i = 0; i < kept; i++) {
      out[i] = this.latest[(this.latestNext - kept + i) % cap];
    }
    return out;
  }

  close(how: { ongoing: boolean; acceptedAsNewLevel: boolean }): SpikeEvent {
    this.active = false;
    const durationMs = this.endMs - this.startMs;
    const { median, sigma, scale, threshold } = this.baseline;
    return {
      kind: durationMs <= this.limits.spikeMaxDurationMs ? 'spike' : 'regression',
      startMs: this.startMs,
      endMs: this.endMs,
      durationMs,
      peak: this.peak,
      peakMs: this.peakMs,
      baseline: median,
      sigma,
      scale,
      threshold,
      peakZ: scale > 0 ? (this.peak - median) / scale : Infinity,
      samples: this.samples,
      ongoing: how.ongoing,
      acceptedAsNewLevel: how.acceptedAsNewLevel,
    };
  }
}
