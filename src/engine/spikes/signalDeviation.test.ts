import { buildAttributeOptions } from './attributeOptions';
import { isEvidence, measureSignal } from './signalDeviation';
import { signalSpec } from './signals';
import { evenTimestamps } from './testHelpers';
import type { EventWindow } from './types';

const STEP = 15;
const ts = evenTimestamps(100, STEP, 0);
const options = buildAttributeOptions({ stepSeconds: STEP }); // lead/lag 60 s = 4 scrapes, baseline 30 scrapes
const spec = signalSpec('cpu_throttled_ratio')!; // minSigma 0.01, relative floor 0.1
const event: EventWindow = { startMs: ts[50], endMs: ts[52] }; // window 46..56, baseline 16..45

/** Baseline alternating 0.19 / 0.21 (median 0.2, MAD 0.01, sigma 0.0148 < floor 0.02), `inside` over 46..56. */
function series(inside: (i: number) => number) {
  const values = ts.map((_, i) => (i >= 46 && i <= 56 ? inside(i) : i % 2 ? 0.21 : 0.19));
  return { id: spec.id, timestamps: ts, values };
}

describe('measureSignal', () => {
  it.each([
    {
      name: 'max over the window for a spike',
      kind: 'spike' as const,
      inside: (i: number) => (i === 56 ? 0.4 : 0.2),
      value: 0.4,
      z: 10,
    },
    {
      name: 'mean over the window for a regression',
      kind: 'regression' as const,
      inside: (i: number) => (i === 56 ? 0.42 : 0.2),
      value: 0.22,
      z: 1,
    },
    {
      name: 'the lead edge counts',
      kind: 'spike' as const,
      inside: (i: number) => (i === 46 ? 0.3 : 0.2),
      value: 0.3,
      z: 5,
    },
  ])('$name', ({ kind, inside, value, z }) => {
    const m = measureSignal(series(inside), spec, { ...event, kind }, options);
    expect(isEvidence(m)).toBe(true);
    expect(m).toMatchObject({
      signal: 'cpu_throttled_ratio',
      cause: 'cpu_throttling',
      baseline: 0.2,
      baselineSamples: 30,
    });
    if (isEvidence(m)) {
      expect(m.value).toBeCloseTo(value, 12);
      expect(m.z).toBeCloseTo(z, 10);
      expect(m.deviates).toBe(z >= 3);
    }
  });

  it('uses the MAD when it is wider than the floors', () => {
    const values = ts.map((_, i) => (i >= 46 && i <= 56 ? 0.5 : i % 2 ? 0.3 : 0.1)); // MAD 0.1 -> sigma 0.14826
    const m = measureSignal({ id: spec.id, timestamps: ts, values }, spec, event, options);
    expect(isEvidence(m) && m.z).toBeCloseTo(0.3 / 0.14826, 10);
  });

  it.each([
    { name: 'too little baseline', event: { startMs: ts[10], endMs: ts[11] }, reason: 'short-baseline' },
    { name: 'only NaN in the window', event, reason: 'no-data-in-window' },
  ])('is unjudged with $name', ({ event: e, reason }) => {
    const m = measureSignal(
      series(() => NaN),
      spec,
      e,
      options
    );
    expect(m).toMatchObject({ signal: 'cpu_throttled_ratio', reason });
  });
});
