// Running a variable query the way Grafana's variable query runner does for a data source with
// custom variable support: ds.variables.query through runRequest, then toMetricFindValues.
import {
  CoreApp,
  type DataQuery,
  type DataQueryRequest,
  type DataSourceApi,
  type MetricFindValue,
} from '@grafana/data';

import { currentTimeRange, runToEnd, toMetricFindValues } from './request';

let counter = 0;

export async function runVariableQuery(ds: DataSourceApi, query: DataQuery): Promise<MetricFindValue[]> {
  const support = ds.variables as { query?: DataSourceApi['query'] } | undefined;
  if (!support?.query) {
    if (ds.metricFindQuery) {
      return ds.metricFindQuery(query, { range: currentTimeRange() });
    }
    throw new Error('[host page] the data source has neither variable support nor metricFindQuery');
  }
  const range = currentTimeRange();
  const request: DataQueryRequest = {
    app: CoreApp.Dashboard,
    requestId: `variable-${++counter}`,
    timezone: 'browser',
    range,
    interval: '',
    intervalMs: 0,
    targets: [{ ...query, refId: query.refId ?? 'variable-query' }],
    scopedVars: {},
    startTime: Date.now(),
  };
  return toMetricFindValues(await runToEnd(ds, request, 30_000, support.query.bind(support)));
}
