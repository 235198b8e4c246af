/**
 * One series' forecast and warning state, carried forward: push raw samples as they arrive and
 * evaluate whenever the caller's clock ticks. This is what the backtest replays and what a live
 * refresh keeps between queries.
 */
import { OomForecast, OomForecaster } from './forecast';
import { buildOomOptions, OomOptions, OomOptionsInput } from './options';
import { OomEvaluation, OomWarningMachine } from './warning';

export class OomTracker {
  readonly options: OomOptions;
  private readonly forecaster: OomForecaster;
  private readonly machine: OomWarningMachine;
  private readonly limitBytes: number | null;
  /** The sample the previous evaluation saw, to tell new samples. */
  private seenSampleMs = NaN;
  private seenResets = 0;
  /** Reused by advance(): a replay allocates no forecast per sample. */
  private readonly scratch: OomForecast;

  constructor(limitBytes: number | null, options: OomOptionsInput | OomOptions = {}) {
    this.options = buildOomOptions(options);
    this.forecaster = new OomForecaster(this.options);
    this.machine = new OomWarningMachine(this.options);
    this.limitBytes = limitBytes;
    this.scratch = this.forecaster.forecast(limitBytes, 0);
  }

  /** Feeds one raw sample (timestamps increase; NaN is "no sample"). Returns whether it was used. */
  push(tMs: number, value: number): boolean {
    return this.forecaster.push(tMs, value);
  }

  /** The verdict at atMs from the samples pushed so far. */
  evaluate(atMs: number): OomEvaluation {
    const newSample = this.beginEvaluation();
    return this.machine.evaluate(this.forecaster.forecast(this.limitBytes, atMs), newSample);
  }

  /** Moves the state machine to atMs like evaluate(), without building records (replays). */
  advance(atMs: number): void {
    const newSample = this.beginEvaluation();
    this.machine.advance(this.forecaster.forecastInto(this.scratch, this.limitBytes, atMs), newSample);
  }

  /** Notices restarts and new samples since the previous evaluation. */
  private beginEvaluation(): boolean {
    const f = this.forecaster;
    if (f.resets !== this.seenResets) {
      // A new process: its first samples must not be compared with the old one's envelope.
      this.seenResets = f.resets;
      this.seenSampleMs = NaN;
      this.machine.reset();
    }
    const newSample = f.hasData && f.lastSampleMs !== this.seenSampleMs;
    this.seenSampleMs = f.lastSampleMs;
    return newSample;
  }
}

/**
 * The verdict now, from a whole series: replays it evaluating at each sample (as a live tracker
 * would have), then once more at atMs (default: the last sample) so staleness and the countdown
 * count from the caller's clock. Samples after atMs are ignored.
 */
export function evaluateSeries(
  timestampsMs: Float64Array,
  values: Float64Array,
  limitBytes: number | null,
  atMs?: number,
  options: OomOptionsInput | OomOptions = {}
): OomEvaluation {
  if (timestampsMs.length !== values.length) {
    throw new RangeError(`oom: ${timestampsMs.length} timestamps but ${values.length} values`);
  }
  const tracker = new OomTracker(limitBytes, options);
  const until = atMs ?? (timestampsMs.length > 0 ? timestampsMs[timestampsMs.length - 1] : 0);
  let lastEvaluatedMs = NaN;
  for (let i = 0; i < timestampsMs.length && timestampsMs[i] <= until; i++) {
    if (!Number.isFinite(values[i])) {
      continue;
    }
    if (!Number.isNaN(lastEvaluatedMs)) {
      tracker.advance(lastEvaluatedMs); // every sample but the last, without records
    }
    tracker.push(timestampsMs[i], values[i]);
    lastEvaluatedMs = timestampsMs[i];
  }
  if (Number.isNaN(lastEvaluatedMs)) {
    return tracker.evaluate(until);
  }
  const latest = tracker.evaluate(lastEvaluatedMs);
  // Evaluating again later counts nothing new; it only moves the clock (countdown, staleness) to atMs.
  return lastEvaluatedMs === until ? latest : tracker.evaluate(until);
}
