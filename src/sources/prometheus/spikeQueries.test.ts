import { SIGNAL_CATALOG } from '../../engine/spikes';
import { parseSelector, SelectorError } from './selector';
import { planSpikeQueries } from './spikeQueries';

const job = parseSelector('{job="api"}');

describe('planSpikeQueries', () => {
  const plan = planSpikeQueries({ matchers: job, rateWindowSeconds: 60 });

  it('plans the P99 of the default histogram per instance', () => {
    expect(plan.p99).toBe(
      'histogram_quantile(0.99, sum by (le, instance) (rate(http_server_request_duration_seconds_bucket{job="api"}[60s])))'
    );
    expect(plan.groupBy).toEqual(['instance']);
  });

  it('has exactly one query per signal of the engine catalog', () => {
    expect(Object.keys(plan.signals).sort()).toEqual(SIGNAL_CATALOG.map((s) => s.id).sort());
    expect(Object.keys(plan.signalMetrics).sort()).toEqual(SIGNAL_CATALOG.map((s) => s.id).sort());
  });

  it.each([
    [
      'gc_pause_p99',
      'histogram_quantile(0.99, sum by (le, instance) (rate(go_sched_pauses_total_gc_seconds_bucket{job="api"}[60s])))' +
        ' or histogram_quantile(0.99, sum by (le, instance) (rate(go_gc_pauses_seconds_bucket{job="api"}[60s])))',
    ],
    [
      'gc_mean_pause',
      'sum by (instance) (rate(go_gc_duration_seconds_sum{job="api"}[60s]))' +
        ' / sum by (instance) (rate(go_gc_duration_seconds_count{job="api"}[60s]))',
    ],
    ['gc_pause_max', 'max by (instance) (go_gc_duration_seconds{job="api",quantile="1"})'],
    ['gc_cycle_rate', 'sum by (instance) (rate(go_gc_duration_seconds_count{job="api"}[60s]))'],
    [
      'gc_cpu_ratio',
      'sum by (instance) (rate(go_cpu_classes_gc_total_cpu_seconds_total{job="api"}[60s]))' +
        ' / sum by (instance) (rate(go_cpu_classes_total_cpu_seconds_total{job="api"}[60s]))',
    ],
    [
      'sched_latency_p99',
      'histogram_quantile(0.99, sum by (le, instance) (rate(go_sched_latencies_seconds_bucket{job="api"}[60s])))',
    ],
    [
      'cpu_throttled_ratio',
      'sum by (instance) (rate(container_cpu_cfs_throttled_periods_total{job="api"}[60s]))' +
        ' / sum by (instance) (rate(container_cpu_cfs_periods_total{job="api"}[60s]))',
    ],
    ['mutex_wait_rate', 'sum by (instance) (rate(go_sync_mutex_wait_total_seconds_total{job="api"}[60s]))'],
    ['threads', 'sum by (instance) (go_threads{job="api"})'],
    ['not_in_go_goroutines', 'sum by (instance) (go_sched_goroutines_not_in_go_goroutines{job="api"})'],
    [
      'network_client_p99',
      'histogram_quantile(0.99, sum by (le, instance) (rate(http_client_request_duration_seconds_bucket{job="api"}[60s])))',
    ],
    ['tcp_retransmit_rate', 'sum by (instance) (rate(node_netstat_Tcp_RetransSegs{job="api"}[60s]))'],
  ] as const)('plans %s', (id, expr) => expect(plan.signals[id]).toBe(expr));

  it('uses the container matchers for cAdvisor series only, and the named histograms and groups', () => {
    const custom = planSpikeQueries({
      metric: 'grpc_server_handling_seconds',
      clientMetric: 'grpc_client_handling_seconds',
      matchers: parseSelector('{namespace="shop", app="cart"}'),
      containerMatchers: parseSelector('{namespace="shop", container="cart"}'),
      groupBy: ['namespace', 'pod'],
      rateWindowSeconds: 0.5,
    });
    expect(custom.p99).toBe(
      'histogram_quantile(0.99, sum by (le, namespace, pod) (rate(grpc_server_handling_seconds_bucket{namespace="shop",app="cart"}[500ms])))'
    );
    expect(custom.signals.cpu_throttled_ratio).toBe(
      'sum by (namespace, pod) (rate(container_cpu_cfs_throttled_periods_total{namespace="shop",container="cart"}[500ms]))' +
        ' / sum by (namespace, pod) (rate(container_cpu_cfs_periods_total{namespace="shop",container="cart"}[500ms]))'
    );
    expect(custom.signals.threads).toBe('sum by (namespace, pod) (go_threads{namespace="shop",app="cart"})');
    expect(custom.signals.network_client_p99).toContain(
      'grpc_client_handling_seconds_bucket{namespace="shop",app="cart"}'
    );
    expect(custom.signalMetrics.network_client_p99).toEqual(['grpc_client_handling_seconds_bucket']);
  });

  it('groups by instance when groupBy is empty, and needs no matchers', () => {
    const all = planSpikeQueries({ matchers: [], groupBy: [], rateWindowSeconds: 60 });
    expect(all.p99).toBe(
      'histogram_quantile(0.99, sum by (le, instance) (rate(http_server_request_duration_seconds_bucket[60s])))'
    );
    expect(all.signals.threads).toBe('sum by (instance) (go_threads)');
  });

  it('re-quotes a hostile label value in every query, so it stays one string', () => {
    const hostile = parseSelector('{pod="x\\"}[1m])) or vector(1) #"}');
    const p = planSpikeQueries({ matchers: hostile, rateWindowSeconds: 60 });
    expect(p.p99).toBe(
      'histogram_quantile(0.99, sum by (le, instance) (rate(http_server_request_duration_seconds_bucket{pod="x\\"}[1m])) or vector(1) #"}[60s])))'
    );
    for (const expr of Object.values(p.signals)) {
      expect(expr).toContain('{pod="x\\"}[1m])) or vector(1) #"');
    }
  });

  it.each([
    [{ metric: 'http_seconds{job="x"}' }, /"http_seconds\{job=\\"x\\"\}" is not a valid Prometheus metric name/],
    [{ clientMetric: 'a b' }, /not a valid Prometheus metric name/],
    [{ groupBy: ['instance) or vector(1'] }, /not a valid Prometheus label name/],
  ])('refuses a name that is not a name: %o', (bad, message) => {
    expect(() => planSpikeQueries({ matchers: [], rateWindowSeconds: 60, ...bad })).toThrow(SelectorError);
    expect(() => planSpikeQueries({ matchers: [], rateWindowSeconds: 60, ...bad })).toThrow(message);
  });
});
