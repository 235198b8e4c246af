// Query requests built like Grafana's PanelQueryRunner.run, run like runRequest.ts (response packets
// merged by key, errors collected), post-processed like preProcessPanelData.
import {
  CoreApp,
  type DataFrame,
  type DataQuery,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
  DataTopic,
  FieldType,
  getFieldDisplayName,
  LoadingState,
  type MetricFindValue,
  type PanelData,
  preProcessPanelData,
  rangeUtil,
  type RawTimeRange,
  type TimeRange,
} from '@grafana/data';
import { getBackendSrv, getTemplateSrv, toDataQueryError } from '@grafana/runtime';
import { catchError, from, lastValueFrom, map, type Observable, of, scan, takeLast, timeout } from 'rxjs';

let raw: RawTimeRange = { from: 'now-6h', to: 'now' };
let counter = 0;

/** Grafana's default dashboard range, now-6h to now, unless a test sets another. */
export function setTimeRange(next: RawTimeRange) {
  raw = next;
  currentTimeRange();
}
export function currentTimeRange(): TimeRange {
  const range = rangeUtil.convertRawToRange(raw, 'browser');
  getTemplateSrv().updateTimeRange(range);
  return range;
}

export interface RequestOptions {
  app?: CoreApp | string;
  maxDataPoints?: number;
  /** A lower limit for the interval, as the query options' "Min interval". */
  minInterval?: string;
  panelId?: number;
}

export function buildRequest<Q extends DataQuery>(
  ds: DataSourceApi,
  targets: Q[],
  opts: RequestOptions = {}
): DataQueryRequest<Q> {
  const range = currentTimeRange();
  const maxDataPoints = opts.maxDataPoints ?? 1000;
  const app = opts.app ?? CoreApp.Dashboard;
  const lowerLimit = opts.minInterval ? getTemplateSrv().replace(opts.minInterval) : ds.interval;
  const norm = rangeUtil.calculateInterval(range, maxDataPoints, lowerLimit);
  return {
    app,
    requestId: app === CoreApp.Explore ? 'explore_left' : `Q${++counter}`,
    timezone: 'browser',
    panelId: opts.panelId ?? 1,
    dashboardUID: 'host-dashboard',
    range,
    rangeRaw: range.raw,
    interval: norm.interval,
    intervalMs: norm.intervalMs,
    maxDataPoints,
    targets: targets.map((t) => ({ ...structuredClone(t), datasource: t.datasource ?? ds.getRef() })),
    scopedVars: {
      __interval: { text: norm.interval, value: norm.interval },
      __interval_ms: { text: norm.intervalMs.toString(), value: norm.intervalMs },
    },
    startTime: Date.now(),
    filters: [],
  };
}

interface State {
  packets: Record<string, DataQueryResponse>;
  data: PanelData;
}

/** runRequest.ts processResponsePacket: the latest packet per key; all packets' data and errors. */
function processPacket(state: State, packet: DataQueryResponse): State {
  const packets = { ...state.packets, [packet.key || 'A']: packet };
  let loadingState = packet.state || LoadingState.Done;
  const series: DataFrame[] = [];
  const annotations: DataFrame[] = [];
  const errors: DataQueryError[] = [];
  for (const p of Object.values(packets)) {
    const errs = p.errors?.length ? p.errors : p.error ? [p.error] : [];
    if (errs.length) {
      loadingState = LoadingState.Error;
      errors.push(...errs);
    }
    for (const frame of p.data ?? []) {
      (frame.meta?.dataTopic === DataTopic.Annotations ? annotations : series).push(frame);
    }
  }
  const error = errors[0];
  return {
    packets,
    data: {
      ...state.data,
      state: loadingState,
      series,
      annotations,
      error,
      errors: errors.length ? errors : undefined,
    },
  };
}

export function runRequest(
  ds: DataSourceApi,
  request: DataQueryRequest,
  query = ds.query.bind(ds)
): Observable<PanelData> {
  const initial: State = {
    packets: {},
    data: { state: LoadingState.Loading, series: [], request, timeRange: request.range },
  };
  if (!request.targets.length) {
    return of({ ...initial.data, state: LoadingState.Done });
  }
  // callQueryMethod: a query with nothing but its refId (and data source) gets the default query.
  request.targets = request.targets.map((t) => {
    const { refId: _refId, datasource: _ds, key: _key, ...rest } = t;
    return Object.keys(rest).length === 0 ? { ...ds.getDefaultQuery?.(CoreApp.PanelEditor), ...t } : t;
  });
  return from(query(request) as Observable<DataQueryResponse>).pipe(
    map((packet) => {
      if (!Array.isArray(packet.data)) {
        throw new Error(`Expected response data to be array, got ${typeof packet.data}.`);
      }
      return packet;
    }),
    scan(processPacket, initial),
    map((state) => preProcessPanelData(state.data)),
    catchError((err) => {
      console.error('runRequest.catchError', err);
      return of({
        ...initial.data,
        state: LoadingState.Error,
        error: toDataQueryError(err),
        errors: [toDataQueryError(err)],
      });
    })
  );
}

/** Runs to completion (or the timeout) and returns the last PanelData. */
export async function runToEnd(
  ds: DataSourceApi,
  request: DataQueryRequest,
  timeoutMs = 30_000,
  query?: DataSourceApi['query']
): Promise<PanelData> {
  try {
    return await lastValueFrom(runRequest(ds, request, query).pipe(takeLast(1), timeout(timeoutMs)));
  } finally {
    (getBackendSrv() as unknown as { resolveCancelerIfExists(id: string): void }).resolveCancelerIfExists(
      request.requestId
    );
  }
}

/** Grafana's toMetricFindValues: the `text` / `value` string fields, else the first string field. */
export function toMetricFindValues(data: PanelData): MetricFindValue[] {
  if (data.state === LoadingState.Error) {
    throw new Error(data.error?.message ?? 'variable query failed');
  }
  const out: MetricFindValue[] = [];
  for (const frame of data.series) {
    const byName = (n: string) =>
      frame.fields.findIndex((f) => f.type === FieldType.string && getFieldDisplayName(f, frame).toLowerCase() === n);
    const firstString = frame.fields.findIndex((f) => f.type === FieldType.string);
    if (firstString === -1) {
      throw new Error("Couldn't find any field of type string in the results.");
    }
    const text = byName('text') === -1 ? firstString : byName('text');
    const value = byName('value') === -1 ? firstString : byName('value');
    for (let i = 0; i < frame.length; i++) {
      out.push({ text: frame.fields[text].values[i], value: frame.fields[value].values[i] });
    }
  }
  return out;
}
