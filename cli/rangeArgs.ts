import { PrometheusClient } from '../src/sources/prometheus/client';
import { nodeTransport } from './nodeTransport';
import { parseTime, UsageError } from './time';

export type Values = Record<string, string | boolean | undefined>;

export const text = (values: Values, name: string): string | undefined =>
  typeof values[name] === 'string' ? (values[name] as string) : undefined;

/** The options every range command shares: where Prometheus is, the range, the groups, the step. */
export function rangeArgs(values: Values) {
  const url = text(values, 'prometheus');
  const from = text(values, 'from');
  const to = text(values, 'to');
  if (!url || !from || !to) {
    throw new UsageError('--prometheus URL, --from T and --to T are required');
  }
  const fromMs = parseTime(from);
  const toMs = parseTime(to);
  if (!(toMs > fromMs)) {
    throw new UsageError('--to must be after --from');
  }
  const groupBy = text(values, 'group-by')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    client: new PrometheusClient(nodeTransport(url)),
    fromMs,
    toMs,
    groupBy,
    /** Default 15s, the data source's default scrape interval: give yours. */
    step: text(values, 'step') ?? '15s',
  };
}
