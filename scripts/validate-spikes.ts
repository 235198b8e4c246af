/**
 * Replays every recorded spikes fixture (tests/fixtures/spikes/*.json, made by scripts/record/spikes.ts)
 * through the same analysis the plugin runs, and prints per fault kind the detection rate, the
 * attribution accuracy and the false events per hour of fault-free time.
 *
 *   npx tsx scripts/validate-spikes.ts [fixture.json ...]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { analyseSpikes } from '../src/analysis/spikeAnalysis';
import { scoreSpikes, type FaultWindow } from '../src/analysis/spikeScoring';
import { PrometheusClient } from '../src/sources/prometheus/client';
import { type PromRecording, replayTransport } from '../src/sources/prometheus/recording';
import { parseSelector } from '../src/sources/prometheus/selector';

interface Fixture {
  meta: { step: string; selector: string; fromMs: number; toMs: number };
  faults: FaultWindow[];
  recording: PromRecording;
}

const dir = join(__dirname, '..', 'tests', 'fixtures', 'spikes');
const files =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(dir, f));

async function main() {
  for (const file of files) {
    const fixture = JSON.parse(readFileSync(file, 'utf8')) as Fixture;
    const analysis = await analyseSpikes({
      client: new PrometheusClient(replayTransport(fixture.recording)),
      query: { step: fixture.meta.step },
      matchers: parseSelector(fixture.meta.selector),
      fromMs: fixture.meta.fromMs,
      toMs: fixture.meta.toMs,
    });
    const score = scoreSpikes(analysis.rows, fixture.faults, fixture.meta, analysis.settings.rateWindowSeconds * 1000);
    console.log(`\n${file}`);
    console.log('fault            windows  detected  right cause  confidently wrong');
    for (const f of score.perFault) {
      console.log(
        `${f.fault.padEnd(16)} ${String(f.windows).padStart(7)}  ${String(f.detected).padStart(8)}  ${String(f.rightCause).padStart(11)}  ${String(f.confidentlyWrong).padStart(17)}`
      );
    }
    console.log(
      `false events: ${score.falseEvents} in ${score.faultFreeHours.toFixed(2)} h fault-free (${(score.falseEvents / Math.max(score.faultFreeHours, 1e-9)).toFixed(2)}/h)`
    );
    for (const v of score.verdicts) {
      console.log(`  ${v.fault} ${(v.endMs - v.startMs) / 1000}s -> ${v.detectedAs ?? 'missed'}`);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
