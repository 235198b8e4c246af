/**
 * The frame contract of the "spikes" query type, shared by the data source (which builds the frames)
 * and the spike-cause panel (which draws them). Field names are saved in users' transformations and
 * overrides: add fields freely, never rename one.
 *
 * The query returns, in this order:
 * - one P99 frame per group (meta.custom.role = 'p99'): fields `time` (time) and `p99` (number,
 *   unit 's', `labels` = the group's labels), at scrape resolution;
 * - one events frame (meta.custom.role = 'events'), one row per spike or sustained regression, all
 *   groups together, fields below;
 * - frame notices (meta.notices) name the causes that are not observable and why.
 */
export const SpikeFrameRole = {
  P99: 'p99',
  Events: 'events',
} as const;

export const SpikeField = {
  Time: 'time',
  P99: 'p99',
  /** Event start and end (time fields, ms). */
  Start: 'start',
  End: 'end',
  /** 'spike' | 'regression'. */
  Kind: 'kind',
  /** Highest P99 in the event and the baseline (median) before it, seconds. */
  Peak: 'peak',
  Baseline: 'baseline',
  /** gc | lock | syscall | network | scheduler | cpu_throttling | mixed | unexplained. */
  Cause: 'cause',
  /** 0..1. */
  Confidence: 'confidence',
  /** The group's labels as a JSON object string, e.g. {"instance":"10.0.0.1:8080","job":"api"}. */
  Labels: 'labels',
  /** JSON array of {signal, cause, baseline, value, z}: the evidence behind the verdict. */
  Evidence: 'evidence',
  /** One or two sentences saying why this verdict; for 'unexplained', what remains possible. */
  Explanation: 'explanation',
  /** Comma-separated causes that remain possible (not observable), for 'unexplained' and 'mixed'. */
  PossibleCauses: 'possible_causes',
  /** Comma-separated pprof profile kinds that would tell the possible causes apart. */
  SuggestedProfiles: 'suggested_profiles',
} as const;

/** Every verdict a spike can carry. */
export const SPIKE_CAUSES = [
  'gc',
  'lock',
  'syscall',
  'network',
  'scheduler',
  'cpu_throttling',
  'mixed',
  'unexplained',
] as const;
export type SpikeCause = (typeof SPIKE_CAUSES)[number];
