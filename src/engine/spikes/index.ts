/** Public surface of the spike engine: detect events in a P99 series, then attribute them to causes. */
export { detectSpikes } from './detect';
export { buildDetectOptions, DETECT_DEFAULTS, type DetectOptions, type DetectOptionsInput } from './detectOptions';
export { attributeEvents } from './attribute';
export {
  ATTRIBUTE_DEFAULTS,
  buildAttributeOptions,
  type AttributeOptions,
  type AttributeOptionsInput,
  type WindowStatistic,
} from './attributeOptions';
export {
  APPLICATION_WAIT_PROFILES,
  CAUSE_LABELS,
  CAUSE_PROFILES,
  CAUSES,
  SIGNAL_CATALOG,
  signalSpec,
  signalsOf,
  SYMPTOM_SIGNALS,
  type Cause,
  type ProfileKind,
  type SignalId,
  type SignalSource,
  type SignalSpec,
  type SignalUnit,
} from './signals';
export { InvalidOptionError } from './optionChecks';
export { MAD_TO_SIGMA } from './robustStats';
export { RollingMedianMad } from './rollingMedianMad';
export type * from './types';
