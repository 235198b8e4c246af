import { createDataFrame, type DataFrame, FieldType, type QueryResultMetaNotice } from '@grafana/data';

import type { SpikeRow } from '../analysis/spikeAnalysis';
import type { EventAttribution } from '../engine/spikes';
import { QueryType } from '../shared/queryTypes';
import { SpikeField, SpikeFrameRole } from '../shared/spikeFrames';
import type { Labels } from '../sources/prometheus/types';

export type { SpikeRow };

/** Frames of the "spikes" query type, exactly as src/shared/spikeFrames.ts describes them. */

/** One group's P99 at scrape resolution; NaN (no requests in the rate window) becomes null, a hole. */
export function p99Frame(
  labels: Labels,
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  refId: string
): DataFrame {
  const p99 = Array.from(values, (v) => (Number.isFinite(v) ? v : null));
  return createDataFrame({
    refId,
    meta: { custom: { queryType: QueryType.Spikes, role: SpikeFrameRole.P99 } },
    fields: [
      { name: SpikeField.Time, type: FieldType.time, values: Array.from(timestamps) },
      {
        name: SpikeField.P99,
        type: FieldType.number,
        values: p99,
        labels: sortedLabels(labels),
        config: { unit: 's' },
      },
    ],
  });
}

/** Every event of every group, one row each, and the notices of the whole query. */
export function spikeEventsFrame(rows: SpikeRow[], refId: string, notices: QueryResultMetaNotice[]): DataFrame {
  const column = <T>(pick: (r: SpikeRow) => T) => rows.map(pick);
  return createDataFrame({
    refId,
    name: 'Spikes',
    meta: {
      custom: { queryType: QueryType.Spikes, role: SpikeFrameRole.Events },
      notices,
      preferredVisualisationType: 'table',
    },
    fields: [
      {
        name: SpikeField.Start,
        type: FieldType.time,
        values: column((r) => r.event.startMs),
        config: { displayName: 'Start' },
      },
      {
        name: SpikeField.End,
        type: FieldType.time,
        values: column((r) => r.event.endMs),
        config: { displayName: 'End' },
      },
      {
        name: SpikeField.Kind,
        type: FieldType.string,
        values: column((r) => r.event.kind),
        config: { displayName: 'Kind' },
      },
      {
        name: SpikeField.Peak,
        type: FieldType.number,
        values: column((r) => r.event.peak),
        config: { unit: 's', displayName: 'Peak P99' },
      },
      {
        name: SpikeField.Baseline,
        type: FieldType.number,
        values: column((r) => r.event.baseline),
        config: { unit: 's', displayName: 'Baseline P99' },
      },
      {
        name: SpikeField.Cause,
        type: FieldType.string,
        values: column((r) => r.attribution.cause),
        config: { displayName: 'Cause' },
      },
      {
        name: SpikeField.Confidence,
        type: FieldType.number,
        values: column((r) => r.attribution.confidence),
        config: { unit: 'percentunit', min: 0, max: 1, displayName: 'Confidence' },
      },
      {
        name: SpikeField.Labels,
        type: FieldType.string,
        values: column((r) => JSON.stringify(sortedLabels(r.labels))),
        config: { displayName: 'Labels' },
      },
      {
        name: SpikeField.Evidence,
        type: FieldType.string,
        values: column((r) => evidenceJson(r.attribution)),
        config: { displayName: 'Evidence' },
      },
      {
        name: SpikeField.Explanation,
        type: FieldType.string,
        values: column((r) => r.attribution.explanation),
        config: { displayName: 'Explanation' },
      },
      {
        name: SpikeField.PossibleCauses,
        type: FieldType.string,
        values: column((r) => r.attribution.possibleCauses.join(',')),
        config: { displayName: 'Possible causes' },
      },
      {
        name: SpikeField.SuggestedProfiles,
        type: FieldType.string,
        values: column((r) => r.attribution.suggestedProfiles.join(',')),
        config: { displayName: 'Suggested profiles' },
      },
    ],
  });
}

/** The contract's evidence: every judged signal, strongest first, as {signal, cause, baseline, value, z}. */
function evidenceJson(attribution: EventAttribution): string {
  return JSON.stringify(
    attribution.evidence.map(({ signal, cause, baseline, value, z }) => ({ signal, cause, baseline, value, z }))
  );
}

/** Labels in name order, so the JSON string of a group is the same on every run. */
function sortedLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
