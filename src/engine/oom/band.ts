/**
 * The forecast band around Holt's straight line: centre from + trend × t, half-width
 * bandSigmas × σ × √(Holt's h-step variance factor). One instance is reused for every forecast of
 * a series, so a per-sample evaluation allocates nothing for it.
 */
import { holtVarianceFactor } from './holt';

/** Bisection rounds for the crossing time: horizon / 2^20 is well below a millisecond. */
const CROSSING_ROUNDS = 20;

export class ForecastBand {
  private from = 0;
  private trend = 0;
  private staleSeconds = 0;
  private scale = 0;
  private stepSeconds = 1;
  private alpha = 1;
  private beta = 1;

  /** alpha and beta are the weights of one typical sample interval (stepSeconds). */
  set(
    from: number,
    trend: number,
    staleSeconds: number,
    scale: number,
    stepSeconds: number,
    alpha: number,
    beta: number
  ): this {
    this.from = from;
    this.trend = trend;
    this.staleSeconds = staleSeconds;
    this.scale = scale;
    this.stepSeconds = stepSeconds > 0 ? stepSeconds : 1;
    this.alpha = alpha;
    this.beta = beta;
    return this;
  }

  centre(hSeconds: number): number {
    return this.from + this.trend * (this.staleSeconds + hSeconds);
  }

  halfWidth(hSeconds: number): number {
    if (this.scale === 0) {
      return 0;
    }
    const steps = (this.staleSeconds + hSeconds) / this.stepSeconds;
    return this.scale * Math.sqrt(holtVarianceFactor(steps, this.alpha, this.beta));
  }

  upper(hSeconds: number): number {
    return this.centre(hSeconds) + this.halfWidth(hSeconds);
  }

  /** First h in [0, horizon] where the upper edge (rising with h) reaches the limit, or null if it does not. */
  crossing(limit: number, horizonSeconds: number): number | null {
    if (this.upper(0) >= limit) {
      return 0;
    }
    if (this.upper(horizonSeconds) < limit) {
      return null;
    }
    let lo = 0;
    let hi = horizonSeconds;
    for (let i = 0; i < CROSSING_ROUNDS; i++) {
      const mid = (lo + hi) / 2;
      if (this.upper(mid) >= limit) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }
}
