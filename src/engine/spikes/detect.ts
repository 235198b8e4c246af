import { buildDetectOptions, type DetectOptions, type DetectOptionsInput } from './detectOptions';
import { EventRun } from './eventRun';
import { RollingMedianMad } from './rollingMedianMad';
import { MAD_TO_SIGMA } from './robustStats';
import { sigmaFloorFor } from './sigmaFloor';
import type { DetectionReason, DetectionResult, SpikeEvent } from './types';

/**
 * Finds latency spikes and sustained regressions in one P99 series at scrape resolution.
 *
 * Each finite sample is compared with the median and robust sigma (1.4826 × MAD) of the last W
 * finite samples before it that were not flagged: flagged samples stay out of the window, or a long
 * regression would become its own baseline. An event opens when value > median + k × max(sigma, floor)
 * and continues while value > median + continueK × max(sigma, floor) (NaN and short gaps allowed).
 *
 * Throws only on programmer error (mismatched lengths, timestamps not strictly ascending, bad
 * options); everything about the data comes back as reasons.
 */
export function detectSpikes(
  timestamps: Float64Array,
  values: Float64Array,
  input: DetectOptionsInput
): DetectionResult {
  const options = buildDetectOptions(input);
  if (timestamps.length !== values.length) {
    throw new RangeError(`detectSpikes: ${timestamps.length} timestamps but ${values.length} values`);
  }
  const { windowSamples, k, continueK, minHistorySamples, minPeakRatio, maxGapSteps, baselineResetGapSteps } = options;
  const stepMs = options.stepSeconds * 1000;
  // More than maxGapSteps missing ⇔ round(Δt / step) − 1 > maxGapSteps ⇔ Δt ≥ (maxGapSteps + 1.5) × step.
  const gapBreaksRunMs = (maxGapSteps + 1.5) * stepMs;
  const floorAt = sigmaFloorFor(options);
  const window = new RollingMedianMad(windowSamples);
  const run = new EventRun({
    spikeMaxDurationMs: options.rateWindowSeconds * 1000 + options.spikeExtraSteps * stepMs,
    keepLatest: windowSamples,
  });
  const events: SpikeEvent[] = [];
  const reasons: DetectionReason[] = [];
  const unjudged = new UnjudgedSpans(reasons);
  let judgedSamples = 0;
  let finiteSamples = 0;
  let previousMs = -Infinity;
  let lastFiniteMs = NaN;

  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i];
    if (!(t > previousMs)) {
      throw new RangeError(
        `detectSpikes: timestamps must be finite and strictly ascending; index ${i} has ${t} after ${previousMs}`
      );
    }
    previousMs = t;
    const v = values[i];
    if (!Number.isFinite(v)) {
      continue; // NaN (no requests, or a restart) and ±Inf: missing; only a long gap breaks an event.
    }
    finiteSamples++;
    if (t - lastFiniteMs >= gapBreaksRunMs) {
      // (False for the first finite sample: lastFiniteMs is NaN.)
      const missingSteps = Math.round((t - lastFiniteMs) / stepMs) - 1;
      closeIfOpen(run, events);
      const baselineReset = missingSteps > baselineResetGapSteps;
      if (baselineReset) {
        window.clear(); // older history no longer describes the level (restart, redeploy, scrape outage)
      }
      reasons.push(gapReason(lastFiniteMs, t, missingSteps, baselineReset));
    }
    lastFiniteMs = t;

    if (window.size < minHistorySamples) {
      window.push(v);
      unjudged.add(t);
      continue;
    }
    unjudged.end();
    judgedSamples++;

    if (run.isOpen) {
      // Hysteresis: an open event continues while the value stays above baseline + continueK × scale
      // (its frozen baseline: nothing was pushed since it opened), so a regression hovering near the
      // entry threshold stays one event instead of many.
      if (v > run.continueAbove) {
        run.add(t, v);
      } else {
        closeIfOpen(run, events);
        window.push(v);
        continue;
      }
    } else {
      const median = window.median();
      const floor = floorAt(median);
      // Fast path: at or below median + k × floor no sigma can flag it, so skip the MAD.
      if (v <= median + k * floor || (minPeakRatio !== null && v < minPeakRatio * median)) {
        window.push(v);
        continue;
      }
      const sigma = MAD_TO_SIGMA * window.mad();
      const scale = Math.max(sigma, floor);
      const threshold = median + k * scale;
      if (v <= threshold) {
        window.push(v);
        continue;
      }
      run.open(t, v, { median, sigma, scale, threshold, continueAbove: median + continueK * scale });
    }
    if (run.sampleCount >= options.acceptNewLevelAfterSamples) {
      acceptNewLevel(run, window, events, reasons, t);
    }
  }

  if (run.isOpen) {
    events.push(run.close({ ongoing: true, acceptedAsNewLevel: false }));
  }
  unjudged.end();
  if (finiteSamples < minHistorySamples + 1) {
    reasons.unshift({
      code: 'too-few-samples',
      finiteSamples,
      required: minHistorySamples + 1,
      message: `only ${finiteSamples} finite samples; detection needs ${minHistorySamples} of history plus one to judge`,
    });
  }
  return { events, reasons, judgedSamples, options };
}

function closeIfOpen(run: EventRun, events: SpikeEvent[]): void {
  if (run.isOpen) {
    events.push(run.close({ ongoing: false, acceptedAsNewLevel: false }));
  }
}

/** A regression that lasted this long is the new normal: re-seed the baseline with its latest values. */
function acceptNewLevel(
  run: EventRun,
  window: RollingMedianMad,
  events: SpikeEvent[],
  reasons: DetectionReason[],
  t: number
) {
  const latest = run.latestValues();
  const event = run.close({ ongoing: false, acceptedAsNewLevel: true });
  events.push(event);
  window.clear();
  for (const x of latest) {
    window.push(x);
  }
  const level = window.median();
  reasons.push({
    code: 'new-level-accepted',
    atMs: t,
    eventStartMs: event.startMs,
    level,
    message: `elevated for ${event.samples} samples: ${level} is taken as the new baseline from here on`,
  });
}

function gapReason(startMs: number, endMs: number, missingSteps: number, baselineReset: boolean): DetectionReason {
  const effect = baselineReset ? 'the baseline restarts after it' : 'an event in progress ends there';
  return {
    code: 'gap',
    startMs,
    endMs,
    missingSteps,
    baselineReset,
    message: `${missingSteps} scrapes missing: ${effect}`,
  };
}

/** Merges consecutive samples judged without enough history into one reason per span. */
class UnjudgedSpans {
  private startMs = NaN;
  private endMs = NaN;
  private samples = 0;

  constructor(private readonly reasons: DetectionReason[]) {}

  add(t: number): void {
    if (this.samples === 0) {
      this.startMs = t;
    }
    this.endMs = t;
    this.samples++;
  }

  end(): void {
    if (this.samples === 0) {
      return;
    }
    this.reasons.push({
      code: 'insufficient-history',
      startMs: this.startMs,
      endMs: this.endMs,
      samples: this.samples,
      message: `${this.samples} samples not judged: the baseline window was still filling`,
    });
    this.samples = 0;
  }
}

export type { DetectOptions, DetectOptionsInput };
