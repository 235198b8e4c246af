/**
 * Option validation shared by detection and attribution: a bad option is a programmer error, so it
 * throws when the options are built, naming the option and the value it got.
 */
export class InvalidOptionError extends RangeError {
  constructor(
    readonly option: string,
    readonly value: unknown,
    requirement: string
  ) {
    super(`spikes: option ${option} must be ${requirement}, got ${describe(value)}`);
    this.name = 'InvalidOptionError';
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.join(', ')}]`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function requireFinite(option: string, value: number, min: number, minInclusive = true): number {
  const ok = Number.isFinite(value) && (minInclusive ? value >= min : value > min);
  if (!ok) {
    throw new InvalidOptionError(option, value, `a finite number ${minInclusive ? '>=' : '>'} ${min}`);
  }
  return value;
}

export function requireInteger(option: string, value: number, min: number, max = Infinity): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new InvalidOptionError(option, value, `an integer ${range}`);
  }
  return value;
}

/** Like requireInteger, but Infinity is allowed (it switches the behaviour off). */
export function requireIntegerOrInfinity(option: string, value: number, min: number): number {
  return value === Infinity ? value : requireInteger(option, value, min);
}
