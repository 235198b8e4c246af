import { lowerBound } from './robustStats';

export interface SigmaFloorOptions {
  sigmaFloorRelative: number;
  sigmaFloorAbsolute: number;
  bucketBounds: Float64Array | null;
  bucketWidthFraction: number;
}

/**
 * The smallest sigma the detector will believe at a given median level.
 *
 * histogram_quantile interpolates linearly inside the bucket the rank falls in, so on a quiet
 * service the P99 sits at a few quantised positions inside one bucket: its MAD is ~0, and the next
 * slow request moves it by a good part of the bucket width. Without a floor every such wobble is a
 * many-sigma "spike". The floor is the largest of: a fraction of the level, an absolute value, and a
 * fraction of the width of the bucket holding the median.
 */
export function sigmaFloor(median: number, options: SigmaFloorOptions): number {
  return sigmaFloorFor(options)(median);
}

/** The same rule specialised once per series, for the detector's per-sample loop. */
export function sigmaFloorFor(options: SigmaFloorOptions): (median: number) => number {
  const { sigmaFloorAbsolute: absolute, sigmaFloorRelative: relative, bucketBounds, bucketWidthFraction } = options;
  if (!bucketBounds || bucketWidthFraction === 0) {
    return (median) => Math.max(absolute, relative * Math.abs(median));
  }
  return (median) =>
    Math.max(absolute, relative * Math.abs(median), bucketWidthFraction * bucketWidthAt(median, bucketBounds));
}

/**
 * Width of the bucket (lower, upper] holding `value`, from the finite `le` bounds ascending.
 * The first bucket starts at 0 when its bound is positive (latency histograms), as in
 * histogram_quantile; above the last finite bound (the +Inf bucket) histogram_quantile answers
 * that bound itself, so the last finite bucket's width is used.
 */
export function bucketWidthAt(value: number, bounds: Float64Array): number {
  const n = bounds.length;
  if (n === 1) {
    return Math.abs(bounds[0]);
  }
  const upper = Math.min(lowerBound(bounds, n, value), n - 1);
  if (upper === 0) {
    return bounds[0] > 0 ? bounds[0] : bounds[1] - bounds[0];
  }
  return bounds[upper] - bounds[upper - 1];
}
