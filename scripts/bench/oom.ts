/**
 * Benchmark of the OOM forecast (src/engine/oom) against a plain pass over the same memory.
 *
 * Run:  node scripts/bench/run.mjs scripts/bench/oom.ts [--series 1000] [--points 3600] [--runs 5]
 * (run.mjs bundles with esbuild, a devDependency, and runs the result. `npx tsx scripts/bench/oom.ts`
 * also works, but tsx wraps every closure to keep its name, which slowed the verdict ~2x here.)
 *
 * Each series is an hour at a 1 s scrape: a GC sawtooth, a third of them with a leak to the limit. Timed:
 * - sum:       one pass adding every value (the floor: reading the typed arrays);
 * - verdict:   evaluateSeries per series (forecast + warning state machine at every sample);
 * - backtest:  backtestOom per series (the same, keeping every evaluation record).
 * Prints each first (cold) run and, once all have warmed up, the median of the warm runs and
 * each ratio to the sum.
 */
import { backtestOom, evaluateSeries, MIB } from '../../src/engine/oom';
import { gcSawtooth, linearLeak, scrape, T0_MS } from '../../src/engine/oom/testing/memorySeries';
import { createPrng } from '../../src/engine/oom/testing/prng';

const WARMUP_RUNS = 2;
const LIMIT = 256 * MIB;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Series {
  timestampsMs: Float64Array;
  values: Float64Array;
}

function makeSeries(count: number, points: number): Series[] {
  const prng = createPrng(2024);
  return Array.from({ length: count }, (_, k) => {
    const period = 5 + prng.next() * 55;
    const sawtooth = gcSawtooth(80 * MIB, 200 * MIB, period, prng.next() * period);
    // A third leak 1–3 MiB/s from a random time; once at the limit they are killed and stay small.
    const leak = k % 3 === 0 ? linearLeak(0, (1 + 2 * prng.next()) * MIB, prng.next() * points) : () => 0;
    let killedAt = Infinity;
    const model = (t: number) => {
      const v = sawtooth(t) + leak(t);
      killedAt = v >= LIMIT ? Math.min(killedAt, t) : killedAt;
      return t >= killedAt ? 30 * MIB : v;
    };
    const s = scrape(model, { durationSeconds: points - 1, scrapeSeconds: 1, noiseBytes: 0.5 * MIB, prng });
    return { timestampsMs: s.timestampsMs, values: s.values };
  });
}

interface Timing {
  coldMs: number;
  medianMs: number;
  result: number;
}

/**
 * Times each piece of work once cold, then warms all of them up before any warm run: V8's
 * optimisation of shared code depends on which caller ran first, so warm figures are only
 * comparable once every path has run.
 */
function timeAll(runs: number, works: Record<string, () => number>): Record<string, Timing> {
  const out: Record<string, Timing> = {};
  for (const [name, work] of Object.entries(works)) {
    const start = performance.now();
    const result = work();
    out[name] = { coldMs: performance.now() - start, medianMs: NaN, result };
  }
  for (let i = 0; i < WARMUP_RUNS; i++) {
    Object.values(works).forEach((work) => work());
  }
  for (const [name, work] of Object.entries(works)) {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      work();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    out[name].medianMs = samples[Math.floor(samples.length / 2)];
  }
  return out;
}

function main(): void {
  const count = argument('series', 1000);
  const points = argument('points', 3600);
  const runs = argument('runs', 5);
  const all = makeSeries(count, points);

  const { sum, verdict, backtest } = timeAll(runs, {
    sum: () => {
      let total = 0;
      for (const s of all) {
        const v = s.values;
        for (let i = 0; i < v.length; i++) {
          total += v[i];
        }
      }
      return total;
    },
    verdict: () => {
      let warned = 0;
      for (const s of all) {
        const e = evaluateSeries(s.timestampsMs, s.values, LIMIT);
        warned += e.state === 'warning' || e.state === 'imminent' ? 1 : 0;
      }
      return warned;
    },
    backtest: () => {
      let intervals = 0;
      for (const s of all) {
        intervals += backtestOom(s.timestampsMs, s.values, LIMIT, { fromMs: T0_MS, toMs: T0_MS + points * 1000 })
          .warnings.length;
      }
      return intervals;
    },
  });

  const row = (name: string, t: Timing, note: string) =>
    `${name.padEnd(9)} cold ${t.coldMs.toFixed(1).padStart(8)} ms   warm median ${t.medianMs.toFixed(1).padStart(8)} ms   ${note}`;
  console.log(
    `OOM forecast: ${count} series × ${points} points (${((count * points) / 1e6).toFixed(1)} M samples), ${runs} warm runs`
  );
  console.log(row('sum', sum, ''));
  console.log(
    row(
      'verdict',
      verdict,
      `× ${(verdict.medianMs / sum.medianMs).toFixed(0)} the sum; ${verdict.result} series warned now`
    )
  );
  console.log(
    row(
      'backtest',
      backtest,
      `× ${(backtest.medianMs / sum.medianMs).toFixed(0)} the sum; ${backtest.result} warning intervals`
    )
  );
  console.log(
    `per sample: verdict ${((verdict.medianMs * 1e6) / (count * points)).toFixed(0)} ns, backtest ${((backtest.medianMs * 1e6) / (count * points)).toFixed(0)} ns`
  );
}

main();
