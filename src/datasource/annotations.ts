import {
  type AnnotationEvent,
  type AnnotationQuery,
  type AnnotationSupport,
  type DataFrame,
  type Field,
} from '@grafana/data';
import { of } from 'rxjs';

import { ATTRIBUTE_DEFAULTS } from '../engine/spikes';
import { QueryType, queryTypeOf } from '../shared/queryTypes';
import { SpikeField, SpikeFrameRole } from '../shared/spikeFrames';
import { labelText } from './queries/spikeNotices';
import { QUERY_SCHEMA_VERSION, type StabilityQuery } from './types';

/**
 * Spikes as dashboard annotations, for a frontend data source (Grafana 11/12): Grafana runs
 * prepareAnnotation on the saved annotation, prepareQuery to get the query, sends it through query()
 * with refId 'Anno', and hands the frames to processEvents. An annotation query is always a spikes
 * query; events come from the events frame alone (Grafana's default processing would merge every
 * frame, P99 series included, into one).
 */
export const SPIKES_ANNOTATION_QUERY: Partial<StabilityQuery> = {
  queryType: QueryType.Spikes,
  schemaVersion: QUERY_SCHEMA_VERSION,
  selector: '',
};

type SpikeAnnotation = AnnotationQuery<StabilityQuery>;

export const spikeAnnotationSupport: AnnotationSupport<StabilityQuery> = {
  getDefaultQuery: () => SPIKES_ANNOTATION_QUERY,
  prepareAnnotation: (json: SpikeAnnotation): SpikeAnnotation => ({
    ...json,
    target: {
      ...SPIKES_ANNOTATION_QUERY,
      ...json?.target,
      refId: json?.target?.refId ?? 'Anno',
      queryType: QueryType.Spikes,
    },
  }),
  prepareQuery: (annotation: SpikeAnnotation) =>
    annotation.target ? { ...annotation.target, queryType: QueryType.Spikes } : undefined,
  processEvents: (_annotation: SpikeAnnotation, frames: DataFrame[]) => of(spikeAnnotations(frames)),
};

/** One region annotation per spike or regression: the cause in the text, [cause, kind] as tags. */
export function spikeAnnotations(frames: DataFrame[]): AnnotationEvent[] {
  const events: AnnotationEvent[] = [];
  for (const frame of frames) {
    if (queryTypeOf(frame) !== QueryType.Spikes || frame.meta?.custom?.role !== SpikeFrameRole.Events) {
      continue;
    }
    const get = (name: string): Field['values'] => frame.fields.find((f) => f.name === name)?.values ?? [];
    const [start, end, kind, cause, confidence] = [
      get(SpikeField.Start),
      get(SpikeField.End),
      get(SpikeField.Kind),
      get(SpikeField.Cause),
      get(SpikeField.Confidence),
    ];
    for (let i = 0; i < frame.length; i++) {
      events.push({
        time: start[i],
        timeEnd: end[i],
        isRegion: end[i] > start[i],
        text: escapeHtml(
          annotationText({
            kind: String(kind[i]),
            cause: String(cause[i]),
            confidence: Number(confidence[i]),
            peak: Number(get(SpikeField.Peak)[i]),
            baseline: Number(get(SpikeField.Baseline)[i]),
            evidence: String(get(SpikeField.Evidence)[i] ?? '[]'),
            labels: String(get(SpikeField.Labels)[i] ?? '{}'),
            possibleCauses: String(get(SpikeField.PossibleCauses)[i] ?? ''),
            suggestedProfiles: String(get(SpikeField.SuggestedProfiles)[i] ?? ''),
          })
        ),
        tags: [String(cause[i]), String(kind[i])],
      });
    }
  }
  return events;
}

interface SpikeRowText {
  kind: string;
  cause: string;
  confidence: number;
  peak: number;
  baseline: number;
  /** The frame's JSON strings and comma lists, as they are. */
  evidence: string;
  labels: string;
  possibleCauses: string;
  suggestedProfiles: string;
}

/** Plain text: "P99 spike: gc (confidence 0.82) — peak 412 ms vs 120 ms — evidence: gc_pause_p99 z=8.1 — instance=…". */
export function annotationText(row: SpikeRowText): string {
  const parts: string[] = [];
  if (row.cause === 'unexplained') {
    parts.push(`P99 ${row.kind}: unexplained`);
  } else {
    const named = row.cause === 'mixed' && row.possibleCauses ? ` of ${row.possibleCauses.replace(/,/g, ', ')}` : '';
    parts.push(`P99 ${row.kind}: ${row.cause}${named} (confidence ${row.confidence.toFixed(2)})`);
  }
  parts.push(`peak ${seconds(row.peak)} vs ${seconds(row.baseline)} before`);
  const moved = parseJson<Array<{ signal?: unknown; z?: unknown }>>(row.evidence, [])
    .filter((e) => Number(e.z) >= ATTRIBUTE_DEFAULTS.zThreshold)
    .map((e) => `${String(e.signal)} z=${Number(e.z).toFixed(1)}`);
  if (moved.length > 0) {
    parts.push(`evidence: ${moved.join(', ')}`);
  }
  if (row.cause === 'unexplained' && row.possibleCauses) {
    parts.push(`possible causes: ${row.possibleCauses.replace(/,/g, ', ')}`);
  }
  if (row.suggestedProfiles) {
    parts.push(`profiles: ${row.suggestedProfiles.replace(/,/g, ', ')}`);
  }
  parts.push(labelText(parseJson<Record<string, string>>(row.labels, {})));
  return parts.join(' — ');
}

/** Grafana renders annotation text as (sanitised) HTML; escaping keeps label values plain text. */
export function escapeHtml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

function seconds(value: number): string {
  if (!Number.isFinite(value)) {
    return '?';
  }
  return value < 1 ? `${Number((value * 1000).toPrecision(3))} ms` : `${value.toFixed(2)} s`;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
