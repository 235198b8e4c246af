/** Shown when there is no time to count down (not approaching the limit, no limit, no data). */
export const NO_DURATION = '—';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A countdown's time left, readable at a glance: "42 s", "3 min 20 s", "1 h 5 min", "2 d 3 h".
 * Seconds round up (0.2 s left is "1 s": only 0 means the limit is reached); above an hour the
 * seconds and above a day the minutes are dropped (rounded down). Negative is 0; null, NaN and
 * infinities are "—".
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
    return NO_DURATION;
  }
  // The epsilon keeps 41.999999999 (float noise of a subtraction) from reading "42 s".
  const s = Math.max(0, Math.ceil(seconds - 1e-6));
  if (s < MINUTE) {
    return `${s} s`;
  }
  if (s < HOUR) {
    return join(Math.floor(s / MINUTE), 'min', s % MINUTE, 's');
  }
  if (s < DAY) {
    return join(Math.floor(s / HOUR), 'h', Math.floor((s % HOUR) / MINUTE), 'min');
  }
  return join(Math.floor(s / DAY), 'd', Math.floor((s % DAY) / HOUR), 'h');
}

function join(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}
