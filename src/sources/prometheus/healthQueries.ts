import type { HealthSignal } from '../../engine/healthSnapshot';
import { type Matcher, metricWith } from './selector';

/**
 * PromQL for each health-snapshot signal, restricted by the user's matchers. Names are those of
 * prometheus/client_golang's default Go and process collectors, present in every Go version.
 */
export function healthQueries(matchers: Matcher[]): Record<HealthSignal, string> {
  return {
    goroutines: metricWith('go_goroutines', matchers),
    heapAlloc: metricWith('go_memstats_heap_alloc_bytes', matchers),
    nextGc: metricWith('go_memstats_next_gc_bytes', matchers),
    goInfo: metricWith('go_info', matchers),
    // time() is the evaluation instant, so uptime is exact for the instant asked.
    uptime: `time() - ${metricWith('process_start_time_seconds', matchers)}`,
  };
}
