/** The plain records the spike detector and the attribution return: no Grafana types, no classes. */
import type { DetectOptions } from './detectOptions';
import type { Cause, ProfileKind, SignalId } from './signals';

export type EventKind = 'spike' | 'regression';

export interface SpikeEvent {
  /** 'spike' when endMs − startMs ≤ rateWindow + spikeExtraSteps scrapes, else 'regression'. */
  kind: EventKind;
  /** First and last sample of the event, Unix ms. */
  startMs: number;
  endMs: number;
  durationMs: number;
  peak: number;
  peakMs: number;
  /** Trailing median of the baseline window when the event opened (frozen for the event). */
  baseline: number;
  /** Robust sigma of that window: 1.4826 × MAD (may be ~0 on a quiet service). */
  sigma: number;
  /** The scale actually used: max(sigma, floor). */
  scale: number;
  /** baseline + k × scale: a value above it opened the event (it continued above baseline + continueK × scale). */
  threshold: number;
  /** (peak − baseline) / scale. */
  peakZ: number;
  /** Finite samples in the event: the one that opened it and those that kept it open (NaN not counted). */
  samples: number;
  /** Still elevated at the last sample: the end, and a 'spike' kind, are provisional. */
  ongoing: boolean;
  /** The regression outlasted acceptNewLevelAfterSamples: from its end the baseline is its level. */
  acceptedAsNewLevel: boolean;
}

/** Why part or all of a series was not judged, or judged against a changed baseline. */
export type DetectionReason =
  | { code: 'too-few-samples'; finiteSamples: number; required: number; message: string }
  | { code: 'insufficient-history'; startMs: number; endMs: number; samples: number; message: string }
  | { code: 'gap'; startMs: number; endMs: number; missingSteps: number; baselineReset: boolean; message: string }
  | { code: 'new-level-accepted'; atMs: number; eventStartMs: number; level: number; message: string };

export interface DetectionResult {
  events: SpikeEvent[];
  reasons: DetectionReason[];
  /** Finite samples compared against a baseline (the rest were NaN or lacked history). */
  judgedSamples: number;
  /** The options used, defaults filled in. */
  options: DetectOptions;
}

/** One computed signal as the source hands it over: same shape as a range series, plus its id. */
export interface SignalSeries {
  id: string;
  timestamps: Float64Array;
  values: Float64Array;
}

/** What attribution needs of an event; a SpikeEvent fits. Without a kind it is treated as a spike. */
export interface EventWindow {
  startMs: number;
  endMs: number;
  kind?: EventKind;
}

export interface Evidence {
  signal: SignalId;
  cause: Cause;
  /** Median of the signal before the (lead-widened) event window. */
  baseline: number;
  /** Max (spikes) or mean (regressions) of the signal inside the widened window. */
  value: number;
  /** Robust z: (value − baseline) / max(1.4826 × MAD, floors), sign flipped for 'down' signals. */
  z: number;
  /** z reached zThreshold: this signal counts for its cause. */
  deviates: boolean;
  baselineSamples: number;
}

export interface UnjudgedSignal {
  signal: SignalId;
  cause: Cause;
  reason: 'short-baseline' | 'no-data-in-window';
  message: string;
}

export type Verdict = Cause | 'mixed' | 'unexplained';

export interface EventAttribution {
  startMs: number;
  endMs: number;
  cause: Verdict;
  /** 0..1; see docs/spikes.md for the formula. 0 for 'unexplained'. */
  confidence: number;
  /** The causes the verdict names: [cause], the tied ones for 'mixed', [] for 'unexplained'. */
  causes: Cause[];
  /** Every judged signal, strongest z first. */
  evidence: Evidence[];
  /** Score per cause; null = not observable (never 0 for "no data"). */
  scores: Record<Cause, number | null>;
  /** Causes none of whose signals could be judged for this event. */
  notObservable: Cause[];
  /** Observed causes none of whose signals deviated. */
  ruledOut: Cause[];
  /** Causes that could still be behind the event: the named ones, or when unexplained the unobservable ones. */
  possibleCauses: Cause[];
  /** Profiles that would confirm or tell the possible causes apart. */
  suggestedProfiles: ProfileKind[];
  /** Signals present but not judgeable for this event (short baseline, no data in the window). */
  unjudged: UnjudgedSignal[];
  explanation: string;
}

export interface IgnoredSignal {
  id: string;
  reason: string;
}

export interface AttributionResult {
  attributions: EventAttribution[];
  /** Signals passed in that are not cause signals (symptoms, unknown ids), with why. */
  ignoredSignals: IgnoredSignal[];
}
