/** Prometheus durations ("1s", "1m30s", "250ms", "1h") to seconds; null when malformed. */
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
const DURATION = /^((\d+(?:\.\d+)?)(ms|s|m|h|d|w|y))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/g;

export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) {
    return null;
  }
  let seconds = 0;
  for (const m of trimmed.matchAll(PART)) {
    seconds += Number(m[1]) * UNIT_SECONDS[m[2]];
  }
  return seconds > 0 ? seconds : null;
}

/** The shortest exact Prometheus spelling of a whole number of milliseconds. */
export function formatDuration(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** A duration option as users type it: null when unset, an error naming the option when malformed. */
export function durationOption(option: string, text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') {
    return null;
  }
  const seconds = parseDuration(text);
  if (seconds === null) {
    throw new Error(`The ${option} ${JSON.stringify(text)} is not a Prometheus duration (e.g. 15s, 1m30s)`);
  }
  return seconds;
}
