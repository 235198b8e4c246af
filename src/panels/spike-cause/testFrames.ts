/** Frames for tests, built exactly as src/shared/spikeFrames.ts describes (only tests import this). */
import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';

import { QueryType } from '../../shared/queryTypes';
import { SpikeField, SpikeFrameRole } from '../../shared/spikeFrames';

export const T0 = Date.UTC(2024, 0, 2, 10, 0, 0);
export const STEP_MS = 15_000;

export function p99Frame(labels: Record<string, string>, values: number[], refId = 'A'): DataFrame {
  return createDataFrame({
    refId,
    meta: { custom: { queryType: QueryType.Spikes, role: SpikeFrameRole.P99 } },
    fields: [
      { name: SpikeField.Time, type: FieldType.time, values: values.map((_, i) => T0 + i * STEP_MS) },
      { name: SpikeField.P99, type: FieldType.number, values, labels, config: { unit: 's' } },
    ],
  });
}

export interface EventRow {
  start: number;
  end: number;
  kind: 'spike' | 'regression';
  peak: number;
  baseline: number;
  cause: string;
  confidence: number;
  /** A JSON object string (or anything, to test bad input). */
  labels: string;
  /** A JSON array string (or anything, to test bad input). */
  evidence: string;
  explanation: string;
  possible_causes: string;
  suggested_profiles: string;
}

export function eventRow(over: Partial<EventRow> = {}): EventRow {
  return {
    start: T0 + 10 * STEP_MS,
    end: T0 + 12 * STEP_MS,
    kind: 'spike',
    peak: 0.8,
    baseline: 0.1,
    cause: 'gc',
    confidence: 0.7,
    labels: JSON.stringify({ instance: '10.0.0.1:8080', job: 'api' }),
    evidence: JSON.stringify([
      { signal: 'gc_pause_p99', cause: 'gc', baseline: 0.0002, value: 0.012, z: 9.5 },
      { signal: 'gc_cpu_ratio', cause: 'gc', baseline: 0.02, value: 0.25, z: 6.1 },
      { signal: 'cpu_throttled_ratio', cause: 'cpu_throttling', baseline: 0, value: 0.01, z: 0.4 },
    ]),
    explanation: 'GC: GC stop-the-world pause P99 rose to 12 ms (z 9.5).',
    possible_causes: 'gc',
    suggested_profiles: 'allocs,heap',
    ...over,
  };
}

/** The events frame; `omit` leaves fields out to test a partial frame. */
export function eventsFrame(rows: EventRow[], omit: string[] = [], refId = 'A'): DataFrame {
  const column = <K extends keyof EventRow>(k: K) => rows.map((r) => r[k]);
  const fields = [
    { name: SpikeField.Start, type: FieldType.time, values: column('start') },
    { name: SpikeField.End, type: FieldType.time, values: column('end') },
    { name: SpikeField.Kind, type: FieldType.string, values: column('kind') },
    { name: SpikeField.Peak, type: FieldType.number, values: column('peak'), config: { unit: 's' } },
    { name: SpikeField.Baseline, type: FieldType.number, values: column('baseline'), config: { unit: 's' } },
    { name: SpikeField.Cause, type: FieldType.string, values: column('cause') },
    { name: SpikeField.Confidence, type: FieldType.number, values: column('confidence') },
    { name: SpikeField.Labels, type: FieldType.string, values: column('labels') },
    { name: SpikeField.Evidence, type: FieldType.string, values: column('evidence') },
    { name: SpikeField.Explanation, type: FieldType.string, values: column('explanation') },
    { name: SpikeField.PossibleCauses, type: FieldType.string, values: column('possible_causes') },
    { name: SpikeField.SuggestedProfiles, type: FieldType.string, values: column('suggested_profiles') },
  ].filter((f) => !omit.includes(f.name));
  return createDataFrame({
    refId,
    meta: {
      custom: { queryType: QueryType.Spikes, role: SpikeFrameRole.Events },
      notices: [{ severity: 'info', text: 'lock: not observable (needs Go >= 1.20 and runtime metrics)' }],
    },
    fields,
  });
}
