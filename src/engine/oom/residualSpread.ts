/**
 * Robust spread of one-step-ahead forecast residuals, O(1) per sample: an exponentially weighted
 * mean absolute residual, winsorised so that one GC drop or step cannot blow the band up, then
 * scaled to a normal standard deviation.
 */

/** σ of a normal distribution from its mean absolute deviation: √(π/2). */
const MEAN_ABS_TO_SIGMA = Math.sqrt(Math.PI / 2);
/** Weight of the newest residual: the spread reflects roughly the last ten samples. */
const SPREAD_WEIGHT = 0.1;
/** A residual counts at most this many current σ, so a single outlier moves σ by at most ~40 %. */
const CLIP_SIGMAS = 4;

export class ResidualSpread {
  private meanAbs = 0;
  private count = 0;

  update(residual: number): void {
    if (!Number.isFinite(residual)) {
      return;
    }
    let abs = Math.abs(residual);
    if (this.count === 0) {
      this.meanAbs = abs;
    } else {
      const sigma = this.sigma;
      if (sigma > 0) {
        abs = Math.min(abs, CLIP_SIGMAS * sigma);
      }
      this.meanAbs += SPREAD_WEIGHT * (abs - this.meanAbs);
    }
    this.count++;
  }

  /** Standard deviation of the residuals; NaN before the first residual. */
  get sigma(): number {
    return this.count === 0 ? NaN : this.meanAbs * MEAN_ABS_TO_SIGMA;
  }

  reset(): void {
    this.meanAbs = 0;
    this.count = 0;
  }
}
