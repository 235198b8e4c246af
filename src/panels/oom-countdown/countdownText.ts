import type { OomStateName } from '../../shared/oomFrames';
import { formatDuration, NO_DURATION } from './formatDuration';
import { formatBytes } from './formatMemory';

/** Beyond this, an 'ok' instance's time left is shown as "> 1 day", not as a precise duration. */
const FAR_SECONDS = 86_400;

export interface CountdownText {
  /** The big line: "3 min 20 s", "Limit reached" or "—". */
  big: string;
  /** The line under it, saying what the big one means. */
  caption: string;
  reached: boolean;
}

/**
 * What the countdown says for the data source's state and the live time left. `live` is false when
 * the time range ends in the past: the time left is then as evaluated at its end and does not tick.
 */
export function countdownText(
  frameState: OomStateName,
  secondsLeft: number | null,
  limitBytes: number | null,
  live: boolean
): CountdownText {
  if (frameState === 'no_data') {
    return { big: NO_DURATION, caption: 'No recent memory sample', reached: false };
  }
  if (frameState === 'no_limit') {
    return { big: NO_DURATION, caption: 'No memory limit: nothing to count down to', reached: false };
  }
  if (secondsLeft === null) {
    return { big: NO_DURATION, caption: 'Not approaching the memory limit', reached: false };
  }
  const limit = limitBytes === null ? 'the memory limit' : `the ${formatBytes(limitBytes)} limit`;
  const when = live ? '' : ' (at the end of the time range)';
  if (frameState === 'ok' && secondsLeft > FAR_SECONDS) {
    // A healthy service's trend wobbles around zero: "27 d 21 h" would be noise, not news.
    return { big: '> 1 day', caption: `left until ${limit} at the current trend${when}`, reached: false };
  }
  if (secondsLeft <= 0) {
    return { big: 'Limit reached', caption: `The forecast has reached ${limit}${when}`, reached: true };
  }
  return { big: formatDuration(secondsLeft), caption: `left until ${limit}${when}`, reached: false };
}
