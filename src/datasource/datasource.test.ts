import {
  dateTime,
  type DataQueryRequest,
  type DataSourceInstanceSettings,
  type DataQueryResponse,
} from '@grafana/data';
import type { BackendSrv, BackendSrvRequest, TemplateSrv } from '@grafana/runtime';
import { lastValueFrom, of, throwError, toArray } from 'rxjs';

import { HealthField } from '../shared/fields';
import { QueryType } from '../shared/queryTypes';
import { StabilityDataSource } from './datasource';
import type { StabilityJsonData, StabilityQuery } from './types';

const settings = {
  id: 1,
  uid: 'ds-uid',
  name: 'Go Stability',
  type: 'gosre-stability-datasource',
  url: '/api/datasources/proxy/uid/ds-uid',
  jsonData: {},
} as unknown as DataSourceInstanceSettings<StabilityJsonData>;

const templateSrv = {
  replace: (text: string) => text.replace('$job', 'demo'),
} as unknown as TemplateSrv;

/** A backend answering Prometheus instant queries from a table keyed by the PromQL text. */
function backendAnswering(answers: Record<string, unknown[]>) {
  const requests: BackendSrvRequest[] = [];
  const fetch = (req: BackendSrvRequest) => {
    requests.push(req);
    const query = new URL(req.url, 'http://host').searchParams.get('query') ?? '';
    if (!(query in answers)) {
      return throwError(() => ({
        status: 400,
        data: { status: 'error', errorType: 'bad_data', error: `unknown ${query}` },
      }));
    }
    return of({ status: 200, data: { status: 'success', data: { resultType: 'vector', result: answers[query] } } });
  };
  return { backend: { fetch } as unknown as BackendSrv, requests };
}

function request(targets: StabilityQuery[], toMs = 1_700_000_000_000): DataQueryRequest<StabilityQuery> {
  return {
    targets,
    range: { from: dateTime(toMs - 3600_000), to: dateTime(toMs), raw: { from: 'now-1h', to: 'now' } },
    scopedVars: {},
  } as unknown as DataQueryRequest<StabilityQuery>;
}

const sample = (labels: Record<string, string>, value: string) => ({ metric: labels, value: [1_700_000_000, value] });
const demo = { job: 'demo', instance: '127.0.0.1:18080' };

describe('StabilityDataSource health snapshot', () => {
  it('queries Prometheus through the proxy URL at the explicit instant and builds one row per instance', async () => {
    const { backend, requests } = backendAnswering({
      'go_goroutines{job="demo"}': [sample(demo, '17')],
      'go_memstats_heap_alloc_bytes{job="demo"}': [sample(demo, '1048576')],
      'go_memstats_next_gc_bytes{job="demo"}': [sample(demo, '4194304')],
      'go_info{job="demo"}': [sample({ ...demo, version: 'go1.19.8' }, '1')],
      'time() - process_start_time_seconds{job="demo"}': [sample(demo, '120')],
    });
    const ds = new StabilityDataSource(settings, backend, templateSrv);
    const target = { refId: 'A', queryType: QueryType.HealthSnapshot, selector: '{job="$job"}' };
    const response = await lastValueFrom(ds.query(request([target])));

    expect(requests[0].url).toBe(
      '/api/datasources/proxy/uid/ds-uid/api/v1/query?query=go_goroutines%7Bjob%3D%22demo%22%7D&time=1700000000.000'
    );
    const frame = response.data[0];
    const value = (name: string) => frame.fields.find((f: { name: string }) => f.name === name).values[0];
    expect(value(HealthField.Instance)).toBe('127.0.0.1:18080');
    expect(value(HealthField.Goroutines)).toBe(17);
    expect(value(HealthField.HeapAlloc)).toBe(1048576);
    expect(value(HealthField.GoVersion)).toBe('go1.19.8');
    expect(value(HealthField.Uptime)).toBe(120);
    expect(frame.meta.notices).toEqual([]);
  });

  it('reports a failing query as an error on its own refId while the other query still draws', async () => {
    const { backend } = backendAnswering({
      go_goroutines: [sample(demo, '5')],
      go_memstats_heap_alloc_bytes: [],
      go_memstats_next_gc_bytes: [],
      go_info: [],
      'time() - process_start_time_seconds': [],
    });
    const ds = new StabilityDataSource(settings, backend, templateSrv);
    const responses: DataQueryResponse[] = await lastValueFrom(
      ds
        .query(
          request([
            { refId: 'A', queryType: QueryType.HealthSnapshot, selector: '' },
            { refId: 'B', queryType: QueryType.HealthSnapshot, selector: '{job=oops}' },
          ])
        )
        .pipe(toArray())
    );
    const byKey = Object.fromEntries(responses.map((r) => [r.key, r]));
    expect(byKey.A.data[0].meta.notices[0].text).toMatch(/no heapAlloc, nextGc, goInfo, uptime series/);
    expect(byKey.B.errors).toEqual([{ refId: 'B', message: expect.stringMatching(/Cannot read the matcher/) }]);
  });

  it('migrates a query saved before the model was versioned', async () => {
    const { backend, requests } = backendAnswering({
      go_goroutines: [],
      go_memstats_heap_alloc_bytes: [],
      go_memstats_next_gc_bytes: [],
      go_info: [],
      'time() - process_start_time_seconds': [],
    });
    const ds = new StabilityDataSource(settings, backend, templateSrv);
    const response = await lastValueFrom(ds.query(request([{ refId: 'A' }])));
    expect(response.errors).toBeUndefined();
    expect(requests).toHaveLength(5);
  });
});

describe('StabilityDataSource.testDatasource', () => {
  it('never throws and names the cause when Prometheus cannot be reached', async () => {
    const backend = {
      fetch: () => throwError(() => ({ status: 502, statusText: 'Bad Gateway', data: undefined })),
    } as unknown as BackendSrv;
    const ds = new StabilityDataSource(settings, backend, templateSrv);
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'error',
      message: 'Prometheus is not reachable: Prometheus answered 502: Bad Gateway',
    });
  });

  it('warns when Prometheus holds no Go metrics', async () => {
    const { backend } = backendAnswering({ 'vector(1)': [sample({}, '1')], 'count by (job) (go_goroutines)': [] });
    const ds = new StabilityDataSource(settings, backend, templateSrv);
    await expect(ds.testDatasource()).resolves.toMatchObject({ status: 'warning' });
  });

  it('counts the Go instances it found', async () => {
    const { backend } = backendAnswering({
      'vector(1)': [sample({}, '1')],
      'count by (job) (go_goroutines)': [sample({ job: 'a' }, '2'), sample({ job: 'b' }, '1')],
    });
    const ds = new StabilityDataSource(settings, backend, templateSrv);
    await expect(ds.testDatasource()).resolves.toEqual({
      status: 'success',
      message: 'Prometheus answers; Go runtime metrics found for 3 instance(s) in 2 job(s).',
    });
  });
});
