import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';

import type { HealthRecord } from '../engine/healthSnapshot';
import { HealthField } from '../shared/fields';
import { QueryType } from '../shared/queryTypes';

/** One row per instance; missing signals stay empty (null), never zero. */
export function healthSnapshotFrame(records: HealthRecord[], refId: string, atMs: number): DataFrame {
  const column = <T>(pick: (r: HealthRecord) => T) => records.map(pick);
  const notices = records
    .filter((r) => r.missing.length > 0)
    .map((r) => ({
      severity: 'warning' as const,
      text: `${r.instance || r.job}: no ${r.missing.join(', ')} series (not exported by this service)`,
    }));
  return createDataFrame({
    refId,
    name: 'Health snapshot',
    meta: {
      custom: { queryType: QueryType.HealthSnapshot, evaluatedAt: atMs },
      notices,
      preferredVisualisationType: 'table',
    },
    fields: [
      { name: HealthField.Job, type: FieldType.string, values: column((r) => r.job), config: { displayName: 'Job' } },
      {
        name: HealthField.Instance,
        type: FieldType.string,
        values: column((r) => r.instance),
        config: { displayName: 'Instance' },
      },
      {
        name: HealthField.GoVersion,
        type: FieldType.string,
        values: column((r) => r.goVersion),
        config: { displayName: 'Go version' },
      },
      {
        name: HealthField.Goroutines,
        type: FieldType.number,
        values: column((r) => r.goroutines),
        config: { displayName: 'Goroutines', decimals: 0 },
      },
      {
        name: HealthField.HeapAlloc,
        type: FieldType.number,
        values: column((r) => r.heapAllocBytes),
        config: { unit: 'bytes', displayName: 'Heap alloc' },
      },
      {
        name: HealthField.NextGC,
        type: FieldType.number,
        values: column((r) => r.nextGcBytes),
        config: { unit: 'bytes', displayName: 'Next GC' },
      },
      {
        name: HealthField.Uptime,
        type: FieldType.number,
        values: column((r) => r.uptimeSeconds),
        config: { unit: 's', displayName: 'Uptime' },
      },
    ],
  });
}
