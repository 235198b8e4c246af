import { type Matcher, metricWith, SelectorError } from './selector';

/**
 * The PromQL behind the "oom" (OOM forecast) query type: the memory series to forecast, the hard
 * limit it is killed at, and GOMEMLIMIT (a soft limit), each with fallbacks. This is the ONE place
 * that knows which metric each comes from.
 *
 * - Usage: cAdvisor's `container_memory_working_set_bytes` (what the kubelet and the OOM killer
 *   compare with the limit) where a group has it, else `process_resident_memory_bytes` (a plain
 *   process, any client_golang service).
 * - Limit: cAdvisor's `container_spec_memory_limit_bytes` (0 = unlimited), else kube-state-metrics'
 *   `kube_pod_container_resource_limits{resource="memory"}`; a limit configured in the query
 *   (a plain process has no limit series) replaces both, and no limit query is made.
 * - Soft limit: `go_gc_gomemlimit_bytes` (Go >= 1.19): GC works harder near it, nothing is killed,
 *   so it is drawn as its own line and never taken for the OOM limit.
 *
 * Every query is `max by (<group>)`, so the series of a group join by the group labels. cAdvisor
 * `container_*` series also get `container!="",container!="POD"` (the pod-level and pause-container
 * cgroups are not a container's memory). Label values are re-quoted by metricWith (never pasted);
 * metric and label names are checked.
 */
export const OOM_PLAN_DEFAULTS = {
  usageMetrics: ['container_memory_working_set_bytes', 'process_resident_memory_bytes'] as readonly string[],
  limitMetrics: ['container_spec_memory_limit_bytes', 'kube_pod_container_resource_limits'] as readonly string[],
  softLimitMetric: 'go_gc_gomemlimit_bytes',
  /** One forecast per scrape target. Kubernetes: name labels that single out a container (namespace, pod, container). */
  groupBy: ['instance'] as readonly string[],
} as const;

export interface OomPlanInput {
  /** The user's selector, added to every query. */
  matchers: Matcher[];
  /** One metric instead of the usage fallbacks. */
  usageMetric?: string;
  /** One metric instead of the limit fallbacks. */
  limitMetric?: string;
  /** A configured limit in bytes (already parsed): replaces the limit series. */
  limitBytes?: number | null;
  /** Labels every query aggregates by. Default (also when empty) ['instance']. */
  groupBy?: readonly string[];
}

/** One query: the metric it reads (for notices) and its PromQL. */
export interface OomSource {
  metric: string;
  expr: string;
}

export interface OomPlan {
  /** Usage queries in order of preference: a group takes the first that has its series. */
  usage: OomSource[];
  /** Limit queries in order of preference; empty when the query configures the limit. */
  limit: OomSource[];
  softLimit: OomSource;
  /** The configured limit, bytes; null = from the limit series. */
  configuredLimitBytes: number | null;
  groupBy: string[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** cAdvisor reports the pod's cgroup with container="" and the pause container as "POD". */
const CONTAINER_FILTER: Matcher[] = [
  { name: 'container', op: '!=', value: '' },
  { name: 'container', op: '!=', value: 'POD' },
];
const KSM_LIMITS = 'kube_pod_container_resource_limits';

export function planOomQueries(input: OomPlanInput): OomPlan {
  const names = input.groupBy?.length ? input.groupBy : OOM_PLAN_DEFAULTS.groupBy;
  const groupBy = names.map((l) => checkedName(l, LABEL_NAME, 'label name'));
  const by = groupBy.join(', ');
  const source = (metric: string): OomSource => ({
    metric,
    expr: `max by (${by}) (${metricWith(metric, [...implicitMatchers(metric), ...input.matchers])})`,
  });
  const usageMetrics = input.usageMetric?.trim()
    ? [checkedName(input.usageMetric, METRIC_NAME, 'metric name')]
    : OOM_PLAN_DEFAULTS.usageMetrics;
  const limitMetrics = input.limitMetric?.trim()
    ? [checkedName(input.limitMetric, METRIC_NAME, 'metric name')]
    : OOM_PLAN_DEFAULTS.limitMetrics;
  const configured = input.limitBytes ?? null;
  if (configured !== null && !(Number.isFinite(configured) && configured > 0)) {
    throw new RangeError(`planOomQueries: a configured limit must be > 0 bytes, got ${configured}`);
  }
  return {
    usage: usageMetrics.map(source),
    limit: configured === null ? limitMetrics.map(source) : [],
    softLimit: source(OOM_PLAN_DEFAULTS.softLimitMetric),
    configuredLimitBytes: configured,
    groupBy,
  };
}

/** The matchers a metric needs whatever the selector: cAdvisor's container filter, KSM's resource. */
function implicitMatchers(metric: string): Matcher[] {
  if (metric.startsWith('container_')) {
    return CONTAINER_FILTER;
  }
  if (metric === KSM_LIMITS) {
    return [{ name: 'resource', op: '=', value: 'memory' }];
  }
  return [];
}

/** How a metric of the plan is named in notices, e.g. kube_pod_container_resource_limits{resource="memory"}. */
export function sourceName(metric: string): string {
  return metric === KSM_LIMITS ? `${KSM_LIMITS}{resource="memory"}` : metric;
}

function checkedName(name: string, pattern: RegExp, what: string): string {
  const trimmed = name.trim();
  if (!pattern.test(trimmed)) {
    throw new SelectorError(`${JSON.stringify(name)} is not a valid Prometheus ${what}`);
  }
  return trimmed;
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 2 ** 10,
  kib: 2 ** 10,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
  ti: 2 ** 40,
  tib: 2 ** 40,
};

/** Sizes at or above this are cgroup v1's "no limit", never a configured one. */
const MAX_LIMIT_BYTES = 2 ** 60;

/**
 * A configured memory limit: bytes ("536870912"), or a number with a unit: binary ("512MiB", "1.5GiB",
 * Kubernetes' "512Mi") or decimal ("500MB", "1G"). Blank = undefined (no configured limit); anything
 * else that is not a positive size below 2^60 bytes throws a RangeError saying what was expected.
 */
export function parseByteSize(text: string | number | undefined | null): number | undefined {
  if (text === undefined || text === null) {
    return undefined;
  }
  if (typeof text === 'number') {
    return checkedSize(text, String(text));
  }
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(trimmed);
  const unit = m ? BYTE_UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new RangeError(
      `The memory limit ${JSON.stringify(text)} is not a size: give bytes or a number with a unit (512MiB, 2GiB, 500MB)`
    );
  }
  return checkedSize(Math.round(Number(m[1]) * unit), text);
}

function checkedSize(bytes: number, text: string): number {
  if (!(Number.isFinite(bytes) && bytes >= 1 && bytes < MAX_LIMIT_BYTES)) {
    throw new RangeError(`The memory limit ${JSON.stringify(text)} must be between 1 byte and 1 EiB`);
  }
  return bytes;
}
