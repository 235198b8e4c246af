/**
 * The white paper's "stability snapshot" (goroutines, heap, next GC, Go version, uptime), assembled
 * per instance from instant samples. Pure: the caller fetches, this only joins and reports gaps.
 */
export type HealthSignal = 'goroutines' | 'heapAlloc' | 'nextGc' | 'goInfo' | 'uptime';

export const HEALTH_SIGNALS: readonly HealthSignal[] = ['goroutines', 'heapAlloc', 'nextGc', 'goInfo', 'uptime'];

export interface LabelledValue {
  labels: Record<string, string>;
  value: number;
}

export interface HealthRecord {
  instance: string;
  job: string;
  goVersion: string | null;
  goroutines: number | null;
  heapAllocBytes: number | null;
  nextGcBytes: number | null;
  uptimeSeconds: number | null;
  /** Signals no series was found for, so the UI can say "not exported" instead of showing 0. */
  missing: HealthSignal[];
}

const VALUE_FIELD: Record<Exclude<HealthSignal, 'goInfo'>, keyof HealthRecord> = {
  goroutines: 'goroutines',
  heapAlloc: 'heapAllocBytes',
  nextGc: 'nextGcBytes',
  uptime: 'uptimeSeconds',
};

function keyOf(labels: Record<string, string>): string {
  return JSON.stringify([labels.job ?? '', labels.instance ?? '']);
}

export function buildHealthSnapshot(samples: Partial<Record<HealthSignal, LabelledValue[]>>): HealthRecord[] {
  const records = new Map<string, HealthRecord>();
  const recordFor = (labels: Record<string, string>) => {
    const key = keyOf(labels);
    let rec = records.get(key);
    if (!rec) {
      rec = {
        instance: labels.instance ?? '',
        job: labels.job ?? '',
        goVersion: null,
        goroutines: null,
        heapAllocBytes: null,
        nextGcBytes: null,
        uptimeSeconds: null,
        missing: [],
      };
      records.set(key, rec);
    }
    return rec;
  };

  for (const signal of HEALTH_SIGNALS) {
    for (const { labels, value } of samples[signal] ?? []) {
      const rec = recordFor(labels);
      if (signal === 'goInfo') {
        rec.goVersion = labels.version ?? null;
      } else if (Number.isFinite(value)) {
        (rec[VALUE_FIELD[signal]] as number | null) = value;
      }
    }
  }

  const result = [...records.values()];
  for (const rec of result) {
    rec.missing = HEALTH_SIGNALS.filter((s) => (s === 'goInfo' ? rec.goVersion === null : rec[VALUE_FIELD[s]] === null));
  }
  return result.sort((a, b) => a.job.localeCompare(b.job) || a.instance.localeCompare(b.instance));
}
