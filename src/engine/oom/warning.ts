/**
 * The warning state machine over successive forecasts of one series. A warning needs persistence:
 * N evaluations on NEW samples whose forecast reaches the limit within the horizon at a trend above
 * the minimum growth rate, and whose peak envelope shows that growth (see count()). Re-evaluating
 * the same sample (a 1 s refresh on a 15 s scrape) counts nothing; a plateau (the momentum Holt
 * keeps after a single jump) holds the count without adding to it; a sample that does not qualify
 * resets it. An active warning clears after clearEvaluations new samples that no longer qualify.
 */
import { OomForecast } from './forecast';
import { OomOptions } from './options';

export type OomState = 'no_data' | 'no_limit' | 'ok' | 'warning' | 'imminent';

export type OomReason =
  /** No finite sample yet. */
  | 'no_data'
  /** The last sample is older than maxGapSeconds. */
  | 'stale'
  | 'no_limit'
  /** Within warmupSeconds of the first sample or a restart. */
  | 'warming_up'
  /** Trend below minGrowthBytesPerSecond (includes flat and falling). */
  | 'slow_growth'
  /** The forecast reaches the limit later than horizonSeconds. */
  | 'beyond_horizon'
  /** The forecast qualifies, but fewer than N growing samples confirm it so far. */
  | 'confirming'
  /** Warning (or imminent) and the newest sample still qualifies. */
  | 'crossing'
  /** Warning still shown while it clears: recent samples no longer qualify. */
  | 'clearing';

export interface OomEvaluation {
  atMs: number;
  state: OomState;
  reason: OomReason;
  /** Qualifying growing samples counted so far (a warning needs consecutiveEvaluations). */
  streak: number;
  /** New samples in a row that did not qualify (an active warning clears at clearEvaluations). */
  misses: number;
  /** Whether a sample arrived since the previous evaluation (only those count). */
  newSample: boolean;
  forecast: OomForecast;
}

export class OomWarningMachine {
  private streak = 0;
  private misses = 0;
  private active = false;
  private state: OomState = 'no_data';
  private reason: OomReason = 'no_data';
  /** Envelope at the previous evaluated sample, and at the sample that started the streak. */
  private previousMs = NaN;
  private previousBytes = NaN;
  private anchorMs = NaN;
  private anchorBytes = NaN;

  constructor(private readonly options: OomOptions) {}

  /** Forget the count and any active warning (the process restarted). */
  reset(): void {
    this.streak = 0;
    this.misses = 0;
    this.active = false;
    this.previousMs = this.previousBytes = NaN;
    this.anchorMs = this.anchorBytes = NaN;
  }

  /** newSample: a sample arrived since the previous evaluation (only those count). */
  evaluate(f: OomForecast, newSample: boolean): OomEvaluation {
    this.advance(f, newSample);
    return {
      atMs: f.atMs,
      state: this.state,
      reason: this.reason,
      streak: this.streak,
      misses: this.misses,
      newSample,
      forecast: f,
    };
  }

  /** evaluate() without building the record: state and reason are left in the fields. */
  advance(f: OomForecast, newSample: boolean): void {
    if (f.lastSampleMs === null) {
      this.set('no_data', 'no_data');
      return;
    }
    if (f.atMs - f.lastSampleMs > this.options.maxGapSeconds * 1000) {
      this.reset();
      this.set('no_data', 'stale');
      return;
    }
    if (f.limitBytes === null) {
      this.set('no_limit', 'no_limit');
      return;
    }
    const blocker = blockerOf(f, this.options);
    if (newSample) {
      this.count(blocker === null, f.lastSampleMs, f.envelopeBytes ?? NaN);
    }
    if (!this.active) {
      this.set('ok', blocker ?? 'confirming');
      return;
    }
    const soon = this.options.imminentSeconds;
    const imminent = (f.timeToLimitSeconds ?? Infinity) <= soon || (f.earliestTimeToLimitSeconds ?? Infinity) <= soon;
    this.set(imminent ? 'imminent' : 'warning', blocker === null ? 'crossing' : 'clearing');
  }

  private set(state: OomState, reason: OomReason): void {
    this.state = state;
    this.reason = reason;
  }

  /**
   * A streak starts on a qualifying sample that raised the envelope at the minimum rate; later
   * qualifying samples count while the envelope stays at least minGrowth × elapsed above that
   * start. So a single jump followed by a plateau (Holt keeps a trend for a while) counts once,
   * while a GC staircase, flat between its rises, keeps counting.
   */
  private count(qualifies: boolean, ms: number, bytes: number): void {
    if (!qualifies) {
      this.streak = 0;
      this.misses++;
      if (this.active && this.misses >= this.options.clearEvaluations) {
        this.active = false;
      }
    } else {
      this.misses = 0;
      const started = this.streak > 0;
      if (
        this.grew(started ? this.anchorMs : this.previousMs, started ? this.anchorBytes : this.previousBytes, ms, bytes)
      ) {
        if (!started) {
          this.anchorMs = ms;
          this.anchorBytes = bytes;
        }
        this.streak++;
      }
      if (this.streak >= this.options.consecutiveEvaluations) {
        this.active = true;
      }
    }
    this.previousMs = ms;
    this.previousBytes = bytes;
  }

  /** The envelope rose at least minGrowth × elapsed between the two samples. */
  private grew(fromMs: number, fromBytes: number, ms: number, bytes: number): boolean {
    return bytes - fromBytes >= (this.options.minGrowthBytesPerSecond * (ms - fromMs)) / 1000;
  }
}

/** Why a forecast cannot count towards a warning, or null when it can. */
export function blockerOf(
  f: OomForecast,
  o: OomOptions
): Extract<OomReason, 'warming_up' | 'slow_growth' | 'beyond_horizon'> | null {
  if ((f.secondsSinceReset ?? 0) < o.warmupSeconds) {
    return 'warming_up';
  }
  const trend = f.trendBytesPerSecond ?? 0;
  if (trend < o.minGrowthBytesPerSecond || !(trend > 0)) {
    return 'slow_growth';
  }
  return (f.timeToLimitSeconds ?? Infinity) > f.horizonSeconds ? 'beyond_horizon' : null;
}
