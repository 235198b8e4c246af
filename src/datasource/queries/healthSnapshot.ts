import type { DataFrame } from '@grafana/data';

import {
  buildHealthSnapshot,
  HEALTH_SIGNALS,
  type HealthSignal,
  type LabelledValue,
} from '../../engine/healthSnapshot';
import type { PrometheusClient } from '../../sources/prometheus/client';
import { healthQueries } from '../../sources/prometheus/healthQueries';
import type { Matcher } from '../../sources/prometheus/selector';
import { healthSnapshotFrame } from '../frames';

/** Health snapshot at one explicit instant (the end of the dashboard's range). */
export async function runHealthSnapshot(
  client: PrometheusClient,
  matchers: Matcher[],
  atMs: number,
  refId: string
): Promise<DataFrame[]> {
  const queries = healthQueries(matchers);
  const answers = await Promise.all(HEALTH_SIGNALS.map((signal) => client.instant(queries[signal], atMs)));
  const samples: Partial<Record<HealthSignal, LabelledValue[]>> = {};
  HEALTH_SIGNALS.forEach((signal, i) => (samples[signal] = answers[i]));
  return [healthSnapshotFrame(buildHealthSnapshot(samples), refId, atMs)];
}
