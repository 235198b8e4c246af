import type { QueryResultMetaNotice } from '@grafana/data';

import { type Cause, CAUSES, type DetectionReason, type SignalId, signalsOf } from '../../engine/spikes';
import type { GroupSignals } from '../../analysis/spikeAnalysis';
import type { SpikePlan } from '../../sources/prometheus/spikeQueries';
import type { Labels } from '../../sources/prometheus/types';

/** Notices of the spikes query: what could not be seen and why, said once per query, not per event. */

/** The signals found for one P99 group. */
export type { GroupSignals };

/** Why a cause's series may exist yet not join the P99 groups. */
const JOIN_HINTS: Partial<Record<Cause, (hasContainerSelector: boolean) => string>> = {
  cpu_throttling: (hasContainerSelector) =>
    hasContainerSelector
      ? 'group by labels the container_* series carry too (e.g. namespace, pod)'
      : "cAdvisor's container_* series carry pod/namespace/container labels, not job/instance: set a container selector and group by labels both carry (e.g. pod)",
  network: () => "name the service's outgoing-call latency histogram in the query (Client histogram)",
};

export function observabilityNotices(
  plan: SpikePlan,
  groups: GroupSignals[],
  failed: Array<{ id: SignalId; error: unknown }>,
  hasContainerSelector: boolean
): QueryResultMetaNotice[] {
  const notices: QueryResultMetaNotice[] = [];
  if (failed.length > 0) {
    const reasons = [...new Set(failed.map(({ error }) => (error instanceof Error ? error.message : String(error))))];
    notices.push({
      severity: 'warning',
      text: `Not observable because the query failed: ${failed.map((f) => f.id).join(', ')} (${reasons.join('; ')})`,
    });
  }
  for (const cause of CAUSES) {
    const specs = signalsOf(cause);
    const blind = groups.filter((g) => !specs.some((s) => g.signals.includes(s.id as SignalId)));
    if (blind.length === 0) {
      continue;
    }
    const metrics = specs.map((s) => plan.signalMetrics[s.id as SignalId].join(' or ')).join(', ');
    const hint = JOIN_HINTS[cause]?.(hasContainerSelector);
    if (blind.length === groups.length) {
      const needs = [...new Set(specs.map((s) => s.requires))].join('; ');
      notices.push({
        severity: 'info',
        text: `${cause}: not observable, no ${metrics} series (needs ${needs})${hint ? `; ${hint}` : ''}`,
      });
    } else {
      const shown = blind.slice(0, 3).map((g) => labelText(g.labels));
      const more = blind.length > 3 ? ` and ${blind.length - 3} more` : '';
      notices.push({
        severity: 'info',
        text: `${cause}: not observable for ${blind.length} of ${groups.length} groups (${shown.join(', ')}${more}): no ${metrics} series with their labels${hint ? `; ${hint}` : ''}`,
      });
    }
  }
  return notices;
}

/** The detection reasons a reader needs: too few samples, and parts of the range not judged. */
export function detectionNotices(
  labels: Labels,
  reasons: DetectionReason[],
  fromMs: number,
  toMs: number
): QueryResultMetaNotice[] {
  const who = `P99 of ${labelText(labels)}`;
  const notices: QueryResultMetaNotice[] = [];
  for (const r of reasons) {
    if (r.code === 'too-few-samples') {
      notices.push({ severity: 'warning', text: `${who}: ${r.message}, so no spike was looked for` });
    } else if (r.code === 'insufficient-history' && r.endMs >= fromMs && r.startMs <= toMs) {
      const span = `${new Date(Math.max(r.startMs, fromMs)).toISOString()} to ${new Date(r.endMs).toISOString()}`;
      notices.push({ severity: 'info', text: `${who}: not judged from ${span}: ${r.message}` });
    } else if (r.code === 'new-level-accepted' && r.atMs >= fromMs && r.atMs <= toMs) {
      notices.push({ severity: 'info', text: `${who}: ${r.message}` });
    }
  }
  return notices;
}

export function emptyP99Notice(plan: SpikePlan): QueryResultMetaNotice {
  return {
    severity: 'warning',
    text: `No ${plan.p99Metric} series match the selector in this range: no P99 to analyse. Name the service's latency histogram in the query (Histogram).`,
  };
}

/** `instance="10.0.0.1:8080", job="api"`, or `all series` for the empty group. */
export function labelText(labels: Labels): string {
  const entries = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? 'all series' : entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
}
