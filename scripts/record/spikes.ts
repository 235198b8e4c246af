/**
 * Records a spikes fixture from the real stack (scripts/stack.sh up): a fault-free baseline, then each
 * demo fault switched on for a short and a long window with gaps between, then the exact Prometheus
 * answers the spikes analysis needs over the whole run, with the fault windows as ground truth.
 *
 *   npx tsx scripts/record/spikes.ts --out tests/fixtures/spikes/NAME.json [--baseline-minutes 30]
 *     [--faults gc,lock,syscall,network,sched,cpu_throttling] [--short 5] [--long 30] [--gap 90]
 *     [--prometheus http://127.0.0.1:19090] [--demo http://127.0.0.1:18080] [--step 1s]
 *
 * The fixture replays through src/sources/prometheus/recording.ts (replayTransport).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { nodeTransport } from '../../cli/nodeTransport';
import { analyseSpikes } from '../../src/analysis/spikeAnalysis';
import { PrometheusClient } from '../../src/sources/prometheus/client';
import { type PromRecording, recordingTransport } from '../../src/sources/prometheus/recording';
import { parseSelector } from '../../src/sources/prometheus/selector';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    'baseline-minutes': { type: 'string', default: '30' },
    faults: { type: 'string', default: 'gc,lock,syscall,network,sched,cpu_throttling' },
    short: { type: 'string', default: '5' },
    long: { type: 'string', default: '30' },
    gap: { type: 'string', default: '90' },
    prometheus: { type: 'string', default: 'http://127.0.0.1:19090' },
    demo: { type: 'string', default: 'http://127.0.0.1:18080' },
    step: { type: 'string', default: '1s' },
    selector: { type: 'string', default: '{job="demo"}' },
  },
});
if (!args.out) {
  throw new Error('--out FILE is required');
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
const log = (msg: string) => process.stderr.write(`${new Date().toISOString()} ${msg}\n`);

async function fault(name: string, seconds: number) {
  const res = await fetch(`${args.demo}/control/faults/${name}/on?duration=${seconds}s`, { method: 'POST' });
  if (!res.ok) {
    throw new Error(`switching ${name} on failed: HTTP ${res.status} ${await res.text()}`);
  }
}

async function main() {
  const startMs = Date.now();
  const faults: Array<{ fault: string; startMs: number; endMs: number }> = [];
  log(`baseline for ${args['baseline-minutes']} min`);
  await sleep(Number(args['baseline-minutes']) * 60);
  for (const name of args.faults!.split(',')) {
    for (const seconds of [Number(args.short), Number(args.long)]) {
      const at = Date.now();
      await fault(name, seconds);
      faults.push({ fault: name, startMs: at, endMs: at + seconds * 1000 });
      log(`${name} on for ${seconds} s`);
      await sleep(seconds + Number(args.gap));
    }
  }
  const endMs = Date.now();
  const recording: PromRecording = { ranges: {}, labelValues: {} };
  const client = new PrometheusClient(recordingTransport(nodeTransport(args.prometheus!), recording));
  const analysis = await analyseSpikes({
    client,
    query: { step: args.step },
    matchers: parseSelector(args.selector!),
    fromMs: startMs,
    toMs: endMs,
  });
  const fixture = {
    meta: {
      what: 'spikes: Prometheus answers recorded from the demo stack, faults as ground truth',
      recordedWith: 'scripts/record/spikes.ts',
      recordedAtMs: endMs,
      step: args.step,
      selector: args.selector,
      fromMs: startMs,
      toMs: endMs,
    },
    faults,
    recording,
  };
  writeFileSync(args.out!, JSON.stringify(fixture));
  log(`wrote ${args.out}: ${faults.length} faults, ${analysis.rows.length} events seen live`);
}

main().catch((err) => {
  process.stderr.write(`record: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
