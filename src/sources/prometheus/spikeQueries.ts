import type { SignalId } from '../../engine/spikes';
import { formatDuration } from './duration';
import { type Matcher, metricWith, SelectorError } from './selector';

/**
 * The PromQL behind the "spikes" query type: the P99 of a latency histogram per group, and one query
 * per cause signal of the engine's catalog (src/engine/spikes/signals.ts). This is the ONE place that
 * knows which metric each signal comes from, with fallbacks across Go and client_golang versions.
 *
 * Every query aggregates `by (<group>)`, so a signal joins the P99 of the group with the same labels.
 * Label values are re-quoted by metricWith (never pasted); metric and label names are checked.
 */
export const SPIKE_PLAN_DEFAULTS = {
  /** Base name (without _bucket) of the server latency histogram (OpenTelemetry semantic conventions). */
  metric: 'http_server_request_duration_seconds',
  /** Base name of the outgoing-call latency histogram; absent series make the signal not observable. */
  clientMetric: 'http_client_request_duration_seconds',
  /** One P99 series per scrape target. */
  groupBy: ['instance'] as readonly string[],
} as const;

export interface SpikePlanInput {
  /** Latency histogram base name. Default SPIKE_PLAN_DEFAULTS.metric. */
  metric?: string;
  /** The user's selector, added to every query. */
  matchers: Matcher[];
  /** Matchers for cAdvisor container_* series (pod/namespace/container labels); default `matchers`. */
  containerMatchers?: Matcher[];
  /** Labels every query aggregates by. Default (also when empty) ['instance']; ['job'] = one group per job. */
  groupBy?: readonly string[];
  /** rate() window, seconds. */
  rateWindowSeconds: number;
  /** Client latency histogram base name. Default SPIKE_PLAN_DEFAULTS.clientMetric. */
  clientMetric?: string;
}

export interface SpikePlan {
  p99: string;
  /** The series the P99 reads, e.g. http_server_request_duration_seconds_bucket. */
  p99Metric: string;
  signals: Record<SignalId, string>;
  /** The metrics each signal reads, for "not observable" notices (alternatives in order of preference). */
  signalMetrics: Record<SignalId, string[]>;
  groupBy: string[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function planSpikeQueries(input: SpikePlanInput): SpikePlan {
  const metric = checkedName(input.metric || SPIKE_PLAN_DEFAULTS.metric, METRIC_NAME, 'metric name');
  const clientMetric = checkedName(input.clientMetric || SPIKE_PLAN_DEFAULTS.clientMetric, METRIC_NAME, 'metric name');
  const names = input.groupBy?.length ? input.groupBy : SPIKE_PLAN_DEFAULTS.groupBy;
  const groupBy = names.map((l) => checkedName(l, LABEL_NAME, 'label name'));
  if (!(input.rateWindowSeconds > 0)) {
    throw new RangeError(`planSpikeQueries: rate window must be > 0 s, got ${input.rateWindowSeconds}`);
  }
  const m = input.matchers;
  const c = input.containerMatchers ?? m;
  const rw = formatDuration(input.rateWindowSeconds);
  const by = groupBy.join(', ');

  const rate = (name: string, matchers: Matcher[]) => `rate(${metricWith(name, matchers)}[${rw}])`;
  const sumRate = (name: string, matchers = m) => `sum by (${by}) (${rate(name, matchers)})`;
  const ratio = (num: string, den: string, matchers = m) => `${sumRate(num, matchers)} / ${sumRate(den, matchers)}`;
  const gauge = (name: string) => `sum by (${by}) (${metricWith(name, m)})`;
  const p99 = (base: string) =>
    `histogram_quantile(0.99, sum by (${['le', ...groupBy].join(', ')}) (${rate(`${base}_bucket`, m)}))`;

  const signals: Record<SignalId, string> = {
    // Go >= 1.22 names it go_sched_pauses_total_gc_seconds; 1.17-1.21 go_gc_pauses_seconds. `or` keeps
    // the newer name per group and falls back where only the older one exists.
    gc_pause_p99: `${p99('go_sched_pauses_total_gc_seconds')} or ${p99('go_gc_pauses_seconds')}`,
    gc_mean_pause: ratio('go_gc_duration_seconds_sum', 'go_gc_duration_seconds_count'),
    gc_pause_max: `max by (${by}) (${metricWith('go_gc_duration_seconds', m, [{ name: 'quantile', op: '=', value: '1' }])})`,
    gc_cycle_rate: sumRate('go_gc_duration_seconds_count'),
    gc_cpu_ratio: ratio('go_cpu_classes_gc_total_cpu_seconds_total', 'go_cpu_classes_total_cpu_seconds_total'),
    sched_latency_p99: p99('go_sched_latencies_seconds'),
    cpu_throttled_ratio: ratio('container_cpu_cfs_throttled_periods_total', 'container_cpu_cfs_periods_total', c),
    mutex_wait_rate: sumRate('go_sync_mutex_wait_total_seconds_total'),
    threads: gauge('go_threads'),
    not_in_go_goroutines: gauge('go_sched_goroutines_not_in_go_goroutines'),
    network_client_p99: p99(clientMetric),
    // Node-wide (node_exporter): joins a group only where its series carry the group's labels.
    tcp_retransmit_rate: sumRate('node_netstat_Tcp_RetransSegs'),
  };
  const signalMetrics: Record<SignalId, string[]> = {
    gc_pause_p99: ['go_sched_pauses_total_gc_seconds_bucket', 'go_gc_pauses_seconds_bucket'],
    gc_mean_pause: ['go_gc_duration_seconds_sum'],
    gc_pause_max: ['go_gc_duration_seconds{quantile="1"}'],
    gc_cycle_rate: ['go_gc_duration_seconds_count'],
    gc_cpu_ratio: ['go_cpu_classes_gc_total_cpu_seconds_total'],
    sched_latency_p99: ['go_sched_latencies_seconds_bucket'],
    cpu_throttled_ratio: ['container_cpu_cfs_throttled_periods_total'],
    mutex_wait_rate: ['go_sync_mutex_wait_total_seconds_total'],
    threads: ['go_threads'],
    not_in_go_goroutines: ['go_sched_goroutines_not_in_go_goroutines'],
    network_client_p99: [`${clientMetric}_bucket`],
    tcp_retransmit_rate: ['node_netstat_Tcp_RetransSegs'],
  };
  return { p99: p99(metric), p99Metric: `${metric}_bucket`, signals, signalMetrics, groupBy };
}

function checkedName(name: string, pattern: RegExp, what: string): string {
  const trimmed = name.trim();
  if (!pattern.test(trimmed)) {
    throw new SelectorError(`${JSON.stringify(name)} is not a valid Prometheus ${what}`);
  }
  return trimmed;
}
