import { InvalidOptionError, requireFinite, requireInteger, requireIntegerOrInfinity } from './optionChecks';

/** Every threshold of the spike detector; defaults in DETECT_DEFAULTS and docs/spikes.md. */
export interface DetectOptions {
  /** Scrape resolution of the P99 series (the range query's step), seconds. Required. */
  stepSeconds: number;
  /** W: finite, non-flagged past samples in the baseline window. Default 30. */
  windowSamples: number;
  /** Anomalous when value > median + k × max(sigma, floor). Default 3. */
  k: number;
  /** An open event continues while value > median + continueK × max(sigma, floor). Default ⅔ × k (2 at k = 3). */
  continueK: number;
  /** The window the P99's rate() was computed over, seconds. Default 4 × stepSeconds. */
  rateWindowSeconds: number;
  /** No judgement until the window holds this many samples (reported as a reason). Default ⌈W/2⌉. */
  minHistorySamples: number;
  /** Sigma floor as a fraction of |median|: a quiet service's P99 barely moves. Default 0.05. */
  sigmaFloorRelative: number;
  /** Sigma floor in the series' unit (seconds for latency). Default 0. */
  sigmaFloorAbsolute: number;
  /** The histogram's `le` bounds, ascending (+Inf allowed last); enables the bucket-width floor. Default none. */
  bucketBounds: Float64Array | null;
  /** Sigma floor as a fraction of the width of the bucket the median falls in. Default 0.25. */
  bucketWidthFraction: number;
  /** Also require value ≥ minPeakRatio × median to open an event. Default none (off). */
  minPeakRatio: number | null;
  /** Up to this many missing scrapes (NaN or absent) do not break an event. Default 3. */
  maxGapSteps: number;
  /** A gap of more missing scrapes than this empties the baseline window. Default W. */
  baselineResetGapSteps: number;
  /** A spike lasts at most rateWindow + spikeExtraSteps scrapes (first to last sample of the event). Default 3. */
  spikeExtraSteps: number;
  /** A regression this many samples long becomes the new baseline (Infinity: never). Default 3 × W. */
  acceptNewLevelAfterSamples: number;
}

/** What a caller passes: only stepSeconds is required; null/undefined mean "use the default". */
export type DetectOptionsInput = { stepSeconds: number } & {
  [K in Exclude<keyof DetectOptions, 'stepSeconds' | 'bucketBounds'>]?: DetectOptions[K] | null;
} & { bucketBounds?: readonly number[] | Float64Array | null };

/** The defaults that do not depend on other options. */
export const DETECT_DEFAULTS = {
  windowSamples: 30,
  k: 3,
  continueKFractionOfK: 2 / 3,
  rateWindowSteps: 4,
  sigmaFloorRelative: 0.05,
  sigmaFloorAbsolute: 0,
  bucketWidthFraction: 0.25,
  maxGapSteps: 3,
  spikeExtraSteps: 3,
  acceptNewLevelAfterWindows: 3,
} as const;

/** Smallest window for which a median and a MAD mean anything. */
const MIN_WINDOW_SAMPLES = 5;

export function buildDetectOptions(input: DetectOptionsInput): DetectOptions {
  const stepSeconds = requireFinite('stepSeconds', input?.stepSeconds, 0, false);
  const windowSamples = requireInteger(
    'windowSamples',
    input.windowSamples ?? DETECT_DEFAULTS.windowSamples,
    MIN_WINDOW_SAMPLES
  );
  const minHistorySamples = requireInteger(
    'minHistorySamples',
    input.minHistorySamples ?? Math.ceil(windowSamples / 2),
    3,
    windowSamples
  );
  const maxGapSteps = requireInteger('maxGapSteps', input.maxGapSteps ?? DETECT_DEFAULTS.maxGapSteps, 0);
  const minPeakRatio = input.minPeakRatio ?? null;
  const k = requireFinite('k', input.k ?? DETECT_DEFAULTS.k, 0, false);
  const continueK = requireFinite('continueK', input.continueK ?? DETECT_DEFAULTS.continueKFractionOfK * k, 0);
  if (continueK > k) {
    throw new InvalidOptionError('continueK', continueK, `at most k (${k})`);
  }
  return {
    stepSeconds,
    windowSamples,
    k,
    continueK,
    rateWindowSeconds: requireFinite(
      'rateWindowSeconds',
      input.rateWindowSeconds ?? DETECT_DEFAULTS.rateWindowSteps * stepSeconds,
      0,
      false
    ),
    minHistorySamples,
    sigmaFloorRelative: requireFinite(
      'sigmaFloorRelative',
      input.sigmaFloorRelative ?? DETECT_DEFAULTS.sigmaFloorRelative,
      0
    ),
    sigmaFloorAbsolute: requireFinite(
      'sigmaFloorAbsolute',
      input.sigmaFloorAbsolute ?? DETECT_DEFAULTS.sigmaFloorAbsolute,
      0
    ),
    bucketBounds: input.bucketBounds ? finiteBounds(input.bucketBounds) : null,
    bucketWidthFraction: requireFinite(
      'bucketWidthFraction',
      input.bucketWidthFraction ?? DETECT_DEFAULTS.bucketWidthFraction,
      0
    ),
    minPeakRatio: minPeakRatio === null ? null : requireFinite('minPeakRatio', minPeakRatio, 1),
    maxGapSteps,
    baselineResetGapSteps: requireInteger(
      'baselineResetGapSteps',
      input.baselineResetGapSteps ?? windowSamples,
      maxGapSteps
    ),
    spikeExtraSteps: requireInteger('spikeExtraSteps', input.spikeExtraSteps ?? DETECT_DEFAULTS.spikeExtraSteps, 0),
    acceptNewLevelAfterSamples: requireIntegerOrInfinity(
      'acceptNewLevelAfterSamples',
      input.acceptNewLevelAfterSamples ?? DETECT_DEFAULTS.acceptNewLevelAfterWindows * windowSamples,
      minHistorySamples
    ),
  };
}

/** Ascending finite `le` bounds; a trailing +Inf (always present in Prometheus histograms) is dropped. */
function finiteBounds(bounds: readonly number[] | Float64Array): Float64Array {
  const list = Array.from(bounds);
  const finite = list[list.length - 1] === Infinity ? list.slice(0, -1) : list;
  const ascending = finite.every((b, i) => Number.isFinite(b) && (i === 0 || b > finite[i - 1]));
  if (finite.length === 0 || !ascending) {
    throw new InvalidOptionError(
      'bucketBounds',
      list,
      'finite, strictly ascending numbers (optionally ending in +Inf)'
    );
  }
  return Float64Array.from(finite);
}
