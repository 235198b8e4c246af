import type { SpikeRow } from './spikeAnalysis';

/**
 * Scores a spikes analysis against known fault windows (recorded runs of the demo): per fault kind
 * the detection rate and attribution accuracy, and the false events per hour of fault-free time.
 * The rules are the ones the product promises (README, docs/spikes.md):
 * - a fault is detected when a spike or regression overlaps [fault start, fault end + rate window];
 * - its cause is right when the strongest overlapping event names the fault's cause; for a fault
 *   whose cause has no signal on the service (lock on Go < 1.20), right means 'unexplained' with that
 *   cause among the possible ones, and any other named cause is "confidently wrong";
 * - an event overlapping no fault window (with the same margin) is a false event.
 */
export interface FaultWindow {
  fault: string;
  startMs: number;
  endMs: number;
}

/** The cause each demo fault injects. */
export const FAULT_CAUSE: Record<string, string> = {
  gc: 'gc',
  lock: 'lock',
  syscall: 'syscall',
  network: 'network',
  sched: 'scheduler',
  cpu_throttling: 'cpu_throttling',
};

export interface FaultScore {
  fault: string;
  windows: number;
  detected: number;
  rightCause: number;
  /** A named cause that is not the injected one (mixed and unexplained are not confident). */
  confidentlyWrong: number;
}

export interface SpikeScore {
  perFault: FaultScore[];
  falseEvents: number;
  faultFreeHours: number;
  /** The verdict of each fault window, for the report. */
  verdicts: Array<FaultWindow & { detectedAs: string | null }>;
}

export function scoreSpikes(
  rows: SpikeRow[],
  faults: FaultWindow[],
  range: { fromMs: number; toMs: number },
  rateWindowMs: number
): SpikeScore {
  const overlaps = (row: SpikeRow, f: FaultWindow) =>
    row.event.startMs <= f.endMs + rateWindowMs && row.event.endMs >= f.startMs;
  const perFault = new Map<string, FaultScore>();
  const verdicts: SpikeScore['verdicts'] = [];
  for (const f of faults) {
    const score = perFault.get(f.fault) ?? {
      fault: f.fault,
      windows: 0,
      detected: 0,
      rightCause: 0,
      confidentlyWrong: 0,
    };
    perFault.set(f.fault, score);
    score.windows++;
    const hits = rows.filter((r) => overlaps(r, f)).sort((a, b) => b.event.peak - a.event.peak);
    const strongest = hits[0];
    verdicts.push({ ...f, detectedAs: strongest ? strongest.attribution.cause : null });
    if (!strongest) {
      continue;
    }
    score.detected++;
    const expected = FAULT_CAUSE[f.fault];
    const cause = strongest.attribution.cause;
    const observable = !strongest.attribution.notObservable.includes(expected as never);
    if (
      observable
        ? cause === expected
        : cause === 'unexplained' && strongest.attribution.possibleCauses.includes(expected as never)
    ) {
      score.rightCause++;
    } else if (cause !== 'mixed' && cause !== 'unexplained') {
      score.confidentlyWrong++;
    }
  }
  const falseEvents = rows.filter((r) => !faults.some((f) => overlaps(r, f))).length;
  const faultMs = faults.reduce((sum, f) => sum + (f.endMs - f.startMs + rateWindowMs), 0);
  return {
    perFault: [...perFault.values()],
    falseEvents,
    faultFreeHours: Math.max(0, range.toMs - range.fromMs - faultMs) / 3_600_000,
    verdicts,
  };
}
