/**
 * Real growth must be warned at least 5 s before the kernel's kill (the first time the true curve
 * reaches the 256 MiB limit). Every case runs at five scrape phases and noise seeds.
 */
import { goHeap, linearLeak, mib } from './testing/memorySeries';
import { runScenario } from './testing/scenario';

const REQUIRED_LEAD_SECONDS = 5;
const PHASES = [0, 1, 2, 3, 4];
/** Steady at 50 MiB for five minutes, then the leak. */
const ONSET_SECONDS = 300;

function leads(rateMiB: number, scrapeSeconds: number) {
  return PHASES.map((k) => {
    const phaseSeconds = (k / PHASES.length) * scrapeSeconds;
    const r = runScenario(linearLeak(mib(50), mib(rateMiB), ONSET_SECONDS), {
      durationSeconds: ONSET_SECONDS + 206 / rateMiB + 60,
      scrapeSeconds,
      phaseSeconds,
      seed: k + 1,
    });
    return { ...r, onsetSeconds: ONSET_SECONDS - phaseSeconds };
  });
}

describe('linear growth towards a 256 MiB limit', () => {
  it.each([1, 4, 16])('at a 1 s scrape, %d MiB/s is warned at least 5 s ahead', (rate) => {
    for (const r of leads(rate, 1)) {
      expect(r.leadSeconds).toBeGreaterThanOrEqual(REQUIRED_LEAD_SECONDS);
      expect(r.warningStartsSeconds[0]).toBeGreaterThan(r.onsetSeconds);
      expect(r.backtest.warnings).toHaveLength(1);
    }
  });

  it.each([1, 2])('at a 15 s scrape, %d MiB/s is warned at least 5 s ahead', (rate) => {
    for (const r of leads(rate, 15)) {
      expect(r.leadSeconds).toBeGreaterThanOrEqual(REQUIRED_LEAD_SECONDS);
    }
  });

  // Persistence needs N = 3 samples that show the growth, so at a 15 s scrape a warning comes at
  // best on the 3rd sample after the onset: the lead is at most crossing − onset − 30 s − (time to
  // the first sample). 4 MiB/s from 50 MiB crosses 51.5 s after the onset, so the achievable lead
  // is 6.5 s down to negative depending on phase; the engine warns by the 4th sample.
  it('at a 15 s scrape, 4 MiB/s is warned by the 4th sample after the onset (the physical best is the 3rd)', () => {
    for (const r of leads(4, 15)) {
      const fourthSample = Math.floor(r.onsetSeconds / 15) * 15 + 4 * 15;
      expect(r.warningStartsSeconds[0]).toBeLessThanOrEqual(fourthSample);
    }
  });

  it('at a 15 s scrape, 16 MiB/s dies before two samples can show it: no persistence can warn in time', () => {
    for (const r of leads(16, 15)) {
      const firstSampleAfterOnset = Math.floor(r.onsetSeconds / 15) * 15 + 15;
      expect(r.crossingSeconds).toBeLessThan(firstSampleAfterOnset + 15);
    }
  });
});

describe('a leak under a GC sawtooth (Go heap, GOGC=100, 1 s scrape)', () => {
  // Retaining 4 MiB/s lifts each GC peak by ~8 MiB/s, as the demo's memgrow fault does to the working set.
  it.each([
    [4, 30],
    [4, 100],
    [2, 50],
  ])('retaining %d MiB/s with %d MiB/s of garbage is warned at least 5 s ahead', (leak, garbage) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const model = goHeap({
        liveBytes: mib(30),
        leakBytesPerSecond: mib(leak),
        leakStartSeconds: ONSET_SECONDS,
        garbageBytesPerSecond: mib(garbage),
        durationSeconds: 900,
      });
      const r = runScenario(model, { durationSeconds: 900, scrapeSeconds: 1, seed, phaseSeconds: seed / 5 });
      expect(r.leadSeconds).toBeGreaterThanOrEqual(REQUIRED_LEAD_SECONDS);
    }
  });

  // Known limitation (docs/oom.md): peaks climbing 16 MiB/s in GC steps are seen only at each new
  // peak, so the lead shrinks to ~3.5–5 s.
  it('retaining 8 MiB/s (peaks +16 MiB/s) is still warned before the kill, 3 s ahead or more', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const model = goHeap({
        liveBytes: mib(30),
        leakBytesPerSecond: mib(8),
        leakStartSeconds: ONSET_SECONDS,
        garbageBytesPerSecond: mib(60),
        durationSeconds: 400,
      });
      const r = runScenario(model, { durationSeconds: 400, scrapeSeconds: 1, seed, phaseSeconds: seed / 5 });
      expect(r.leadSeconds).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('irregular and missing samples', () => {
  it.each([
    [16, 1],
    [4, 15],
  ])(
    '%d MiB/s at a %d s scrape with timestamps jittered by ±20 % is warned as in time as without',
    (rate, scrapeSeconds) => {
      const o = { durationSeconds: ONSET_SECONDS + 206 / rate + 60, scrapeSeconds, seed: 3 };
      const regular = runScenario(linearLeak(mib(50), mib(rate), ONSET_SECONDS), o);
      const jittered = runScenario(linearLeak(mib(50), mib(rate), ONSET_SECONDS), {
        ...o,
        jitterSeconds: 0.2 * scrapeSeconds,
      });
      expect(jittered.leadSeconds!).toBeGreaterThanOrEqual(REQUIRED_LEAD_SECONDS);
      expect(Math.abs(jittered.leadSeconds! - regular.leadSeconds!)).toBeLessThanOrEqual(0.4 * scrapeSeconds);
    }
  );

  it.each([
    ['one sample in five', (_t: number, i: number) => i % 5 === 2],
    ['a 30 s outage during the climb', (t: number) => t > 320 && t <= 350],
  ])('a 4 MiB/s leak with %s missing (NaN) is still warned in time', (_name, drop) => {
    const r = runScenario(linearLeak(mib(50), mib(4), ONSET_SECONDS), { durationSeconds: 420, scrapeSeconds: 1, drop });
    expect(r.leadSeconds).toBeGreaterThanOrEqual(REQUIRED_LEAD_SECONDS);
  });
});
