import type { DataQuery, DataSourceJsonData } from '@grafana/schema';

import { DEFAULT_OOM_OPTIONS, MIB } from '../engine/oom';
import { DETECT_DEFAULTS, type SignalId } from '../engine/spikes';
import { QueryType, type QueryTypeId } from '../shared/queryTypes';
import { OOM_PLAN_DEFAULTS } from '../sources/prometheus/oomQueries';
import { SPIKE_PLAN_DEFAULTS } from '../sources/prometheus/spikeQueries';

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

  // The "spikes" query type (P99 spikes and their causes; docs/spikes.md). Every field is optional:
  // an unset field takes its default from DEFAULT_SPIKES_QUERY, or the rule written beside it.

  /** Base name (without `_bucket`) of the latency histogram. Default http_server_request_duration_seconds. */
  metric?: string;
  /** Labels that make one P99 series (and one set of signals) each. Default (also when empty) ['instance']. */
  groupBy?: string[];
  /**
   * Matchers for the cAdvisor container_* series (CPU throttling), which carry pod/namespace/container
   * labels rather than the service's job/instance, e.g. `{namespace="shop", container="cart"}`.
   * Default: the selector.
   */
  containerSelector?: string;
  /**
   * Analysis resolution, a Prometheus duration ("15s"). The analysis always runs at scrape resolution,
   * whatever the panel's interval. Default: the data source's scrape interval (15s when unset).
   */
  step?: string;
  /** rate() window of the P99 and the signals, a Prometheus duration. Default 4 × step. */
  rateWindow?: string;
  /** Past samples in each spike baseline (W). Default 30. */
  windowSamples?: number;
  /** A spike opens at baseline median + k × robust sigma. Default 3. */
  k?: number;
  /** Base name of an outgoing-call latency histogram (network cause). Default http_client_request_duration_seconds. */
  clientMetric?: string;
  /** Attribution weight per signal id (see SIGNAL_CATALOG); unset ids keep the catalog weight. */
  weights?: Partial<Record<SignalId, number>>;

  // The "oom" query type (OOM forecast per instance; docs/oom.md). It shares `groupBy` (one forecast
  // per value of these labels, default ['instance']) and `step` (default: the scrape interval) with
  // the spikes fields above. Every field is optional: an unset field takes DEFAULT_OOM_QUERY's value.

  /**
   * The memory series to forecast. Default: container_memory_working_set_bytes where a group has it,
   * else process_resident_memory_bytes.
   */
  usageMetric?: string;
  /**
   * The hard limit series (the kill). Default: container_spec_memory_limit_bytes (0 = unlimited), else
   * kube_pod_container_resource_limits{resource="memory"}.
   */
  limitMetric?: string;
  /**
   * A configured limit for plain processes (no limit series): bytes or a size such as "512MiB",
   * "2GiB", "500MB". When set, it is every instance's limit and no limit series is queried.
   */
  limitBytes?: string;
  /** Warn when the forecast reaches the limit within this many seconds. Default 40. */
  horizonSeconds?: number;
  /** A warning becomes imminent when the limit is this close, seconds (<= horizon). Default 20. */
  imminentSeconds?: number;
  /** Growing samples whose forecast qualifies before a warning is raised (N). Default 3. */
  consecutiveEvaluations?: number;
  /** Slower growth of the peak never warns (page cache, drift), MiB/s. Default 0.8. */
  minGrowthMiBPerSecond?: number;
}

/**
 * Defaults of the spikes query's fields, in one place. The editor leaves unset fields unset (and shows
 * these as placeholders), so a saved query follows the defaults; the runner applies them.
 */
export const DEFAULT_SPIKES_QUERY: Readonly<
  Required<Pick<StabilityQuery, 'metric' | 'windowSamples' | 'k' | 'clientMetric'>> & { groupBy: readonly string[] }
> = {
  metric: SPIKE_PLAN_DEFAULTS.metric,
  groupBy: SPIKE_PLAN_DEFAULTS.groupBy,
  windowSamples: DETECT_DEFAULTS.windowSamples,
  k: DETECT_DEFAULTS.k,
  clientMetric: SPIKE_PLAN_DEFAULTS.clientMetric,
};

/**
 * Defaults of the OOM query's fields, in one place: the engine's DEFAULT_OOM_OPTIONS and the planner's
 * metrics. As for spikes, the editor shows them as placeholders and leaves unset fields unset.
 */
export const DEFAULT_OOM_QUERY = {
  usageMetrics: OOM_PLAN_DEFAULTS.usageMetrics,
  limitMetrics: OOM_PLAN_DEFAULTS.limitMetrics,
  groupBy: OOM_PLAN_DEFAULTS.groupBy,
  horizonSeconds: DEFAULT_OOM_OPTIONS.horizonSeconds,
  imminentSeconds: DEFAULT_OOM_OPTIONS.imminentSeconds,
  consecutiveEvaluations: DEFAULT_OOM_OPTIONS.consecutiveEvaluations,
  minGrowthMiBPerSecond: DEFAULT_OOM_OPTIONS.minGrowthBytesPerSecond / MIB,
} as const;

/** An unset rateWindow is this many steps (the engine's own default, so the P99 and the engine agree). */
export const DEFAULT_RATE_WINDOW_STEPS = DETECT_DEFAULTS.rateWindowSteps;

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
