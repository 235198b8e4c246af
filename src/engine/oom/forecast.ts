/**
 * The OOM forecast of one memory series, fed one raw sample at a time. The kernel kills at a GC
 * peak, so the forecast follows the peak envelope (highest sample of a trailing window that spans
 * a GC cycle) rather than the raw sawtooth: the envelope of a steady sawtooth is flat, of a leak it
 * rises, of monotone growth it is the series itself. Holt smooths the envelope; the band comes from
 * the robust spread of Holt's one-step residuals. A restart (a drop far below the window's floor,
 * or a gap) starts everything afresh, so a dead process's climb is never reused.
 */
import { ForecastBand } from './band';
import { HoltSmoother, stepWeight } from './holt';
import { OomOptions } from './options';
import { ResidualSpread } from './residualSpread';
import { SlidingExtreme } from './slidingExtreme';

export type ResetCause = 'first_sample' | 'gap' | 'drop';

export interface OomForecast {
  /** When the forecast is read; the time to the limit counts from here. */
  atMs: number;
  lastSampleMs: number | null;
  lastValueBytes: number | null;
  /** Highest sample in the envelope window: the peak the next GC cycle is expected to reach again. */
  envelopeBytes: number | null;
  /** Holt level of the envelope at the last sample. */
  levelBytes: number | null;
  /** Holt trend of the envelope, bytes per second. */
  trendBytesPerSecond: number | null;
  /** Robust σ of the one-step residuals. */
  residualSpreadBytes: number | null;
  limitBytes: number | null;
  /** Seconds from atMs until max(level, envelope) + trend × t reaches the limit; 0 at or over it; Infinity when the trend is ≤ 0; null without data or limit. */
  timeToLimitSeconds: number | null;
  /** Seconds until the band's upper edge reaches the limit; null when it does not within horizonSeconds (or no data/limit). */
  earliestTimeToLimitSeconds: number | null;
  horizonSeconds: number;
  /** The forecast band at atMs + horizonSeconds. */
  bandLowerBytes: number | null;
  bandUpperBytes: number | null;
  /** Finite samples since the last reset. */
  samplesSinceReset: number;
  secondsSinceReset: number | null;
  lastReset: { atMs: number; cause: ResetCause } | null;
}

/** Limits at or above this are "unlimited" (cgroup v1 reports ~2^63 for no limit). */
const UNLIMITED_BYTES = 2 ** 60;
/** Weight of the newest Δt in the typical sample interval (converts the horizon to Holt steps). */
const STEP_WEIGHT = 0.1;

/** A usable limit, or null for none: null, NaN, ≤ 0 (cAdvisor's "no limit") and huge values. */
export function normaliseLimit(limitBytes: number | null | undefined): number | null {
  return limitBytes != null && Number.isFinite(limitBytes) && limitBytes > 0 && limitBytes < UNLIMITED_BYTES
    ? limitBytes
    : null;
}

export class OomForecaster {
  private readonly holt: HoltSmoother;
  private readonly envelope: SlidingExtreme;
  private readonly floor: SlidingExtreme;
  private readonly spread = new ResidualSpread();
  private lastMs = NaN;
  private lastValue = NaN;
  private samples = 0;
  private stepSeconds = NaN;
  private resetMs = NaN;
  private lastReset: OomForecast['lastReset'] = null;
  private readonly band = new ForecastBand();
  private bandStepSeconds = NaN;
  private bandAlpha = NaN;
  private bandBeta = NaN;
  /** Increments at every reset, so a consumer can tell that the process changed since it last looked. */
  resets = 0;

  constructor(private readonly options: OomOptions) {
    this.holt = new HoltSmoother(options.alpha, options.beta, options.smoothingStepSeconds);
    this.envelope = new SlidingExtreme(options.envelopeWindowSeconds * 1000, 'max');
    this.floor = new SlidingExtreme(options.envelopeWindowSeconds * 1000, 'min');
  }

  get hasData(): boolean {
    return this.samples > 0;
  }

  get lastSampleMs(): number {
    return this.lastMs;
  }

  get envelopeBytes(): number {
    return this.envelope.value;
  }

  /** Feeds one raw sample. NaN/±Infinity mean "no sample" and are skipped (returns false). */
  push(tMs: number, value: number): boolean {
    if (!Number.isFinite(value)) {
      return false;
    }
    if (this.samples > 0 && !(tMs > this.lastMs)) {
      throw new RangeError(`oom: timestamps must increase, got ${tMs} after ${this.lastMs}`);
    }
    const cause = this.resetCauseFor(tMs, value);
    if (cause) {
      this.reset(tMs, cause);
    } else {
      this.stepSeconds = Number.isNaN(this.stepSeconds)
        ? (tMs - this.lastMs) / 1000
        : this.stepSeconds + STEP_WEIGHT * ((tMs - this.lastMs) / 1000 - this.stepSeconds);
    }
    const envelope = this.envelope.push(tMs, value);
    this.floor.push(tMs, value);
    this.spread.update(this.holt.update(tMs, envelope));
    this.lastMs = tMs;
    this.lastValue = value;
    this.samples++;
    return true;
  }

