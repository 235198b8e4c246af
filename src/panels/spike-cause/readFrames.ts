import type { DataFrame, Field } from '@grafana/data';

import { SpikeField, SpikeFrameRole } from '../../shared/spikeFrames';
import { UNKNOWN_CAUSE } from './causes';
import {
  commaList,
  EVIDENCE_UNREADABLE,
  readEvidence,
  readLabels,
  text,
  toConfidence,
  toMs,
  toNumber,
} from './frameValues';

/** One row of an event's evidence: how far one signal moved against its own baseline. */
export interface EvidenceRow {
  signal: string;
  cause: string;
  baseline: number | null;
  value: number | null;
  z: number | null;
}

/** One spike or sustained regression, read from the events frame. Text fields are untrusted. */
export interface SpikeRecord {
  /** Stable across refreshes of the same range: start, kind and the group's labels. */
  id: string;
  /** refId of the query that produced it: picks the data source for its profile link. */
  refId?: string;
  startMs: number;
  endMs: number;
  kind: 'spike' | 'regression';
  /** Seconds; null when missing or not a finite number. */
  peak: number | null;
  baseline: number | null;
  /** A SpikeCause, or whatever an unknown data source sent ('unknown' when empty). */
  cause: string;
  /** 0..1, or null. */
  confidence: number | null;
  labels: Record<string, string>;
  evidence: EvidenceRow[];
  explanation: string;
  possibleCauses: string[];
  suggestedProfiles: string[];
  /** What could not be read in this row (labels or evidence that are not the contract's JSON). */
  problems: string[];
}

export interface SpikeData {
  /** The P99 frames, one per group, as Grafana gave them (field config applied). */
  p99Frames: DataFrame[];
  /** Newest first. */
  events: SpikeRecord[];
  hasEventsFrame: boolean;
  /** Said to the user: what was missing or malformed, and what the panel did instead. */
  problems: string[];
  /** The frames' notices (causes not observable and why), deduplicated. */
  notices: string[];
}

const OPTIONAL_FIELDS = [
  SpikeField.End,
  SpikeField.Kind,
  SpikeField.Peak,
  SpikeField.Baseline,
  SpikeField.Confidence,
  SpikeField.Labels,
  SpikeField.Evidence,
  SpikeField.Explanation,
  SpikeField.PossibleCauses,
  SpikeField.SuggestedProfiles,
];

/** Frames of the spikes query (already filtered by query type) → typed records. Never throws. */
export function readSpikeFrames(frames: DataFrame[]): SpikeData {
  const p99Frames = frames.filter((f) => roleOf(f) === SpikeFrameRole.P99);
  const eventFrames = frames.filter((f) => roleOf(f) === SpikeFrameRole.Events);
  const problems: string[] = [];
  const events: SpikeRecord[] = [];
  if (eventFrames.length === 0) {
    problems.push('The query returned no events frame, so no spike can be listed or explained.');
  }
  for (const frame of eventFrames) {
    events.push(...readEventsFrame(frame, problems));
  }
  events.sort((a, b) => b.startMs - a.startMs || b.endMs - a.endMs);
  return {
    p99Frames,
    events: withUniqueIds(events),
    hasEventsFrame: eventFrames.length > 0,
    problems,
    notices: noticesOf(frames),
  };
}

function roleOf(frame: DataFrame): string | undefined {
  const role = frame.meta?.custom?.role;
  if (typeof role === 'string') {
    return role;
  }
  // No role (a transformation may drop meta.custom): fall back on the fields the contract names.
  const names = new Set(frame.fields.map((f) => f.name));
  if (names.has(SpikeField.P99) && names.has(SpikeField.Time)) {
    return SpikeFrameRole.P99;
  }
  return names.has(SpikeField.Start) && names.has(SpikeField.Cause) ? SpikeFrameRole.Events : undefined;
}

function readEventsFrame(frame: DataFrame, problems: string[]): SpikeRecord[] {
  const field = (name: string): Field | undefined => frame.fields.find((f) => f.name === name);
  const start = field(SpikeField.Start);
  if (!start) {
    problems.push(
      `The events frame has no "${SpikeField.Start}" field, so its ${frame.length} event(s) cannot be placed.`
    );
    return [];
  }
  const cause = field(SpikeField.Cause);
  if (!cause) {
    problems.push(`The events frame has no "${SpikeField.Cause}" field: every verdict is shown as unknown.`);
  }
  const missing = OPTIONAL_FIELDS.filter((name) => !field(name));
  if (missing.length > 0) {
    problems.push(`The events frame lacks ${missing.map((m) => `"${m}"`).join(', ')}: shown as empty.`);
  }
  const at = (name: string, row: number): unknown => field(name)?.values[row];
  const records: SpikeRecord[] = [];
  let badStart = 0;
  let badEvidence = 0;
  for (let row = 0; row < frame.length; row++) {
    const startMs = toMs(start.values[row]);
    if (startMs === null) {
      badStart++;
      continue;
    }
    const endMs = toMs(at(SpikeField.End, row));
    const rowProblems: string[] = [];
    const labels = readLabels(at(SpikeField.Labels, row), rowProblems);
    const evidence = readEvidence(at(SpikeField.Evidence, row), rowProblems);
    if (rowProblems.includes(EVIDENCE_UNREADABLE)) {
      badEvidence++;
    }
    const causeText = text(at(SpikeField.Cause, row)).trim().toLowerCase();
    records.push({
      id: '',
      refId: frame.refId,
      startMs,
      endMs: endMs !== null && endMs >= startMs ? endMs : startMs,
      kind: text(at(SpikeField.Kind, row)) === 'regression' ? 'regression' : 'spike',
      peak: toNumber(at(SpikeField.Peak, row)),
      baseline: toNumber(at(SpikeField.Baseline, row)),
      cause: causeText || UNKNOWN_CAUSE,
      confidence: toConfidence(at(SpikeField.Confidence, row)),
      labels,
      evidence,
      explanation: text(at(SpikeField.Explanation, row)),
      possibleCauses: commaList(at(SpikeField.PossibleCauses, row)),
      suggestedProfiles: commaList(at(SpikeField.SuggestedProfiles, row)),
      problems: rowProblems,
    });
  }
  if (badStart > 0) {
    problems.push(`${badStart} event(s) without a valid start time were left out.`);
  }
  if (badEvidence > 0) {
    problems.push(`${badEvidence} event(s) carry evidence that could not be read.`);
  }
  return records;
}

function withUniqueIds(events: SpikeRecord[]): SpikeRecord[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const base = `${e.startMs}:${e.kind}:${stableJson(e.labels)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...e, id: n === 0 ? base : `${base}#${n}` };
  });
}

function noticesOf(frames: DataFrame[]): string[] {
  const texts = frames.flatMap((f) => f.meta?.notices ?? []).map((n) => (typeof n?.text === 'string' ? n.text : ''));
  return [...new Set(texts.filter((t) => t.length > 0))];
}

function stableJson(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]])
  );
}
