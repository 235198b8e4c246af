import { SPIKE_CAUSES, type SpikeCause } from '../../shared/spikeFrames';

/** How a person reads each verdict (the engine's wording, kept here because panels read frames only). */
const CAUSE_LABELS: Readonly<Record<SpikeCause, string>> = {
  gc: 'GC',
  lock: 'Lock contention',
  syscall: 'Blocking syscalls',
  network: 'Network',
  scheduler: 'Scheduler latency',
  cpu_throttling: 'CPU throttling',
  mixed: 'Mixed',
  unexplained: 'Unexplained',
};

/** What the panel shows for an empty or missing cause. */
export const UNKNOWN_CAUSE = 'unknown';

export function isKnownCause(cause: string): cause is SpikeCause {
  return (SPIKE_CAUSES as readonly string[]).includes(cause);
}

/** The display name of a verdict; an unknown one (a newer data source) is shown as it came. */
export function causeLabel(cause: string): string {
  return isKnownCause(cause) ? CAUSE_LABELS[cause] : cause;
}

export interface CauseShare {
  cause: string;
  count: number;
  /** 0..1 of all events counted. */
  share: number;
}

/**
 * Count and share per verdict, in the contract's order (named causes, then mixed, then unexplained),
 * unknown verdicts last. Verdicts with no event are left out.
 */
export function causeBreakdown(events: ReadonlyArray<{ cause: string }>): CauseShare[] {
  const counts = new Map<string, number>();
  for (const e of events) {
    counts.set(e.cause, (counts.get(e.cause) ?? 0) + 1);
  }
  const order = (c: string) => (isKnownCause(c) ? SPIKE_CAUSES.indexOf(c) : SPIKE_CAUSES.length);
  return [...counts.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([cause, count]) => ({ cause, count, share: count / events.length }));
}