  /** The forecast read at atMs (the countdown counts from there). */
  forecast(limitBytes: number | null, atMs: number): OomForecast {
    return this.forecastInto(emptyForecast(), limitBytes, atMs);
  }

  /** Fills target (a record the caller may reuse between calls, to allocate nothing). */
  forecastInto(target: OomForecast, limitBytes: number | null, atMs: number): OomForecast {
    const limit = normaliseLimit(limitBytes);
    const horizonSeconds = this.horizonSeconds();
    if (this.samples === 0) {
      Object.assign(target, emptyForecast());
      target.atMs = atMs;
      target.limitBytes = limit;
      target.horizonSeconds = horizonSeconds;
      return target;
    }
    const level = this.holt.level;
    // While growth sets in, the smoothed level lags the peak already reached, and the kernel sees the peak.
    const from = Math.max(level, this.envelope.value);
    const trend = this.holt.trendPerSecond;
    const sigma = Number.isNaN(this.spread.sigma) ? 0 : this.spread.sigma;
    const staleSeconds = Math.max(0, (atMs - this.lastMs) / 1000);
    const band = this.bandFor(from, trend, sigma, staleSeconds);
    const halfWidth = band.halfWidth(horizonSeconds);
    target.atMs = atMs;
    target.lastSampleMs = this.lastMs;
    target.lastValueBytes = this.lastValue;
    target.envelopeBytes = this.envelope.value;
    target.levelBytes = level;
    target.trendBytesPerSecond = trend;
    target.residualSpreadBytes = sigma;
    target.limitBytes = limit;
    target.timeToLimitSeconds = limit === null ? null : timeToLimit(limit, from, trend, staleSeconds);
    target.earliestTimeToLimitSeconds = limit === null ? null : band.crossing(limit, horizonSeconds);
    target.horizonSeconds = horizonSeconds;
    target.bandLowerBytes = band.centre(horizonSeconds) - halfWidth;
    target.bandUpperBytes = band.centre(horizonSeconds) + halfWidth;
    target.samplesSinceReset = this.samples;
    target.secondsSinceReset = (atMs - this.resetMs) / 1000;
    target.lastReset = this.lastReset;
    return target;
  }

  private resetCauseFor(tMs: number, value: number): ResetCause | null {
    if (this.samples === 0) {
      return 'first_sample';
    }
    if (tMs - this.lastMs > this.options.maxGapSeconds * 1000) {
      return 'gap';
    }
    // A GC cannot free the live heap, so falling far below the window's lowest sample means a new process.
    this.floor.expire(tMs);
    return value < this.options.restartDropRatio * this.floor.value ? 'drop' : null;
  }

  private reset(tMs: number, cause: ResetCause): void {
    this.holt.reset();
    this.envelope.reset();
    this.floor.reset();
    this.spread.reset();
    this.samples = 0;
    this.stepSeconds = NaN;
    this.resetMs = tMs;
    this.lastReset = { atMs: tMs, cause };
    this.resets++;
  }

  /** The horizon, stretched to N + 1 scrape intervals: persistence alone takes N − 1 of them. */
  horizonSeconds(): number {
    const scrapes = (this.options.consecutiveEvaluations + 1) * (this.stepSeconds > 0 ? this.stepSeconds : 0);
    return Math.max(this.options.horizonSeconds, scrapes);
  }

  private bandFor(from: number, trend: number, sigma: number, staleSeconds: number): ForecastBand {
    const step = this.stepSeconds > 0 ? this.stepSeconds : 1;
    if (step !== this.bandStepSeconds) {
      // Holt's weights for one typical interval; recomputed only when the interval estimate moves.
      const { alpha, beta, smoothingStepSeconds } = this.options;
      this.bandStepSeconds = step;
      this.bandAlpha = stepWeight(alpha, step, smoothingStepSeconds);
      this.bandBeta = stepWeight(beta, step, smoothingStepSeconds);
    }
    const scale = this.options.bandSigmas * sigma;
    return this.band.set(from, trend, staleSeconds, scale, step, this.bandAlpha, this.bandBeta);
  }
}

function emptyForecast(): OomForecast {
  return {
    atMs: NaN,
    lastSampleMs: null,
    lastValueBytes: null,
    envelopeBytes: null,
    levelBytes: null,
    trendBytesPerSecond: null,
    residualSpreadBytes: null,
    limitBytes: null,
    timeToLimitSeconds: null,
    earliestTimeToLimitSeconds: null,
    horizonSeconds: NaN,
    bandLowerBytes: null,
    bandUpperBytes: null,
    samplesSinceReset: 0,
    secondsSinceReset: null,
    lastReset: null,
  };
}

function timeToLimit(limit: number, level: number, trend: number, staleSeconds: number): number {
  if (level >= limit) {
    return 0;
  }
  if (!(trend > 0)) {
    return Infinity;
  }
  return Math.max(0, (limit - level) / trend - staleSeconds);
}
