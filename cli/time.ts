/**
 * Command-line times: Unix milliseconds, Unix seconds (decimals allowed) or RFC 3339. A bare number
 * with 13 or more integer digits is read as milliseconds (seconds would be past the year 2286).
 */
export function parseTime(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const integerDigits = trimmed.split('.')[0].length;
    const n = Number(trimmed);
    return integerDigits >= 13 ? n : n * 1000;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (Number.isFinite(ms)) {
      return ms;
    }
  }
  throw new UsageError(`not a time: ${JSON.stringify(text)} (use Unix ms, Unix seconds or RFC 3339)`);
}

/** A mistake in the command line: exit 2 with the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
