import { PrometheusError } from './errors';
import type { HttpAnswer, InstantSample, Labels, RangeSeries } from './types';

interface PromBody {
  status?: string;
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: unknown };
}

/** Prometheus writes sample values as strings ("NaN", "+Inf" included). */
export function parseSampleValue(raw: unknown): number {
  if (typeof raw !== 'string') {
    return NaN;
  }
  switch (raw) {
    case '+Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    default:
      return Number(raw);
  }
}

/** Checks the envelope and returns `data.result`, or throws a PrometheusError naming the cause. */
export function unwrapResult(answer: HttpAnswer, expected: 'vector' | 'matrix'): unknown[] {
  const body = (answer.data ?? {}) as PromBody;
  if (body.status === 'error' || answer.status >= 400) {
    const detail = body.error ? `${body.errorType ?? 'error'}: ${body.error}` : describeHttp(answer);
    throw new PrometheusError(`Prometheus answered ${answer.status}: ${detail}`, answer.status);
  }
  if (body.status !== 'success' || !body.data) {
    throw new PrometheusError('The answer is not a Prometheus API response (is the URL a Prometheus server?)');
  }
  if (body.data.resultType !== expected || !Array.isArray(body.data.result)) {
    throw new PrometheusError(
      `Prometheus returned a ${body.data.resultType ?? 'missing'} result, expected a ${expected}`
    );
  }
  return body.data.result;
}

function describeHttp(answer: HttpAnswer): string {
  if (typeof answer.data === 'string' && answer.data.length > 0) {
    return answer.data.slice(0, 200);
  }
  return answer.statusText || 'no details';
}

function labelsOf(item: unknown): Labels {
  const metric = (item as { metric?: unknown }).metric;
  const labels: Labels = {};
  if (metric && typeof metric === 'object') {
    for (const [k, v] of Object.entries(metric)) {
      labels[k] = String(v);
    }
  }
  return labels;
}

export function parseVector(answer: HttpAnswer): InstantSample[] {
  return unwrapResult(answer, 'vector').map((item) => {
    const pair = (item as { value?: unknown[] }).value ?? [];
    return { labels: labelsOf(item), timestamp: Number(pair[0]) * 1000, value: parseSampleValue(pair[1]) };
  });
}

export function parseMatrix(answer: HttpAnswer): RangeSeries[] {
  return unwrapResult(answer, 'matrix').map((item) => {
    const points = ((item as { values?: unknown[][] }).values ?? []) as unknown[][];
    const timestamps = new Float64Array(points.length);
    const values = new Float64Array(points.length);
    points.forEach((p, i) => {
      timestamps[i] = Number(p[0]) * 1000;
      values[i] = parseSampleValue(p[1]);
    });
    return { labels: labelsOf(item), timestamps, values };
  });
}
