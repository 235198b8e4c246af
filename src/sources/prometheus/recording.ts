import type { HttpAnswer, PromTransport } from './types';

/**
 * Recorded Prometheus answers, for fixtures: the matrix each expression returned over a recording,
 * keyed by the PromQL, plus the label-values answers. A replaying transport slices the recording to
 * whatever range and step a query asks, so an analysis replays exactly as it ran against the live
 * server (the recording must have been taken at that step or finer).
 */
export interface PromRecording {
  /** Prometheus query_range `data.result` per expression, as Prometheus returned it. */
  ranges: Record<string, Array<{ metric: Record<string, string>; values: Array<[number, string]> }>>;
  /** `data` of /api/v1/label/<name>/values per "name|match" key. */
  labelValues: Record<string, string[]>;
}

const labelKey = (path: string, params: URLSearchParams) => `${path}|${params.getAll('match[]').join(',')}`;

/** Wraps a live transport and keeps every successful answer in `recording`. */
export function recordingTransport(live: PromTransport, recording: PromRecording): PromTransport {
  return async (path, params) => {
    const answer = await live(path, params);
    const body = answer.data as { status?: string; data?: unknown };
    if (answer.status === 200 && body?.status === 'success') {
      if (path === '/api/v1/query_range') {
        const expr = params.get('query') ?? '';
        const result = (body.data as { result: PromRecording['ranges'][string] }).result;
        recording.ranges[expr] = mergeResults(recording.ranges[expr] ?? [], result);
      } else if (path.startsWith('/api/v1/label/')) {
        recording.labelValues[labelKey(path, params)] = body.data as string[];
      }
    }
    return answer;
  };
}

function mergeResults(into: PromRecording['ranges'][string], more: PromRecording['ranges'][string]) {
  for (const series of more) {
    const key = JSON.stringify(series.metric);
    const existing = into.find((s) => JSON.stringify(s.metric) === key);
    if (existing) {
      const seen = new Set(existing.values.map((v) => v[0]));
      existing.values.push(...series.values.filter((v) => !seen.has(v[0])));
      existing.values.sort((a, b) => a[0] - b[0]);
    } else {
      into.push({ metric: series.metric, values: [...series.values] });
    }
  }
  return into;
}

/** Answers from a recording; an expression that was never recorded has no series, as in Prometheus. */
export function replayTransport(recording: PromRecording): PromTransport {
  return async (path, params): Promise<HttpAnswer> => {
    if (path === '/api/v1/query_range') {
      const start = Number(params.get('start'));
      const end = Number(params.get('end'));
      const step = Number(params.get('step'));
      const result = (recording.ranges[params.get('query') ?? ''] ?? [])
        .map((s) => ({ metric: s.metric, values: resample(s.values, start, end, step) }))
        .filter((s) => s.values.length > 0);
      return { status: 200, data: { status: 'success', data: { resultType: 'matrix', result } } };
    }
    if (path.startsWith('/api/v1/label/')) {
      return { status: 200, data: { status: 'success', data: recording.labelValues[labelKey(path, params)] ?? [] } };
    }
    return { status: 404, data: { status: 'error', errorType: 'not_found', error: `not recorded: ${path}` } };
  };
}

/** Samples at start + i × step, each the latest recorded at or before it (within one step). */
function resample(values: Array<[number, string]>, start: number, end: number, step: number): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let j = 0;
  for (let t = start; t <= end + 1e-9; t += step) {
    while (j + 1 < values.length && values[j + 1][0] <= t + 1e-6) {
      j++;
    }
    const v = values[j];
    if (v && v[0] <= t + 1e-6 && t - v[0] < step - 1e-6) {
      out.push([Math.round(t * 1000) / 1000, v[1]]);
    }
  }
  return out;
}
