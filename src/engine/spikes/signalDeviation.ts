import type { AttributeOptions } from './attributeOptions';
import { lowerBound, robustLevel } from './robustStats';
import type { SignalId, SignalSpec } from './signals';
import type { EventWindow, Evidence, SignalSeries, UnjudgedSignal } from './types';

/**
 * How far one signal moved during one event, against its own level before the event.
 *
 *   baseline   [start − leadLag − baselineSamples × step, start − leadLag)
 *   window     [start − leadLag, end + leadLag]   (signals may lead or lag the P99 by a rate window)
 *   z          (window statistic − baseline median) / max(1.4826 × MAD, minSigma, relative floor × |median|)
 *
 * The baseline ends where the widened window begins, so a signal that leads the P99 does not
 * contaminate its own baseline. O(log n + m log m) for m baseline samples.
 */
export function measureSignal(
  series: SignalSeries,
  spec: SignalSpec,
  event: EventWindow,
  options: AttributeOptions
): Evidence | UnjudgedSignal {
  const id = spec.id as SignalId;
  const stepMs = options.stepSeconds * 1000;
  const leadLagMs = options.leadLagSeconds * 1000;
  const windowStart = event.startMs - leadLagMs;
  const windowEnd = event.endMs + leadLagMs;
  const { timestamps, values } = series;
  const n = timestamps.length;

  const baselineFrom = lowerBound(timestamps, n, windowStart - options.baselineSamples * stepMs);
  const windowFrom = lowerBound(timestamps, n, windowStart);
  const windowTo = firstAfter(timestamps, n, windowEnd);

  const level = robustLevel(values, baselineFrom, windowFrom);
  if (level.count < options.minBaselineSamples) {
    return {
      signal: id,
      cause: spec.cause,
      reason: 'short-baseline',
      message: `${spec.name}: ${level.count} samples before the event, ${options.minBaselineSamples} needed`,
    };
  }
  const statistic = event.kind === 'regression' ? options.regressionStatistic : options.spikeStatistic;
  const value = summarise(values, windowFrom, windowTo, statistic, spec.direction);
  if (Number.isNaN(value)) {
    return {
      signal: id,
      cause: spec.cause,
      reason: 'no-data-in-window',
      message: `${spec.name}: no samples during the event`,
    };
  }
  const scale = Math.max(level.sigma, options.minSigma[id], options.sigmaFloorRelative * Math.abs(level.median));
  const z = (spec.direction === 'up' ? value - level.median : level.median - value) / scale;
  return {
    signal: id,
    cause: spec.cause,
    baseline: level.median,
    value,
    z,
    deviates: z >= options.zThreshold,
    baselineSamples: level.count,
  };
}

export function isEvidence(m: Evidence | UnjudgedSignal): m is Evidence {
  return 'z' in m;
}

/** First index whose timestamp is > t. */
function firstAfter(timestamps: Float64Array, n: number, t: number): number {
  const i = lowerBound(timestamps, n, t);
  return i < n && timestamps[i] === t ? i + 1 : i;
}

/** The worst finite value in values[from..to) in the bad direction, or the mean; NaN when none. */
function summarise(
  values: Float64Array,
  from: number,
  to: number,
  statistic: 'max' | 'mean',
  direction: 'up' | 'down'
): number {
  let count = 0;
  let sum = 0;
  let worst = direction === 'up' ? -Infinity : Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      continue;
    }
    count++;
    sum += v;
    worst = direction === 'up' ? Math.max(worst, v) : Math.min(worst, v);
  }
  if (count === 0) {
    return NaN;
  }
  return statistic === 'mean' ? sum / count : worst;
}
