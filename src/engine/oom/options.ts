/**
 * Every threshold of the OOM forecast and its warning, with the defaults documented in docs/oom.md.
 * A bad option is a programmer error: building the options throws, naming the option and the value.
 */

export const MIB = 1024 * 1024;

export interface OomOptions {
  /** Holt level smoothing per smoothing step, in (0, 1]. Default 0.3. */
  alpha: number;
  /** Holt trend smoothing per smoothing step, in (0, 1]. Default 0.1. */
  beta: number;
  /** alpha and beta are per this many seconds (scaled to each sample's Δt); null: per sample. Default 1. */
  smoothingStepSeconds: number | null;
  /** Warn when the forecast reaches the limit within this many seconds, never less than N + 1 scrape intervals. Default 40. */
  horizonSeconds: number;
  /** An active warning becomes 'imminent' when the forecast, or the band's upper edge, reaches the limit this soon. Default 20. */
  imminentSeconds: number;
  /** N: evaluations on new, growing samples whose forecast qualifies before a warning is raised. Default 3. */
  consecutiveEvaluations: number;
  /** An active warning clears after this many evaluations on new samples that no longer qualify. Default 3. */
  clearEvaluations: number;
  /** Slower growth never warns (page cache, slow drift the kernel reclaims). Default 0.8 MiB/s. */
  minGrowthBytesPerSecond: number;
  /** The peak envelope is the highest sample in this trailing window; it must span a GC cycle. Default 150 s. */
  envelopeWindowSeconds: number;
  /** A longer silence (no finite sample) resets the forecast: the process may have been replaced. Default 60 s. */
  maxGapSeconds: number;
  /** A sample below this fraction of the window's lowest sample is a restart (GC cannot go under the live heap). Default 0.5. */
  restartDropRatio: number;
  /** No warning this soon after the first sample or a restart, while caches fill. Default 60 s. */
  warmupSeconds: number;
  /** Half-width of the forecast band in residual standard deviations. Default 2. */
  bandSigmas: number;
}

export const DEFAULT_OOM_OPTIONS: Readonly<OomOptions> = Object.freeze({
  alpha: 0.3,
  beta: 0.1,
  smoothingStepSeconds: 1,
  horizonSeconds: 40,
  imminentSeconds: 20,
  consecutiveEvaluations: 3,
  clearEvaluations: 3,
  minGrowthBytesPerSecond: 0.8 * MIB,
  envelopeWindowSeconds: 150,
  maxGapSeconds: 60,
  restartDropRatio: 0.5,
  warmupSeconds: 60,
  bandSigmas: 2,
});

/** What callers pass: any subset; undefined means "use the default". */
export type OomOptionsInput = Partial<OomOptions>;

export class InvalidOomOptionError extends RangeError {
  constructor(
    readonly option: string,
    readonly value: unknown,
    requirement: string
  ) {
    super(`oom: option ${option} must be ${requirement}, got ${String(value)}`);
    this.name = 'InvalidOomOptionError';
  }
}

function fraction(name: keyof OomOptions, value: number): number {
  if (!(Number.isFinite(value) && value > 0 && value <= 1)) {
    throw new InvalidOomOptionError(name, value, 'a number in (0, 1]');
  }
  return value;
}

function positive(name: keyof OomOptions, value: number, allowZero = false): number {
  if (!(Number.isFinite(value) && (allowZero ? value >= 0 : value > 0))) {
    throw new InvalidOomOptionError(name, value, `a finite number ${allowZero ? '>= 0' : '> 0'}`);
  }
  return value;
}

function count(name: keyof OomOptions, value: number): number {
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new InvalidOomOptionError(name, value, 'an integer >= 1');
  }
  return value;
}

export function buildOomOptions(input: OomOptionsInput = {}): OomOptions {
  const o = { ...DEFAULT_OOM_OPTIONS, ...withoutUndefined(input) };
  const built: OomOptions = {
    alpha: fraction('alpha', o.alpha),
    beta: fraction('beta', o.beta),
    smoothingStepSeconds:
      o.smoothingStepSeconds === null ? null : positive('smoothingStepSeconds', o.smoothingStepSeconds),
    horizonSeconds: positive('horizonSeconds', o.horizonSeconds),
    imminentSeconds: positive('imminentSeconds', o.imminentSeconds),
    consecutiveEvaluations: count('consecutiveEvaluations', o.consecutiveEvaluations),
    clearEvaluations: count('clearEvaluations', o.clearEvaluations),
    minGrowthBytesPerSecond: positive('minGrowthBytesPerSecond', o.minGrowthBytesPerSecond, true),
    envelopeWindowSeconds: positive('envelopeWindowSeconds', o.envelopeWindowSeconds),
    maxGapSeconds: positive('maxGapSeconds', o.maxGapSeconds),
    restartDropRatio: fraction('restartDropRatio', o.restartDropRatio),
    warmupSeconds: positive('warmupSeconds', o.warmupSeconds, true),
    bandSigmas: positive('bandSigmas', o.bandSigmas, true),
  };
  if (built.imminentSeconds > built.horizonSeconds) {
    throw new InvalidOomOptionError(
      'imminentSeconds',
      built.imminentSeconds,
      `<= horizonSeconds (${built.horizonSeconds})`
    );
  }
  return built;
}

function withoutUndefined(input: OomOptionsInput): OomOptionsInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out as OomOptionsInput;
}
