/**
 * Holt's linear (double exponential) smoothing on irregular timestamps. The trend is kept per
 * second and scaled by each sample's actual Δt. alpha and beta are the weights of one step of
 * stepSeconds; a sample Δt after the previous one gets 1 − (1 − w)^(Δt/stepSeconds), so the
 * smoothing forgets at the same rate per second whether the scrape is 1 s or 15 s (with textbook
 * per-sample weights a 15 s scrape would need minutes to see a trend). stepSeconds null: per sample.
 */

export class HoltSmoother {
  level = NaN;
  /** Bytes (or the series' unit) per second. */
  trendPerSecond = 0;
  lastMs = NaN;
  samples = 0;
  private cachedDtSeconds = NaN;
  private cachedAlpha = NaN;
  private cachedBeta = NaN;

  constructor(
    readonly alpha: number,
    readonly beta: number,
    readonly stepSeconds: number | null = null
  ) {}

  /** The weights a sample dtSeconds after the previous one gets. */
  weightsFor(dtSeconds: number): { alpha: number; beta: number } {
    this.cacheWeights(dtSeconds);
    return { alpha: this.cachedAlpha, beta: this.cachedBeta };
  }

  /** Scrape intervals repeat, so the two powers are computed once per distinct Δt in a row. */
  private cacheWeights(dtSeconds: number): void {
    if (dtSeconds !== this.cachedDtSeconds) {
      this.cachedDtSeconds = dtSeconds;
      this.cachedAlpha = stepWeight(this.alpha, dtSeconds, this.stepSeconds);
      this.cachedBeta = stepWeight(this.beta, dtSeconds, this.stepSeconds);
    }
  }

  /** Feeds one finite sample; returns the one-step-ahead residual (value − forecast), NaN for the first. */
  update(tMs: number, value: number): number {
    if (this.samples === 0) {
      this.level = value;
      this.trendPerSecond = 0;
      this.lastMs = tMs;
      this.samples = 1;
      return NaN;
    }
    const dtSeconds = (tMs - this.lastMs) / 1000;
    if (!(dtSeconds > 0)) {
      throw new RangeError(`holt: timestamps must increase, got ${tMs} after ${this.lastMs}`);
    }
    this.cacheWeights(dtSeconds);
    const alpha = this.cachedAlpha;
    const beta = this.cachedBeta;
    const predicted = this.level + this.trendPerSecond * dtSeconds;
    const level = alpha * value + (1 - alpha) * predicted;
    this.trendPerSecond = (beta * (level - this.level)) / dtSeconds + (1 - beta) * this.trendPerSecond;
    this.level = level;
    this.lastMs = tMs;
    this.samples++;
    return value - predicted;
  }

  /** The straight-line forecast at a time at or after the last sample. */
  forecastAt(tMs: number): number {
    return this.level + (this.trendPerSecond * (tMs - this.lastMs)) / 1000;
  }

  reset(): void {
    this.level = NaN;
    this.trendPerSecond = 0;
    this.lastMs = NaN;
    this.samples = 0;
  }
}

/** The weight of a sample dtSeconds after the previous one, for a weight given per stepSeconds (null: per sample). */
export function stepWeight(weight: number, dtSeconds: number, stepSeconds: number | null): number {
  return stepSeconds === null || dtSeconds === stepSeconds ? weight : 1 - Math.pow(1 - weight, dtSeconds / stepSeconds);
}

/**
 * Variance multiplier of Holt's h-step-ahead forecast error over the one-step error, for the
 * additive-trend model ETS(A,A,N) (Hyndman & Athanasopoulos, FPP3 table 8.8), whose trend
 * parameter is alpha × beta. h is in samples and may be fractional; below one step it is 1.
 */
export function holtVarianceFactor(hSteps: number, alpha: number, beta: number): number {
  if (!(hSteps > 1)) {
    return 1;
  }
  const b = alpha * beta;
  return 1 + (hSteps - 1) * (alpha * alpha + alpha * b * hSteps + (b * b * hSteps * (2 * hSteps - 1)) / 6);
}

export interface HoltSeries {
  /** NaN where the input was NaN. */
  level: Float64Array;
  trendPerSecond: Float64Array;
  /** One-step-ahead residuals; NaN at the first sample after a start or reset. */
  residual: Float64Array;
}

export interface HoltSmoothOptions {
  alpha?: number;
  beta?: number;
  /** Seconds one alpha/beta step stands for; null (default) for per-sample weights. */
  stepSeconds?: number | null;
  /** A longer silence between finite samples restarts the smoother. Default Infinity (never). */
  maxGapSeconds?: number;
}

/** Single pass over a whole series (NaN = no sample), for plots and tests. */
export function holtSmooth(
  timestampsMs: Float64Array,
  values: Float64Array,
  options: HoltSmoothOptions = {}
): HoltSeries {
  if (timestampsMs.length !== values.length) {
    throw new RangeError(`holt: ${timestampsMs.length} timestamps but ${values.length} values`);
  }
  const { alpha = 0.3, beta = 0.1, stepSeconds = null, maxGapSeconds = Infinity } = options;
  const holt = new HoltSmoother(alpha, beta, stepSeconds);
  const n = values.length;
  const out: HoltSeries = {
    level: new Float64Array(n),
    trendPerSecond: new Float64Array(n),
    residual: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out.level[i] = out.trendPerSecond[i] = out.residual[i] = NaN;
      continue;
    }
    if (holt.samples > 0 && timestampsMs[i] - holt.lastMs > maxGapSeconds * 1000) {
      holt.reset();
    }
    out.residual[i] = holt.update(timestampsMs[i], v);
    out.level[i] = holt.level;
    out.trendPerSecond[i] = holt.trendPerSecond;
  }
  return out;
}
