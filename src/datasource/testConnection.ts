import type { TestDataSourceResponse } from '@grafana/data';

import type { PrometheusClient } from '../sources/prometheus/client';

/**
 * Save & test: never throws. Says whether Prometheus answers and whether it holds Go runtime metrics,
 * because a reachable Prometheus that scrapes no Go service is the commonest silent misconfiguration.
 */
export async function checkConnection(prometheus: PrometheusClient): Promise<TestDataSourceResponse> {
  const now = Date.now();
  try {
    await prometheus.instant('vector(1)', now);
  } catch (err) {
    return { status: 'error', message: `Prometheus is not reachable: ${messageOf(err)}` };
  }
  try {
    const jobs = await prometheus.instant('count by (job) (go_goroutines)', now);
    if (jobs.length === 0) {
      return {
        status: 'warning',
        message:
          'Prometheus answers, but holds no go_goroutines series: is it scraping a Go service instrumented with client_golang?',
      };
    }
    const count = jobs.reduce((sum, s) => sum + (Number.isFinite(s.value) ? s.value : 0), 0);
    return {
      status: 'success',
      message: `Prometheus answers; Go runtime metrics found for ${count} instance(s) in ${jobs.length} job(s).`,
    };
  } catch (err) {
    return { status: 'error', message: `Prometheus answers, but the Go metrics query failed: ${messageOf(err)}` };
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
