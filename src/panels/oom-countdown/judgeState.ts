import type { OomStateName } from '../../shared/oomFrames';
import { defaultOomCountdownOptions, type OomCountdownPanelOptions } from './types';

export type Thresholds = Pick<OomCountdownPanelOptions, 'warningSeconds' | 'imminentSeconds'>;

export interface Judgement {
  /** What the tile shows: the stricter of the data source's state and this panel's thresholds. */
  state: OomStateName;
  /** The panel's thresholds made it stricter than the data source's state. */
  byThreshold: boolean;
}

const RANK: Record<OomStateName, number> = { no_data: 0, no_limit: 0, ok: 1, warning: 2, imminent: 3 };

/**
 * The state of one instance now. The data source's state stands unless this panel's thresholds on
 * the live time left are stricter: at or under imminentSeconds is imminent, at or under
 * warningSeconds is warning. Without a limit or a sample (no_limit, no_data) there is nothing to
 * count down, so the thresholds do not apply.
 */
export function judgeState(
  frameState: OomStateName,
  secondsLeft: number | null,
  thresholds: Partial<Thresholds>
): Judgement {
  if (frameState === 'no_limit' || frameState === 'no_data' || secondsLeft === null) {
    return { state: frameState, byThreshold: false };
  }
  const { warningSeconds, imminentSeconds } = sane(thresholds);
  const byTime: OomStateName =
    secondsLeft <= imminentSeconds ? 'imminent' : secondsLeft <= warningSeconds ? 'warning' : 'ok';
  return RANK[byTime] > RANK[frameState]
    ? { state: byTime, byThreshold: true }
    : { state: frameState, byThreshold: false };
}

/** Options as saved may be missing or junk (a hand-edited dashboard): fall back on the defaults. */
function sane(t: Partial<Thresholds>): Thresholds {
  const pick = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
  return {
    warningSeconds: pick(t.warningSeconds, defaultOomCountdownOptions.warningSeconds),
    imminentSeconds: pick(t.imminentSeconds, defaultOomCountdownOptions.imminentSeconds),
  };
}
