/** Field names of the frames the data source emits; panels and tests read the same constants. */
export const HealthField = {
  Instance: 'instance',
  Job: 'job',
  GoVersion: 'go_version',
  Goroutines: 'goroutines',
  HeapAlloc: 'heap_alloc_bytes',
  NextGC: 'next_gc_bytes',
  Uptime: 'uptime_seconds',
} as const;
