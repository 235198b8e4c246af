import { EventRun } from './eventRun';

const baseline = { median: 1, sigma: 0.1, scale: 0.2, threshold: 1.6, continueAbove: 1.4 };

describe('EventRun', () => {
  it.each([
    { times: [0, 15_000], kind: 'spike' },
    { times: [0, 15_000, 30_000, 45_000], kind: 'spike' }, // 45 s = the limit
    { times: [0, 15_000, 30_000, 60_000], kind: 'regression' },
  ])('classifies a run spanning $times as a $kind', ({ times, kind }) => {
    const run = new EventRun({ spikeMaxDurationMs: 45_000, keepLatest: 3 });
    run.open(times[0], 2, baseline);
    times.slice(1).forEach((t, i) => run.add(t, 3 + i));
    expect(run.close({ ongoing: false, acceptedAsNewLevel: false })).toMatchObject({
      kind,
      startMs: times[0],
      endMs: times[times.length - 1],
      samples: times.length,
    });
  });

  it('tracks the peak, the peak z and the latest values', () => {
    const run = new EventRun({ spikeMaxDurationMs: 1e9, keepLatest: 3 });
    run.open(0, 2, baseline);
    [5, 3, 4, 2.5].forEach((v, i) => run.add((i + 1) * 1000, v));
    expect(Array.from(run.latestValues())).toEqual([3, 4, 2.5]);
    expect(run.continueAbove).toBe(1.4);
    const event = run.close({ ongoing: true, acceptedAsNewLevel: false });
    expect(event).toMatchObject({ peak: 5, peakMs: 1000, peakZ: 20, baseline: 1, ongoing: true });
    expect(run.isOpen).toBe(false);
  });
});
