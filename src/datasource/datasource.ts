import {
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  type DataSourceInstanceSettings,
  type ScopedVars,
  type TestDataSourceResponse,
} from '@grafana/data';
import { type BackendSrv, getBackendSrv, getTemplateSrv, type TemplateSrv } from '@grafana/runtime';
import { catchError, from, map, merge, type Observable, of } from 'rxjs';

import { PrometheusClient } from '../sources/prometheus/client';
import { parseSelector } from '../sources/prometheus/selector';
import { QueryType } from '../shared/queryTypes';
import { spikeAnnotationSupport } from './annotations';
import { migrateQuery } from './migrations';
import { runHealthSnapshot } from './queries/healthSnapshot';
import { runOom } from './queries/oom';
import { runSpikes } from './queries/spikes';
import { grafanaProxyTransport } from './transport';
import { checkConnection } from './testConnection';
import { DEFAULT_QUERY, type StabilityJsonData, type StabilityQuery } from './types';
import { StabilityVariableSupport } from './variables';

export class StabilityDataSource extends DataSourceApi<StabilityQuery, StabilityJsonData> {
  readonly prometheus: PrometheusClient;
  /** jsonData.scrapeInterval: the spikes and OOM analysis step unless the query sets one. */
  readonly scrapeInterval?: string;

  constructor(
    instanceSettings: DataSourceInstanceSettings<StabilityJsonData>,
    backendSrv: BackendSrv = getBackendSrv(),
    private readonly templateSrv: TemplateSrv = getTemplateSrv()
  ) {
    super(instanceSettings);
    this.prometheus = new PrometheusClient(grafanaProxyTransport(backendSrv, instanceSettings.url ?? ''));
    this.variables = new StabilityVariableSupport(this);
    // Spikes as annotations on any time-series panel (plugin.json declares "annotations": true).
    this.annotations = spikeAnnotationSupport;
    this.scrapeInterval = instanceSettings.jsonData?.scrapeInterval;
  }

  override getDefaultQuery(): Partial<StabilityQuery> {
    return DEFAULT_QUERY;
  }

  override filterQuery(query: StabilityQuery): boolean {
    return !query.hide;
  }

  /** One response per refId, keyed by it, so a failing query does not blank the others. */
  query(request: DataQueryRequest<StabilityQuery>): Observable<DataQueryResponse> {
    const targets = request.targets.filter((t) => this.filterQuery(t));
    if (targets.length === 0) {
      return of({ data: [] });
    }
    return merge(
      ...targets.map((target) =>
        from(this.runTarget(migrateQuery(target), request)).pipe(
          map((data): DataQueryResponse => ({ data, key: target.refId })),
          catchError((err: unknown) =>
            of<DataQueryResponse>({
              data: [],
              key: target.refId,
              errors: [{ refId: target.refId, message: err instanceof Error ? err.message : String(err) }],
            })
          )
        )
      )
    );
  }

  /** The selector after template variables, regex-escaped for multi-value use. */
  interpolateSelector(selector: string | undefined, scopedVars: ScopedVars = {}): string {
    return this.templateSrv.replace(selector ?? '', scopedVars, 'regex');
  }

  testDatasource(): Promise<TestDataSourceResponse> {
    return checkConnection(this.prometheus);
  }

  private async runTarget(query: StabilityQuery, request: DataQueryRequest<StabilityQuery>): Promise<DataFrame[]> {
    const matchers = parseSelector(this.interpolateSelector(query.selector, request.scopedVars));
    switch (query.queryType) {
      case QueryType.HealthSnapshot:
        return runHealthSnapshot(this.prometheus, matchers, request.range.to.valueOf(), query.refId);
      case QueryType.Spikes: {
        const container = query.containerSelector?.trim()
          ? parseSelector(this.interpolateSelector(query.containerSelector, request.scopedVars))
          : undefined;
        return runSpikes({
          client: this.prometheus,
          query,
          matchers,
          containerMatchers: container,
          fromMs: request.range.from.valueOf(),
          toMs: request.range.to.valueOf(),
          scrapeInterval: this.scrapeInterval,
        });
      }
      case QueryType.OomForecast:
        return runOom({
          client: this.prometheus,
          query,
          matchers,
          fromMs: request.range.from.valueOf(),
          toMs: request.range.to.valueOf(),
          scrapeInterval: this.scrapeInterval,
        });
      default:
        throw new Error(`Unknown query type "${String(query.queryType)}": pick one in the query editor`);
    }
  }
}
