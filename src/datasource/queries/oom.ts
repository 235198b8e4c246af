import type { DataFrame, QueryResultMetaNotice } from '@grafana/data';

import { analyseOom, type OomAnalysis, type OomInstance, type OomRequest } from '../../analysis/oomAnalysis';
import { sourceName } from '../../sources/prometheus/oomQueries';
import { emptyOomFrame, oomForecastFrame } from '../oomFrames';
import type { StabilityQuery } from '../types';
import { labelText } from './spikeNotices';

export { oomSettings, OOM_QUERY_CONCURRENCY } from '../../analysis/oomAnalysis';

/**
 * The OOM forecast query type: the shared analysis, as the frames of src/shared/oomFrames.ts (one per
 * instance, soonest-to-limit first). The query's notices (series not found, queries that failed) go
 * on the first frame; with no instance at all, on an empty frame.
 */
export async function runOom(req: OomRequest & { query: StabilityQuery }): Promise<DataFrame[]> {
  const refId = req.query.refId;
  const analysis = await analyseOom({ ...req, backtest: true });
  const notices = oomNotices(analysis);
  if (analysis.instances.length === 0) {
    return [emptyOomFrame(refId, notices)];
  }
  const range = { fromMs: analysis.fromMs, toMs: analysis.toMs };
  return analysis.instances.map((instance, i) =>
    oomForecastFrame(instance, analysis.settings, range, refId, i === 0 ? notices : [])
  );
}

/** What could not be seen and why, said once per query. */
export function oomNotices(analysis: OomAnalysis): QueryResultMetaNotice[] {
  const { plan, instances } = analysis;
  const notices: QueryResultMetaNotice[] = [];
  if (instances.length === 0) {
    notices.push({
      severity: 'warning',
      text: `No ${plan.usage.map((s) => s.metric).join(' or ')} series match the selector in this range: no memory to forecast. Name the memory metric in the query (Usage metric).`,
    });
  }
  for (const { source, role, error } of analysis.failed) {
    const consequence = role === 'limit' ? 'its limit is not used' : 'GOMEMLIMIT is not drawn';
    notices.push({
      severity: 'warning',
      text: `The ${sourceName(source.metric)} query failed, so ${consequence}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const unknown = instances.filter((i) => i.limitSource.kind === 'none');
  if (unknown.length > 0) {
    const metrics = plan.limit.map((s) => sourceName(s.metric)).join(' or ');
    const which =
      unknown.length === instances.length
        ? ''
        : ` for ${unknown.length} of ${instances.length} instances (${list(unknown)})`;
    notices.push({
      severity: 'info',
      text: `No memory limit known${which}: no ${metrics} series with the labels ${plan.groupBy.join(', ')}, and no limit configured, so the state is no_limit. For a plain process, set its limit in the query (Limit).`,
    });
  }
  const unlimited = instances.filter((i) => i.limitSource.kind === 'series' && i.limitBytes === null);
  if (unlimited.length > 0) {
    notices.push({
      severity: 'info',
      text: `No memory limit set for ${list(unlimited)} (the limit series reads 0 or "unlimited"), so the state is no_limit.`,
    });
  }
  const grouped = plan.groupBy.includes('pod') || plan.groupBy.includes('container');
  if (!grouped && instances.some((i) => i.usageMetric.startsWith('container_'))) {
    notices.push({
      severity: 'info',
      text: `Memory from ${instances.find((i) => i.usageMetric.startsWith('container_'))!.usageMetric} grouped by ${plan.groupBy.join(', ')}: each group shows its highest container against the highest limit. Group by namespace, pod, container to forecast each container.`,
    });
  }
  return notices;
}

function list(instances: OomInstance[]): string {
  const shown = instances.slice(0, 3).map((i) => labelText(i.labels));
  return `${shown.join('; ')}${instances.length > 3 ? ` and ${instances.length - 3} more` : ''}`;
}
