/**
 * Replays the OOM warning over a past range as if it had run live: one pass, the tracker carried
 * forward, each evaluation seeing only samples at or before its own time. Samples before fromMs
 * prime the forecast (so a range need not start in warm-up) but are not evaluated.
 */
import { OomOptions, OomOptionsInput } from './options';
import { OomTracker } from './tracker';
import { OomEvaluation, OomState } from './warning';

export interface BacktestRange {
  fromMs: number;
  toMs: number;
  /** Evaluate every stepMs from fromMs (a rule's or a panel's refresh interval); omitted: at each sample. */
  stepMs?: number;
}

export interface OomWarningInterval {
  /** First and last evaluation in warning or imminent state (inclusive). */
  startMs: number;
  endMs: number;
  /** Smallest time to the limit forecast during the interval, seconds. */
  minTimeToLimitSeconds: number;
  /** Worst state reached. */
  peakState: Extract<OomState, 'warning' | 'imminent'>;
  /** Still active at the last evaluation. */
  open: boolean;
}

export interface OomBacktest {
  evaluations: OomEvaluation[];
  warnings: OomWarningInterval[];
}

export function backtestOom(
  timestampsMs: Float64Array,
  values: Float64Array,
  limitBytes: number | null,
  range: BacktestRange,
  options: OomOptionsInput | OomOptions = {}
): OomBacktest {
  checkRange(timestampsMs, values, range);
  const tracker = new OomTracker(limitBytes, options);
  const evaluations: OomEvaluation[] = [];
  const n = timestampsMs.length;
  let i = 0;
  const feedUntil = (tMs: number, inclusive = true) => {
    while (i < n && (timestampsMs[i] < tMs || (inclusive && timestampsMs[i] === tMs))) {
      tracker.push(timestampsMs[i], values[i]);
      i++;
    }
  };
  const { fromMs, toMs, stepMs } = range;
  if (stepMs === undefined) {
    feedUntil(fromMs, false);
    for (; i < n && timestampsMs[i] <= toMs; i++) {
      if (tracker.push(timestampsMs[i], values[i])) {
        evaluations.push(tracker.evaluate(timestampsMs[i]));
      }
    }
  } else {
    for (let k = 0; fromMs + k * stepMs <= toMs; k++) {
      const at = fromMs + k * stepMs;
      feedUntil(at);
      evaluations.push(tracker.evaluate(at));
    }
  }
  const points = evaluations.map((e) => ({
    atMs: e.atMs,
    state: e.state,
    timeToLimitSeconds: e.forecast.timeToLimitSeconds,
  }));
  return { evaluations, warnings: warningIntervals(points) };
}

export interface IntervalPoint {
  atMs: number;
  state: OomState;
  timeToLimitSeconds: number | null;
}

/** Runs of consecutive evaluations in warning or imminent state. */
export function warningIntervals(points: readonly IntervalPoint[]): OomWarningInterval[] {
  const out: OomWarningInterval[] = [];
  let current: OomWarningInterval | null = null;
  for (const e of points) {
    const warned = e.state === 'warning' || e.state === 'imminent';
    if (!warned) {
      current = null;
      continue;
    }
    const ttl = e.timeToLimitSeconds ?? Infinity;
    if (current === null) {
      current = { startMs: e.atMs, endMs: e.atMs, minTimeToLimitSeconds: ttl, peakState: 'warning', open: false };
      out.push(current);
    }
    current.endMs = e.atMs;
    current.minTimeToLimitSeconds = Math.min(current.minTimeToLimitSeconds, ttl);
    if (e.state === 'imminent') {
      current.peakState = 'imminent';
    }
  }
  if (current !== null) {
    current.open = true;
  }
  return out;
}

function checkRange(timestampsMs: Float64Array, values: Float64Array, range: BacktestRange): void {
  if (timestampsMs.length !== values.length) {
    throw new RangeError(`oom: ${timestampsMs.length} timestamps but ${values.length} values`);
  }
  const { fromMs, toMs, stepMs } = range;
  if (!(Number.isFinite(fromMs) && Number.isFinite(toMs) && fromMs <= toMs)) {
    throw new RangeError(`oom: backtest range must have finite fromMs <= toMs, got ${fromMs}..${toMs}`);
  }
  if (stepMs !== undefined && !(Number.isFinite(stepMs) && stepMs > 0)) {
    throw new RangeError(`oom: backtest stepMs must be a finite number > 0, got ${stepMs}`);
  }
}
