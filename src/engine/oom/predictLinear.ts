/**
 * The baseline the OOM forecast is compared with: Prometheus' `predict_linear(m[window], horizon) >
 * limit`, evaluated like a rule without `for:`. As in Prometheus (promql/functions.go), a least
 * squares line through the samples of the range (left-open (t − window, t], as since 3.0) is
 * taken at the evaluation time t and extended by horizon seconds; fewer than two samples give no
 * result. NaN here means "no sample" and is skipped (Prometheus would propagate a stored NaN).
 */
import { BacktestRange, OomWarningInterval, warningIntervals } from './backtest';
import { normaliseLimit } from './forecast';

export interface PredictLinearOptions {
  /** The range selector, seconds. Default 300 ([5m]). */
  windowSeconds: number;
  /** predict_linear's second argument, seconds. Default 40 (the OOM warning's horizon). */
  horizonSeconds: number;
}

export const DEFAULT_PREDICT_LINEAR_OPTIONS: Readonly<PredictLinearOptions> = Object.freeze({
  windowSeconds: 300,
  horizonSeconds: 40,
});

export interface PredictLinearEvaluation {
  atMs: number;
  /** predict_linear's value, or null when the range holds fewer than two samples. */
  predictedBytes: number | null;
  /** Slope of the fitted line, bytes per second. */
  slopeBytesPerSecond: number | null;
  /** The rule's verdict: predicted > limit. */
  fires: boolean;
}

/** predict_linear(m[window], horizon) at atMs, or null with fewer than two samples in the range. */
export function predictLinearAt(
  timestampsMs: Float64Array,
  values: Float64Array,
  atMs: number,
  windowSeconds: number,
  horizonSeconds: number
): { predicted: number; slope: number } | null {
  // Times relative to atMs keep the sums small, as Prometheus does.
  let n = 0;
  let firstY = NaN;
  let constantY = true;
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumX2 = 0;
  const fromMs = atMs - windowSeconds * 1000;
  for (let i = upperBound(timestampsMs, atMs) - 1; i >= 0 && timestampsMs[i] > fromMs; i--) {
    const y = values[i];
    if (!Number.isFinite(y)) {
      continue;
    }
    const x = (timestampsMs[i] - atMs) / 1000;
    if (n === 0) {
      firstY = y;
    } else if (y !== firstY) {
      constantY = false;
    }
    n++;
    sumX += x;
    sumY += y;
    sumXY += x * y;
    sumX2 += x * x;
  }
  if (n < 2) {
    return null;
  }
  if (constantY) {
    // Prometheus returns the value itself for a flat range, free of rounding.
    return { predicted: firstY, slope: 0 };
  }
  const covXY = sumXY - (sumX * sumY) / n;
  const varX = sumX2 - (sumX * sumX) / n;
  const slope = covXY / varX;
  const intercept = sumY / n - (slope * sumX) / n;
  return { predicted: intercept + slope * horizonSeconds, slope };
}

export interface PredictLinearBacktest {
  evaluations: PredictLinearEvaluation[];
  /** Runs of firing evaluations; minTimeToLimitSeconds from the fitted line. */
  warnings: OomWarningInterval[];
}

/** The baseline rule over a past range, at the same evaluation times as backtestOom. */
export function backtestPredictLinear(
  timestampsMs: Float64Array,
  values: Float64Array,
  limitBytes: number | null,
  range: BacktestRange,
  options: Partial<PredictLinearOptions> = {}
): PredictLinearBacktest {
  const { windowSeconds, horizonSeconds } = { ...DEFAULT_PREDICT_LINEAR_OPTIONS, ...options };
  if (
    !(windowSeconds > 0 && Number.isFinite(windowSeconds)) ||
    !(horizonSeconds >= 0 && Number.isFinite(horizonSeconds))
  ) {
    throw new RangeError(`predict_linear: window ${windowSeconds} s must be > 0 and horizon ${horizonSeconds} s >= 0`);
  }
  const limit = normaliseLimit(limitBytes);
  const times: number[] = [];
  if (range.stepMs === undefined) {
    timestampsMs.forEach((t, i) => t >= range.fromMs && t <= range.toMs && Number.isFinite(values[i]) && times.push(t));
  } else {
    for (let t = range.fromMs; t <= range.toMs; t += range.stepMs) {
      times.push(t);
    }
  }
  const evaluations = times.map((atMs): PredictLinearEvaluation => {
    const fit = predictLinearAt(timestampsMs, values, atMs, windowSeconds, horizonSeconds);
    return {
      atMs,
      predictedBytes: fit?.predicted ?? null,
      slopeBytesPerSecond: fit?.slope ?? null,
      fires: fit !== null && limit !== null && fit.predicted > limit,
    };
  });
  const points = evaluations.map((e) => ({
    atMs: e.atMs,
    state: e.fires ? ('warning' as const) : ('ok' as const),
    timeToLimitSeconds: lineTimeToLimit(e, limit, horizonSeconds),
  }));
  return { evaluations, warnings: warningIntervals(points) };
}

/** When the fitted line reaches the limit, counted from the evaluation time. */
function lineTimeToLimit(e: PredictLinearEvaluation, limit: number | null, horizonSeconds: number): number | null {
  if (limit === null || e.predictedBytes === null || e.slopeBytesPerSecond === null) {
    return null;
  }
  const now = e.predictedBytes - e.slopeBytesPerSecond * horizonSeconds;
  if (now >= limit) {
    return 0;
  }
  return e.slopeBytesPerSecond > 0 ? (limit - now) / e.slopeBytesPerSecond : Infinity;
}

/** Index of the first timestamp > t (timestamps ascending). */
function upperBound(timestampsMs: Float64Array, t: number): number {
  let lo = 0;
  let hi = timestampsMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestampsMs[mid] <= t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
