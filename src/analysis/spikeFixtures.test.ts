/**
 * @jest-environment node
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import { PrometheusClient } from '../sources/prometheus/client';
import { type PromRecording, replayTransport } from '../sources/prometheus/recording';
import { parseSelector } from '../sources/prometheus/selector';
import { analyseSpikes } from './spikeAnalysis';
import { type FaultWindow, scoreSpikes } from './spikeScoring';

// Recorded runs of the demo (scripts/record/spikes.ts): real Prometheus answers, faults as ground
// truth. The analysis replays them exactly as it ran live, on runs the detector was not tuned on.
const dir = path.resolve(__dirname, '../../tests/fixtures/spikes');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

interface Fixture {
  meta: { step: string; selector: string; fromMs: number; toMs: number };
  faults: FaultWindow[];
  recording: PromRecording;
}

describe.each(fixtures)('recorded run %s', (file) => {
  const fixture = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Fixture;

  it('detects every injected fault', async () => {
    const analysis = await analyseSpikes({
      client: new PrometheusClient(replayTransport(fixture.recording)),
      query: { step: fixture.meta.step },
      matchers: parseSelector(fixture.meta.selector),
      fromMs: fixture.meta.fromMs,
      toMs: fixture.meta.toMs,
    });
    const score = scoreSpikes(analysis.rows, fixture.faults, fixture.meta, analysis.settings.rateWindowSeconds * 1000);
    const windows = score.perFault.reduce((n, f) => n + f.windows, 0);
    const detected = score.perFault.reduce((n, f) => n + f.detected, 0);
    expect(windows).toBe(fixture.faults.length);
    expect(detected / windows).toBeGreaterThanOrEqual(DETECTION_FLOOR);
    // Attribution accuracy and false events are reported by scripts/validate-spikes.ts and in
    // docs/spikes.md; they are not yet good enough to promise here (cross-talk, a busy machine).
  });
});

/** The product's detection target (issue: >= 95 %), as a floor with one window of slack per run. */
const DETECTION_FLOOR = 0.9;
