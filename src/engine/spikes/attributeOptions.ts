import { InvalidOptionError, requireFinite, requireInteger } from './optionChecks';
import { SIGNAL_CATALOG, type SignalId, signalSpec } from './signals';

export type WindowStatistic = 'max' | 'mean';

/** Every threshold of the attribution; defaults in ATTRIBUTE_DEFAULTS, the catalog, and docs/spikes.md. */
export interface AttributeOptions {
  /** Scrape resolution of the signals, seconds. Required. */
  stepSeconds: number;
  /** The rate() window the signals and the P99 were computed over. Default 4 × stepSeconds. */
  rateWindowSeconds: number;
  /** Signals may move this much before or after the P99: the event window widens by it both ways. Default rateWindowSeconds. */
  leadLagSeconds: number;
  /** Scrapes before the widened window that form each signal's baseline. Default 30. */
  baselineSamples: number;
  /** Fewer finite baseline samples than this: the signal is not judged for the event. Default 10. */
  minBaselineSamples: number;
  /** A signal counts for its cause when its robust z reaches this. Default 3. */
  zThreshold: number;
  /** The top cause is named only when its score ≥ margin × the runner-up's; else 'mixed'. Default 1.5. */
  margin: number;
  /** Evidence strength z / zThreshold is capped here, so one signal with a tiny MAD cannot outweigh all. Default 3. */
  strengthCap: number;
  /** Sigma floor as a fraction of |baseline median|. Default 0.1. */
  sigmaFloorRelative: number;
  /** How a spike's window is summarised: 'max' catches a signal that moved for part of it. Default 'max'. */
  spikeStatistic: WindowStatistic;
  /** How a regression's (long) window is summarised: 'mean' resists noise extremes. Default 'mean'. */
  regressionStatistic: WindowStatistic;
  /** Weight per signal (catalog defaults, overridden per id). */
  weights: Record<SignalId, number>;
  /** Absolute sigma floor per signal in its unit (catalog defaults, overridden per id). */
  minSigma: Record<SignalId, number>;
}

export type AttributeOptionsInput = { stepSeconds: number } & {
  [K in Exclude<keyof AttributeOptions, 'stepSeconds' | 'weights' | 'minSigma'>]?: AttributeOptions[K] | null;
} & { weights?: Partial<Record<string, number>>; minSigma?: Partial<Record<string, number>> };

export const ATTRIBUTE_DEFAULTS = {
  rateWindowSteps: 4,
  baselineSamples: 30,
  minBaselineSamples: 10,
  zThreshold: 3,
  margin: 1.5,
  strengthCap: 3,
  sigmaFloorRelative: 0.1,
  spikeStatistic: 'max',
  regressionStatistic: 'mean',
} as const;

export function buildAttributeOptions(input: AttributeOptionsInput): AttributeOptions {
  const stepSeconds = requireFinite('stepSeconds', input?.stepSeconds, 0, false);
  const rateWindowSeconds = requireFinite(
    'rateWindowSeconds',
    input.rateWindowSeconds ?? ATTRIBUTE_DEFAULTS.rateWindowSteps * stepSeconds,
    0,
    false
  );
  const baselineSamples = requireInteger(
    'baselineSamples',
    input.baselineSamples ?? ATTRIBUTE_DEFAULTS.baselineSamples,
    3
  );
  return {
    stepSeconds,
    rateWindowSeconds,
    leadLagSeconds: requireFinite('leadLagSeconds', input.leadLagSeconds ?? rateWindowSeconds, 0),
    baselineSamples,
    minBaselineSamples: requireInteger(
      'minBaselineSamples',
      input.minBaselineSamples ?? Math.min(ATTRIBUTE_DEFAULTS.minBaselineSamples, baselineSamples),
      3,
      baselineSamples
    ),
    zThreshold: requireFinite('zThreshold', input.zThreshold ?? ATTRIBUTE_DEFAULTS.zThreshold, 0, false),
    margin: requireFinite('margin', input.margin ?? ATTRIBUTE_DEFAULTS.margin, 1),
    strengthCap: requireFinite('strengthCap', input.strengthCap ?? ATTRIBUTE_DEFAULTS.strengthCap, 1),
    sigmaFloorRelative: requireFinite(
      'sigmaFloorRelative',
      input.sigmaFloorRelative ?? ATTRIBUTE_DEFAULTS.sigmaFloorRelative,
      0
    ),
    spikeStatistic: statistic('spikeStatistic', input.spikeStatistic ?? ATTRIBUTE_DEFAULTS.spikeStatistic),
    regressionStatistic: statistic(
      'regressionStatistic',
      input.regressionStatistic ?? ATTRIBUTE_DEFAULTS.regressionStatistic
    ),
    weights: perSignal('weights', input.weights, (id) => signalSpec(id)!.weight, 0, true),
    // minSigma must stay > 0: it is what keeps z finite when a baseline is perfectly flat.
    minSigma: perSignal('minSigma', input.minSigma, (id) => signalSpec(id)!.minSigma, 0, false),
  };
}

function statistic(option: string, value: string): WindowStatistic {
  if (value !== 'max' && value !== 'mean') {
    throw new InvalidOptionError(option, value, "'max' or 'mean'");
  }
  return value;
}

/** Catalog defaults with overrides; an id not in the catalog is a typo that would silently do nothing. */
function perSignal(
  option: string,
  overrides: Partial<Record<string, number>> | undefined,
  fallback: (id: SignalId) => number,
  min: number,
  minInclusive: boolean
): Record<SignalId, number> {
  for (const id of Object.keys(overrides ?? {})) {
    if (!signalSpec(id)) {
      throw new InvalidOptionError(
        `${option}.${id}`,
        id,
        `a signal id from the catalog (${SIGNAL_CATALOG.map((s) => s.id).join(', ')})`
      );
    }
  }
  const out = {} as Record<SignalId, number>;
  for (const { id } of SIGNAL_CATALOG) {
    out[id] = requireFinite(`${option}.${id}`, overrides?.[id] ?? fallback(id), min, minInclusive);
  }
  return out;
}
