import { PrometheusError } from './errors';
import { parseMatrix, parseVector } from './parse';
import { mergeChunkSeries, rangeChunks } from './rangeSplit';
import type { InstantSample, PromTransport, RangeSeries } from './types';

/**
 * The one funnel for Prometheus HTTP API calls. Works against anything that speaks the API
 * (Prometheus, Mimir, Thanos); the transport decides how the request travels.
 */
export class PrometheusClient {
  constructor(private readonly transport: PromTransport) {}

  /** Instant query evaluated at `timeMs` (explicit, so a snapshot is reproducible). */
  async instant(expr: string, timeMs: number): Promise<InstantSample[]> {
    const params = new URLSearchParams({ query: expr, time: toSeconds(timeMs) });
    return parseVector(await this.send('/api/v1/query', params));
  }

  async range(expr: string, startMs: number, endMs: number, stepSeconds: number): Promise<RangeSeries[]> {
    const params = new URLSearchParams({
      query: expr,
      start: toSeconds(startMs),
      end: toSeconds(endMs),
      step: String(stepSeconds),
    });
    return parseMatrix(await this.send('/api/v1/query_range', params));
  }

  /** A range query of any length: split under Prometheus' per-query point limit, then joined. */
  async rangeAll(expr: string, startMs: number, endMs: number, stepSeconds: number): Promise<RangeSeries[]> {
    const chunks = rangeChunks(startMs, endMs, stepSeconds);
    const parts: RangeSeries[][] = [];
    for (const chunk of chunks) {
      // Sequential on purpose: a long backfill should not hit Prometheus with every chunk at once.
      parts.push(await this.range(expr, chunk.startMs, chunk.endMs, stepSeconds));
    }
    return mergeChunkSeries(parts);
  }

  /** Values of one label among the series that match `match` (or all series). */
  async labelValues(label: string, match?: string): Promise<string[]> {
    const params = new URLSearchParams();
    if (match) {
      params.append('match[]', match);
    }
    const answer = await this.send(`/api/v1/label/${encodeURIComponent(label)}/values`, params);
    const body = answer.data as { status?: string; data?: unknown };
    if (answer.status >= 400 || body?.status !== 'success' || !Array.isArray(body.data)) {
      throw new PrometheusError(`Could not list values of label "${label}" (HTTP ${answer.status})`, answer.status);
    }
    return body.data.map(String);
  }

  private async send(path: string, params: URLSearchParams) {
    try {
      return await this.transport(path, params);
    } catch (err) {
      throw new PrometheusError(`Could not reach Prometheus: ${errorText(err)}`, undefined, { cause: err });
    }
  }
}

function toSeconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    return err.message;
  }
  return String(err);
}
