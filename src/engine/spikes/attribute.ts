import { type AttributeOptions, type AttributeOptionsInput, buildAttributeOptions } from './attributeOptions';
import { explain, suggestProfiles } from './explain';
import { isEvidence, measureSignal } from './signalDeviation';
import { CAUSES, type Cause, type SignalSpec, signalSpec, SYMPTOM_SIGNALS } from './signals';
import type {
  AttributionResult,
  EventAttribution,
  EventWindow,
  Evidence,
  IgnoredSignal,
  SignalSeries,
  UnjudgedSignal,
} from './types';

/**
 * Blames each event on a cause, only from that cause's own signals.
 *
 * Per cause, score = max over its deviating signals of weight × min(z / zThreshold, strengthCap):
 * the max, not the sum, because a cause's signals are views of one mechanism (GC pause P99, mean
 * pause, max pause) and summing would favour whichever cause exports more metrics. A cause with no
 * judgeable signal is not observable (score null, never 0). Verdict: the top cause when its score is
 * ≥ margin × the runner-up's, 'mixed' when not, 'unexplained' when no signal deviates.
 *
 * Throws only on programmer error (series with mismatched lengths, unsorted or duplicate ids).
 */
export function attributeEvents(
  events: readonly EventWindow[],
  signals: readonly SignalSeries[],
  input: AttributeOptionsInput
): AttributionResult {
  const options = buildAttributeOptions(input);
  const { usable, ignoredSignals } = sortSignals(signals);
  return { attributions: events.map((event) => attributeEvent(event, usable, options)), ignoredSignals };
}

interface UsableSignal {
  series: SignalSeries;
  spec: SignalSpec;
}

function attributeEvent(event: EventWindow, signals: UsableSignal[], options: AttributeOptions): EventAttribution {
  const evidence: Evidence[] = [];
  const unjudged: UnjudgedSignal[] = [];
  for (const { series, spec } of signals) {
    const m = measureSignal(series, spec, event, options);
    if (isEvidence(m)) {
      evidence.push(m);
    } else {
      unjudged.push(m);
    }
  }
  evidence.sort((a, b) => b.z - a.z);

  const scores = {} as Record<Cause, number | null>;
  for (const cause of CAUSES) {
    scores[cause] = causeScore(cause, evidence, options);
  }
  const notObservable = CAUSES.filter((c) => scores[c] === null);
  const ruledOut = CAUSES.filter((c) => scores[c] === 0);
  const ranked = CAUSES.filter((c) => (scores[c] ?? 0) > 0).sort((a, b) => scores[b]! - scores[a]!);

  const top = ranked.length > 0 ? scores[ranked[0]]! : 0;
  const causes = ranked.filter((c) => scores[c]! * options.margin >= top);
  const verdict = ranked.length === 0 ? 'unexplained' : causes.length > 1 ? 'mixed' : causes[0];
  const observedShare = (CAUSES.length - notObservable.length) / CAUSES.length;

  return {
    startMs: event.startMs,
    endMs: event.endMs,
    cause: verdict,
    confidence: confidence(
      ranked.map((c) => scores[c]!),
      causes.length,
      observedShare
    ),
    causes,
    evidence,
    scores,
    notObservable,
    ruledOut,
    possibleCauses: verdict === 'unexplained' ? notObservable : causes,
    suggestedProfiles: suggestProfiles(verdict, causes, notObservable),
    unjudged,
    explanation: explain({
      verdict,
      causes,
      evidence,
      notObservable,
      ruledOut,
      unjudged,
      zThreshold: options.zThreshold,
    }),
  };
}

/** null when none of the cause's signals could be judged; 0 when judged and none deviated. */
function causeScore(cause: Cause, evidence: Evidence[], options: AttributeOptions): number | null {
  let judged = false;
  let score = 0;
  for (const e of evidence) {
    if (e.cause !== cause) {
      continue;
    }
    judged = true;
    if (e.deviates) {
      score = Math.max(score, options.weights[e.signal] * Math.min(e.z / options.zThreshold, options.strengthCap));
    }
  }
  return judged ? score : null;
}

/**
 * 0..1. Named cause: separation × strength × observability, where separation = 1 − runnerUp / top,
 * strength = 1 − e^(−top score) (one full-weight signal at z = zThreshold gives 0.63, at 3 × zThreshold
 * 0.95), observability = 0.75 + 0.25 × share of causes observed (an unobserved cause may be involved
 * too). Mixed: strength of the weakest tied cause × observability. Unexplained: 0.
 */
function confidence(rankedScores: number[], named: number, observedShare: number): number {
  if (rankedScores.length === 0) {
    return 0;
  }
  const strength = (score: number) => 1 - Math.exp(-score);
  const observability = 0.75 + 0.25 * observedShare;
  if (named > 1) {
    return strength(rankedScores[named - 1]) * observability;
  }
  const separation = 1 - (rankedScores[1] ?? 0) / rankedScores[0];
  return separation * strength(rankedScores[0]) * observability;
}

/** Splits the input into catalog signals and the ones ignored with a reason; checks the shapes once. */
function sortSignals(signals: readonly SignalSeries[]): { usable: UsableSignal[]; ignoredSignals: IgnoredSignal[] } {
  const usable: UsableSignal[] = [];
  const ignoredSignals: IgnoredSignal[] = [];
  const seen = new Set<string>();
  for (const series of signals) {
    if (seen.has(series.id)) {
      throw new RangeError(`attributeEvents: signal ${series.id} passed twice; pass one series per signal and group`);
    }
    seen.add(series.id);
    checkSeries(series);
    const spec = signalSpec(series.id);
    if (spec) {
      usable.push({ series, spec });
    } else {
      const symptom = SYMPTOM_SIGNALS[series.id];
      ignoredSignals.push({
        id: series.id,
        reason: symptom ? `a symptom, not a cause: ${symptom}` : 'not in the signal catalog',
      });
    }
  }
  return { usable, ignoredSignals };
}

function checkSeries({ id, timestamps, values }: SignalSeries): void {
  if (timestamps.length !== values.length) {
    throw new RangeError(
      `attributeEvents: signal ${id} has ${timestamps.length} timestamps but ${values.length} values`
    );
  }
  for (let i = 1; i < timestamps.length; i++) {
    if (!(timestamps[i] > timestamps[i - 1])) {
      throw new RangeError(`attributeEvents: signal ${id} timestamps must be strictly ascending (index ${i})`);
    }
  }
}
