/**
 * Test fixtures for the OOM query: synthetic memory series with known answers at a 1 s step, keyed by
 * the PromQL of the default plan, and a fake Prometheus answering query_range from them (the same
 * table shape as src/datasource/testing/fakePrometheus.ts). Imported by tests only.
 */
import { MIB } from '../../engine/oom';
import { planOomQueries } from '../../sources/prometheus/oomQueries';
import { parseSelector } from '../../sources/prometheus/selector';
import { type Table, tableTransport } from '../../sources/prometheus/testing/tableTransport';

/** A value per timestamp for each series an expression returns. */
export type OomTable = Table;

/** query_range answered from the table (src/sources/prometheus/testing/tableTransport.ts). */
export const oomTransport = tableTransport;

export const STEP_MS = 1000;
/** Ten minutes, aligned to the minute. */
export const FROM = 1_700_000_040_000;
export const TO = FROM + 600_000;
export const LIMIT = 256 * MIB;

/** The climb: 50 MiB until CLIMB_AT, then 4 MiB/s; the true curve reaches 256 MiB at CROSS_AT. */
export const CLIMB_AT = FROM + 120_000;
export const CROSS_AT = CLIMB_AT + ((256 - 50) / 4) * 1000;

/** 50 MiB, a climb at 4 MiB/s to the limit, the OOM kill, then a new process flat at 30 MiB. */
export const climb = (t: number) =>
  t < CLIMB_AT ? 50 * MIB : t < CROSS_AT ? 50 * MIB + ((t - CLIMB_AT) / 1000) * 4 * MIB : 30 * MIB;
/** A steady GC sawtooth 100 ↔ 240 MiB every 60 s, under the limit. */
export const sawtooth = (t: number) => {
  const x = (t / 1000 + 7) / 60;
  return (100 + 140 * (x - Math.floor(x))) * MIB;
};

export const a = { instance: '10.0.0.1:8080' };
export const b = { instance: '10.0.0.2:8080' };
export const selector = '{job="api"}';
export const matchers = parseSelector(selector);
/** The default plan for `matchers`: usage [working set, RSS], limits [cAdvisor, KSM], GOMEMLIMIT. */
export const plan = planOomQueries({ matchers });
export const [WORKING_SET, RSS] = plan.usage.map((s) => s.expr);
export const [SPEC_LIMIT, KSM_LIMIT] = plan.limit.map((s) => s.expr);
export const GOMEMLIMIT = plan.softLimit.expr;

/** Kubernetes: `a` climbs to its limit, `b` saws under it; both have cAdvisor limits. */
export function kubernetesTable(): OomTable {
  return {
    [WORKING_SET]: [
      { labels: a, at: climb },
      { labels: b, at: sawtooth },
    ],
    [SPEC_LIMIT]: [
      { labels: a, at: () => LIMIT },
      { labels: b, at: () => LIMIT },
    ],
  };
}
