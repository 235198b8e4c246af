import type { EventAttribution, SpikeEvent } from '../engine/spikes';
import type { SpikeRow } from './spikeAnalysis';
import { scoreSpikes } from './spikeScoring';

const row = (
  startMs: number,
  endMs: number,
  cause: string,
  peak = 1,
  extra: Partial<EventAttribution> = {}
): SpikeRow => ({
  labels: {},
  event: { startMs, endMs, peak } as SpikeEvent,
  attribution: { cause, notObservable: [], possibleCauses: [], ...extra } as unknown as EventAttribution,
});

describe('scoreSpikes', () => {
  const range = { fromMs: 0, toMs: 3_600_000 };

  it('counts detection by overlap with the fault plus the rate window, and the strongest event’s cause', () => {
    const faults = [
      { fault: 'gc', startMs: 100_000, endMs: 105_000 },
      { fault: 'gc', startMs: 200_000, endMs: 230_000 },
      { fault: 'sched', startMs: 300_000, endMs: 305_000 },
    ];
    const rows = [
      row(108_000, 110_000, 'gc'), // within the 4 s rate window after the fault
      row(210_000, 212_000, 'syscall', 0.5),
      row(215_000, 240_000, 'gc', 2), // the strongest of the two
      row(1_000_000, 1_001_000, 'unexplained'), // overlaps nothing: false
    ];
    const score = scoreSpikes(rows, faults, range, 4000);
    expect(score.perFault).toEqual([
      { fault: 'gc', windows: 2, detected: 2, rightCause: 2, confidentlyWrong: 0 },
      { fault: 'sched', windows: 1, detected: 0, rightCause: 0, confidentlyWrong: 0 },
    ]);
    expect(score.verdicts.map((v) => v.detectedAs)).toEqual(['gc', 'gc', null]);
    expect(score.falseEvents).toBe(1);
  });

  it('takes "unexplained, lock possible" as right when lock has no signal, and a named wrong cause as confidently wrong', () => {
    const faults = [
      { fault: 'lock', startMs: 0, endMs: 5000 },
      { fault: 'lock', startMs: 100_000, endMs: 105_000 },
    ];
    const rows = [
      row(1000, 3000, 'unexplained', 1, { notObservable: ['lock'], possibleCauses: ['lock'] } as never),
      row(101_000, 103_000, 'gc', 1, { notObservable: ['lock'] } as never),
    ];
    const [lock] = scoreSpikes(rows, faults, range, 4000).perFault;
    expect(lock).toEqual({ fault: 'lock', windows: 2, detected: 2, rightCause: 1, confidentlyWrong: 1 });
  });
});
