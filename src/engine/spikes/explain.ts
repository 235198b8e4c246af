import {
  APPLICATION_WAIT_PROFILES,
  CAUSE_LABELS,
  CAUSE_PROFILES,
  type Cause,
  type ProfileKind,
  type SignalUnit,
  signalSpec,
  signalsOf,
} from './signals';
import type { Evidence, UnjudgedSignal, Verdict } from './types';

export interface ExplanationInput {
  verdict: Verdict;
  causes: Cause[];
  evidence: Evidence[];
  notObservable: Cause[];
  ruledOut: Cause[];
  unjudged: UnjudgedSignal[];
  zThreshold: number;
}

/** One paragraph a person can act on: what moved, what was ruled out, what could not be seen. */
export function explain(input: ExplanationInput): string {
  const { verdict, causes, evidence, notObservable, ruledOut, unjudged, zThreshold } = input;
  const parts: string[] = [];
  if (verdict === 'unexplained') {
    parts.push(`Unexplained: no observed cause signal moved ${zThreshold} sigma or more.`);
  } else {
    const named = causes.map((c) => `${CAUSE_LABELS[c]} (${describeCause(c, evidence)})`);
    parts.push(
      verdict === 'mixed'
        ? `Mixed: ${named.join(' and ')} moved together; none clearly dominates.`
        : `${capitalise(named[0])}.`
    );
  }
  if (ruledOut.length > 0) {
    parts.push(
      `Ruled out: ${ruledOut.map((c) => CAUSE_LABELS[c]).join(', ')} (their signals stayed under ${zThreshold} sigma).`
    );
  }
  if (notObservable.length > 0) {
    const why = notObservable.map((c) => `${CAUSE_LABELS[c]} (${whyNotObservable(c, unjudged)})`);
    parts.push(
      `${verdict === 'unexplained' ? 'Still possible, not observable' : 'Not observable'}: ${why.join('; ')}.`
    );
  }
  if (verdict === 'unexplained') {
    parts.push(`Next: ${nextSteps(notObservable)}`);
  }
  return parts.join(' ');
}

/** Profiles that would confirm the named causes, or tell the still-possible ones apart. */
export function suggestProfiles(verdict: Verdict, causes: Cause[], notObservable: Cause[]): ProfileKind[] {
  const relevant = verdict === 'unexplained' ? notObservable : causes;
  const profiles = relevant.flatMap((c) => CAUSE_PROFILES[c].profiles);
  if (verdict === 'unexplained') {
    profiles.push(...APPLICATION_WAIT_PROFILES);
  }
  return [...new Set(profiles)];
}

function describeCause(cause: Cause, evidence: Evidence[]): string {
  return evidence
    .filter((e) => e.cause === cause && e.deviates)
    .map((e) => {
      const spec = signalSpec(e.signal)!;
      return `${spec.name} ${formatValue(e.baseline, spec.unit)} -> ${formatValue(e.value, spec.unit)}, z ${e.z.toFixed(1)}`;
    })
    .join('; ');
}

function whyNotObservable(cause: Cause, unjudged: UnjudgedSignal[]): string {
  const present = unjudged.filter((u) => u.cause === cause);
  if (present.length > 0) {
    return present.map((u) => u.message).join('; ');
  }
  return `needs one of: ${signalsOf(cause)
    .map((s) => s.requires)
    .join(' / ')}`;
}

function nextSteps(notObservable: Cause[]): string {
  const steps = notObservable.map((c) => CAUSE_PROFILES[c].why);
  steps.push(
    'if those show nothing, the wait is in the application (channels, pools, a slow code path): a goroutine, block or CPU profile taken during the next spike shows where'
  );
  return `${steps.join('; ')}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Three significant digits in a unit a person reads without converting. */
export function formatValue(value: number, unit: SignalUnit): string {
  const sig = (v: number) => Number(v.toPrecision(3)).toString();
  switch (unit) {
    case 'seconds': {
      const abs = Math.abs(value);
      if (abs !== 0 && abs < 1e-3) {
        return `${sig(value * 1e6)} µs`;
      }
      return abs < 1 ? `${sig(value * 1e3)} ms` : `${sig(value)} s`;
    }
    case 'ratio':
      return `${sig(value * 100)} %`;
    case 'per_second':
      return `${sig(value)}/s`;
    case 'seconds_per_second':
      return `${sig(value)} s/s`;
    case 'count':
      return sig(value);
  }
}
