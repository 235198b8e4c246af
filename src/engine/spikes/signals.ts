/**
 * The one catalog of cause signals the attribution understands: what each measures, which cause it
 * speaks for, how much it counts, and which Go / client_golang exports it. The PromQL that computes
 * them lives in src/sources/prometheus; the engine only receives {id, timestamps, values}.
 *
 * Honesty rule: a signal is listed under a cause only if it measures that mechanism itself. Symptoms
 * every slowdown produces (more goroutines, more in-flight requests: Little's law, L = λW) move with
 * any cause and are deliberately absent; see SYMPTOM_SIGNALS.
 */

export const CAUSES = ['gc', 'lock', 'syscall', 'network', 'scheduler', 'cpu_throttling'] as const;
export type Cause = (typeof CAUSES)[number];

/** How a person reads each cause. */
export const CAUSE_LABELS: Readonly<Record<Cause, string>> = {
  gc: 'GC',
  lock: 'lock contention',
  syscall: 'blocking syscalls',
  network: 'network',
  scheduler: 'scheduler latency',
  cpu_throttling: 'CPU throttling',
};

/** pprof profiles (and the execution trace) a person can take to tell causes apart. */
export type ProfileKind = 'cpu' | 'heap' | 'allocs' | 'goroutine' | 'mutex' | 'block' | 'trace';

export type SignalUnit = 'seconds' | 'ratio' | 'per_second' | 'seconds_per_second' | 'count';

export type SignalSource =
  | 'client_golang default collector'
  | 'client_golang runtime metrics (opt-in)'
  | 'cAdvisor'
  | 'node_exporter'
  | 'user-named histogram';

export interface SignalSpec {
  id: string;
  cause: Cause;
  /** Human name for tables and explanations. */
  name: string;
  unit: SignalUnit;
  /** Which way is bad. Every current signal is 'up'. */
  direction: 'up' | 'down';
  /** Default weight of its evidence (option: AttributeOptions.weights). */
  weight: number;
  /** Smallest sigma believed, in `unit` (option: AttributeOptions.minSigma); keeps z finite when MAD is 0. */
  minSigma: number;
  /** The metrics it is derived from, for people; not PromQL. */
  metrics: string;
  /** First Go release that exports it (null: every supported release). */
  minGo: string | null;
  source: SignalSource;
  /** What has to be true for the signal to exist, said to a person. */
  requires: string;
}

const RUNTIME_METRICS = 'client_golang >= 1.12.2 with the runtime/metrics collection enabled';

export const SIGNAL_CATALOG = [
  {
    id: 'gc_pause_p99',
    cause: 'gc',
    name: 'GC stop-the-world pause P99',
    unit: 'seconds',
    direction: 'up',
    weight: 1,
    minSigma: 20e-6,
    metrics: 'go_sched_pauses_total_gc_seconds (Go >= 1.22) or go_gc_pauses_seconds (Go 1.17-1.21)',
    minGo: '1.17',
    source: 'client_golang runtime metrics (opt-in)',
    requires: `Go >= 1.17 and ${RUNTIME_METRICS} (collectors.MetricsGC)`,
  },
  {
    id: 'gc_mean_pause',
    cause: 'gc',
    name: 'GC mean pause',
    unit: 'seconds',
    direction: 'up',
    weight: 1,
    minSigma: 20e-6,
    metrics: 'rate(go_gc_duration_seconds_sum) / rate(go_gc_duration_seconds_count)',
    minGo: null,
    source: 'client_golang default collector',
    requires: 'any client_golang (exported by default)',
  },
  {
    id: 'gc_pause_max',
    cause: 'gc',
    name: 'GC longest recent pause',
    unit: 'seconds',
    direction: 'up',
    weight: 1,
    minSigma: 20e-6,
    metrics: 'go_gc_duration_seconds{quantile="1"}',
    minGo: null,
    source: 'client_golang default collector',
    requires: 'any client_golang (exported by default)',
  },
  {
    // Cycles per second also rise with plain throughput (more requests allocate more): half weight.
    id: 'gc_cycle_rate',
    cause: 'gc',
    name: 'GC cycles per second',
    unit: 'per_second',
    direction: 'up',
    weight: 0.5,
    minSigma: 0.02,
    metrics: 'rate(go_gc_duration_seconds_count)',
    minGo: null,
    source: 'client_golang default collector',
    requires: 'any client_golang (exported by default)',
  },
  {
    id: 'gc_cpu_ratio',
    cause: 'gc',
    name: 'Share of CPU spent in GC',
    unit: 'ratio',
    direction: 'up',
    weight: 1,
    minSigma: 0.005,
    metrics: 'rate(go_cpu_classes_gc_total_cpu_seconds_total) / rate(go_cpu_classes_total_cpu_seconds_total)',
    minGo: '1.20',
    source: 'client_golang runtime metrics (opt-in)',
    requires: `Go >= 1.20 and ${RUNTIME_METRICS} (a /cpu/classes rule or MetricsAll)`,
  },
  {
    id: 'sched_latency_p99',
    cause: 'scheduler',
    name: 'Scheduler latency P99 (runnable to running)',
    unit: 'seconds',
    direction: 'up',
    weight: 1,
    minSigma: 20e-6,
    metrics: 'go_sched_latencies_seconds',
    minGo: '1.17',
    source: 'client_golang runtime metrics (opt-in)',
    requires: `Go >= 1.17 and ${RUNTIME_METRICS} (collectors.MetricsScheduler)`,
  },
  {
    id: 'cpu_throttled_ratio',
    cause: 'cpu_throttling',
    name: 'Share of CFS periods throttled',
    unit: 'ratio',
    direction: 'up',
    weight: 1,
    minSigma: 0.01,
    metrics: 'rate(container_cpu_cfs_throttled_periods_total) / rate(container_cpu_cfs_periods_total)',
    minGo: null,
    source: 'cAdvisor',
    requires: 'Kubernetes (cAdvisor) and a CPU limit on the container',
  },
  {
    id: 'mutex_wait_rate',
    cause: 'lock',
    name: 'Mutex wait (seconds waited per second)',
    unit: 'seconds_per_second',
    direction: 'up',
    weight: 1,
    minSigma: 0.001,
    metrics: 'rate(go_sync_mutex_wait_total_seconds_total)',
    minGo: '1.20',
    source: 'client_golang runtime metrics (opt-in)',
    requires: `Go >= 1.20 and ${RUNTIME_METRICS} (a /sync/mutex/wait/total:seconds rule or MetricsAll)`,
  },
  {
    // The runtime starts a new thread when a goroutine blocks in a syscall or cgo call; go_threads
    // counts threads created, so it steps up and stays. Indirect (LockOSThread also adds threads).
    id: 'threads',
    cause: 'syscall',
    name: 'OS threads created',
    unit: 'count',
    direction: 'up',
    weight: 0.7,
    minSigma: 1,
    metrics: 'go_threads',
    minGo: null,
    source: 'client_golang default collector',
    requires: 'any client_golang >= 0.9 (exported by default)',
  },
  {
    id: 'not_in_go_goroutines',
    cause: 'syscall',
    name: 'Goroutines in syscalls or cgo',
    unit: 'count',
    direction: 'up',
    weight: 1,
    minSigma: 1,
    metrics: 'go_sched_goroutines_not_in_go_goroutines',
    minGo: '1.26',
    source: 'client_golang runtime metrics (opt-in)',
    requires: `Go >= 1.26 and ${RUNTIME_METRICS} (collectors.MetricsScheduler)`,
  },
  {
    id: 'network_client_p99',
    cause: 'network',
    name: 'Outgoing call latency P99',
    unit: 'seconds',
    direction: 'up',
    weight: 1,
    minSigma: 1e-3,
    metrics: 'a client latency histogram the user names',
    minGo: null,
    source: 'user-named histogram',
    requires: 'a client latency histogram named in the query',
  },
  {
    // Node-wide, not this process: corroborates at half weight.
    id: 'tcp_retransmit_rate',
    cause: 'network',
    name: 'TCP segments retransmitted per second (node)',
    unit: 'per_second',
    direction: 'up',
    weight: 0.5,
    minSigma: 0.5,
    metrics: 'rate(node_netstat_Tcp_RetransSegs)',
    minGo: null,
    source: 'node_exporter',
    requires: 'node_exporter on the node running the service',
  },
] as const satisfies readonly SignalSpec[];

