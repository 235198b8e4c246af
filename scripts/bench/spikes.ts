/**
 * Benchmark of the spike engine (src/engine/spikes): detection and attribution on synthetic data.
 *
 * Run:  npx tsx scripts/bench/spikes.ts [--runs 9] [--points 1000000]
 * (tsx is a devDependency. Without it: npx esbuild scripts/bench/spikes.ts --bundle --platform=node
 * --format=esm --outfile=<a temp dir>/spikes-bench.mjs, then node that file.)
 *
 * Prints the first (cold, JIT not yet warmed) run and the median of the warm runs. Figures in
 * docs/spikes.md. Target: detection on 1,000,000 points with W = 30 in <= 100 ms.
 */
import { attributeEvents, detectSpikes, type EventWindow, type SignalSeries } from '../../src/engine/spikes';
import { evenTimestamps, noisyLevel, seededRandom } from '../../src/engine/spikes/testHelpers';

const STEP_SECONDS = 15;
const WARMUP_RUNS = 3;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Timing {
  coldMs: number;
  medianMs: number;
  minMs: number;
}

/** Runs `work` once cold, WARMUP_RUNS more to let the JIT settle, then `runs` timed warm runs. */
function time(runs: number, work: () => unknown): Timing {
  let start = performance.now();
  work();
  const coldMs = performance.now() - start;
  for (let i = 1; i < WARMUP_RUNS; i++) {
    work();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { coldMs, medianMs: samples[samples.length >> 1], minMs: samples[0] };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** A realistic P99: 200 ms ± 10 % noise, a 3-scrape spike every ~5,000 samples, a regression every ~100,000. */
function p99Series(n: number): { timestamps: Float64Array; values: Float64Array } {
  const values = noisyLevel(n, 0.2, 0.02, 1);
  const random = seededRandom(2);
  for (let i = 1000; i < n; i += 4000 + Math.floor(random() * 2000)) {
    values.fill(0.2 + random(), i, Math.min(n, i + 3));
  }
  for (let i = 50_000; i < n; i += 100_000) {
    for (let j = i; j < Math.min(n, i + 120); j++) {
      values[j] += 0.3;
    }
  }
  return { timestamps: evenTimestamps(n, STEP_SECONDS), values };
}

function benchDetection(points: number, runs: number): void {
  const { timestamps, values } = p99Series(points);
  console.log(`Detection: ${points.toLocaleString('en')} points, step ${STEP_SECONDS} s, k = 3`);
  for (const windowSamples of [30, 100, 300]) {
    let found = 0;
    const t = time(
      runs,
      () => (found = detectSpikes(timestamps, values, { stepSeconds: STEP_SECONDS, windowSamples }).events.length)
    );
    const rate = (points / t.medianMs) * 1000;
    console.log(
      `  W = ${String(windowSamples).padEnd(3)}  cold ${ms(t.coldMs)}, warm median ${ms(t.medianMs)} (min ${ms(t.minMs)}), ` +
        `${(rate / 1e6).toFixed(1)} M points/s, ${found} events`
    );
  }
}

function benchAttribution(runs: number): void {
  const points = 100_000;
  const eventCount = 1000;
  const ids = [
    'gc_pause_p99',
    'gc_mean_pause',
    'gc_cycle_rate',
    'sched_latency_p99',
    'cpu_throttled_ratio',
    'mutex_wait_rate',
    'threads',
    'network_client_p99',
  ];
  const timestamps = evenTimestamps(points, STEP_SECONDS);
  const signals: SignalSeries[] = ids.map((id, i) => ({ id, timestamps, values: noisyLevel(points, 1, 0.05, 10 + i) }));
  const events: EventWindow[] = [];
  const spacing = Math.floor((points - 200) / eventCount);
  for (let e = 0; e < eventCount; e++) {
    const start = 100 + e * spacing;
    const long = e % 10 === 0;
    events.push({
      startMs: timestamps[start],
      endMs: timestamps[start + (long ? 40 : 3)],
      kind: long ? 'regression' : 'spike',
    });
  }
  const t = time(runs, () => attributeEvents(events, signals, { stepSeconds: STEP_SECONDS }));
  console.log(`Attribution: ${eventCount} events x ${ids.length} signals of ${points.toLocaleString('en')} points`);
  console.log(
    `  cold ${ms(t.coldMs)}, warm median ${ms(t.medianMs)} (min ${ms(t.minMs)}), ${((t.medianMs / eventCount) * 1000).toFixed(0)} µs per event`
  );
}

const runs = argument('runs', 9);
console.log(`Node ${process.version}, ${runs} warm runs after ${WARMUP_RUNS} warm-up runs`);
benchDetection(argument('points', 1_000_000), runs);
benchAttribution(runs);
