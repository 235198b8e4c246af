import type { DataQuery, DataSourceJsonData } from '@grafana/schema';

import { QueryType, type QueryTypeId } from '../shared/queryTypes';

/** Version of the saved query model; bump it with a step in migrations.ts. */
export const QUERY_SCHEMA_VERSION = 1;

/** A query as saved in dashboards. */
export interface StabilityQuery extends DataQuery {
  /** What to compute; see shared/queryTypes.ts. */
  queryType?: QueryTypeId;
  /** Saved-model version, for migrations. */
  schemaVersion?: number;
  /** Label matchers added to every metric queried, e.g. `{job="api"}`; template variables allowed. */
  selector?: string;
}

export const DEFAULT_QUERY: Partial<StabilityQuery> = {
  queryType: QueryType.HealthSnapshot,
  schemaVersion: QUERY_SCHEMA_VERSION,
  selector: '',
};

/** Options saved in the data source's jsonData (visible to the browser, so never secrets). */
export interface StabilityJsonData extends DataSourceJsonData {
  /** Scrape interval of the Go services, as a Prometheus duration; the analysis step. Default 15s. */
  scrapeInterval?: string;
  /** Base URL of the pprof route: a Go service, a reverse proxy, or the Kubernetes API server. */
  pprofUrl?: string;
  /** Path under pprofUrl, with {label} placeholders filled from series labels. Default /debug/pprof. */
  pprofPathTemplate?: string;
}

/** Secrets: stored encrypted by Grafana, used by the proxy, never sent to the browser. */
export interface StabilitySecureJsonData {
  /** Sent as the Authorization header on pprof requests (e.g. `Bearer <token>`). */
  pprofAuthorization?: string;
}

export const DEFAULT_SCRAPE_INTERVAL = '15s';
export const DEFAULT_PPROF_PATH_TEMPLATE = '/debug/pprof';

/** A template variable: the values of one label across the Go services Prometheus scrapes. */
export interface StabilityVariableQuery extends DataQuery {
  /** Which label to list, e.g. job or instance. */
  label: string;
  /** Optional matchers, e.g. `{job="$job"}` to chain variables. */
  selector?: string;
}

export const DEFAULT_VARIABLE_QUERY: StabilityVariableQuery = { refId: 'variable', label: 'job', selector: '' };