export type SignalId = (typeof SIGNAL_CATALOG)[number]['id'];

const BY_ID: ReadonlyMap<string, SignalSpec> = new Map(SIGNAL_CATALOG.map((s) => [s.id, s]));

/** The catalog entry for an id, or undefined when the id is not a cause signal. */
export function signalSpec(id: string): SignalSpec | undefined {
  return BY_ID.get(id);
}

export function signalsOf(cause: Cause): SignalSpec[] {
  return SIGNAL_CATALOG.filter((s) => s.cause === cause);
}

/**
 * Signals a caller may be tempted to pass that are NOT causes, with why. The attribution ignores them
 * and says so, instead of blaming whatever moved most.
 */
export const SYMPTOM_SIGNALS: Readonly<Record<string, string>> = {
  goroutines: "goroutines grow with any slowdown (Little's law: in-flight = rate x latency)",
  inflight_requests: "in-flight requests grow with any slowdown (Little's law)",
  request_rate: 'load, not a mechanism: a burst slows every cause down at once',
  alloc_rate: 'allocation follows throughput; the GC signals say whether GC actually hurt',
  heap_bytes: 'heap size alone does not slow requests; GC pauses and GC CPU do',
};

/** Per cause: the profiles that would confirm or rule it out, and why. */
export const CAUSE_PROFILES: Readonly<Record<Cause, { profiles: ProfileKind[]; why: string }>> = {
  gc: { profiles: ['allocs', 'heap'], why: 'an allocs or heap profile shows what allocates' },
  lock: { profiles: ['mutex'], why: 'a mutex profile shows which locks were contended and where' },
  syscall: {
    profiles: ['goroutine', 'trace'],
    why: 'a goroutine profile shows goroutines stuck in syscalls; an execution trace has a syscall blocking profile',
  },
  network: {
    profiles: ['goroutine', 'trace'],
    why: 'a goroutine profile shows goroutines in IO wait; an execution trace has a network blocking profile',
  },
  scheduler: {
    profiles: ['cpu', 'trace'],
    why: 'a CPU profile shows who holds the Ps; an execution trace has a scheduler latency profile',
  },
  cpu_throttling: { profiles: ['cpu'], why: 'a CPU profile shows what burns the CPU quota' },
};

/**
 * When every cause is observed and none moved, the wait is in the application itself (channels,
 * pools, a slow code path): these profiles show where. (The block profile records waits on channels,
 * select and sync primitives, not syscalls or network I/O.)
 */
export const APPLICATION_WAIT_PROFILES: readonly ProfileKind[] = ['goroutine', 'block', 'cpu'];
