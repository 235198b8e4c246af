import {
  buildHealthSnapshot,
  HEALTH_SIGNALS,
  type HealthSignal,
  type LabelledValue,
} from '../src/engine/healthSnapshot';
import { PrometheusClient } from '../src/sources/prometheus/client';
import { healthQueries } from '../src/sources/prometheus/healthQueries';
import { parseSelector } from '../src/sources/prometheus/selector';
import type { CommandResult } from './command';
import { nodeTransport } from './nodeTransport';
import { parseTime, UsageError } from './time';

/** `health --prometheus URL [--selector S] [--at T]`: the health snapshot at one instant. */
export async function healthCommand(values: Record<string, string | boolean | undefined>): Promise<CommandResult> {
  const url = values.prometheus;
  if (typeof url !== 'string') {
    throw new UsageError('--prometheus URL is required');
  }
  const at = typeof values.at === 'string' ? parseTime(values.at) : Date.now();
  const client = new PrometheusClient(nodeTransport(url));
  const queries = healthQueries(parseSelector(typeof values.selector === 'string' ? values.selector : ''));
  const answers = await Promise.all(HEALTH_SIGNALS.map((s) => client.instant(queries[s], at)));
  const samples: Partial<Record<HealthSignal, LabelledValue[]>> = {};
  HEALTH_SIGNALS.forEach((s, i) => (samples[s] = answers[i]));
  const instances = buildHealthSnapshot(samples);
  return {
    output: { at, instances },
    notice: instances.length === 0 ? 'no Go service matched: no go_goroutines series at that instant' : undefined,
  };
}
