/**
 * For tests: Prometheus' query_range answered from a table keyed by the PromQL, each series a value
 * per timestamp. An expression not in the table has no series (as in Prometheus); one that `fails`
 * gets a 400; a NaN value is a step without a sample, which Prometheus leaves out.
 */
import { PrometheusClient } from '../client';
import type { PromTransport } from '../types';

export type Table = Record<string, Array<{ labels: Record<string, string>; at: (tMs: number) => number }>>;

export function tableTransport(table: Table, fails: (expr: string) => boolean = () => false) {
  const requests: URLSearchParams[] = [];
  const transport: PromTransport = async (path, params) => {
    requests.push(params);
    const expr = params.get('query') ?? '';
    if (path !== '/api/v1/query_range' || fails(expr)) {
      return { status: 400, data: { status: 'error', errorType: 'bad_data', error: `cannot run ${expr}` } };
    }
    const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(params.get(k)));
    const result = (table[expr] ?? []).map(({ labels, at }) => {
      const values: Array<[number, string]> = [];
      for (let i = 0; start + i * step <= end + 1e-9; i++) {
        const t = start + i * step;
        const v = at(Math.round(t * 1000));
        if (!Number.isNaN(v)) {
          values.push([t, String(v)]);
        }
      }
      return { metric: labels, values };
    });
    return { status: 200, data: { status: 'success', data: { resultType: 'matrix', result } } };
  };
  return { client: new PrometheusClient(transport), transport, requests };
}
