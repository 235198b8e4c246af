import { analyseOom, type OomInstance, type OomQueryOptions, oomSettings } from '../src/analysis/oomAnalysis';
import type { OomWarningInterval } from '../src/engine/oom';
import { planOomQueries, sourceName } from '../src/sources/prometheus/oomQueries';
import { parseSelector } from '../src/sources/prometheus/selector';
import type { CommandResult } from './command';
import { rangeArgs, text, type Values } from './rangeArgs';
import { UsageError } from './time';

/** A warning interval as docs/cli.md documents it. */
function warningJson(w: OomWarningInterval) {
  return { start: w.startMs, end: w.endMs, minTimeToLimitSeconds: w.minTimeToLimitSeconds };
}

/** One instance as docs/cli.md documents it: these names and meanings are an interface. */
function toJson(instance: OomInstance) {
  const { now, backtest } = instance;
  const ttl = now.forecast.timeToLimitSeconds;
  return {
    labels: instance.labels,
    evaluations: backtest?.evaluations.length ?? 0,
    warnings: backtest?.warnings.map(warningJson) ?? [],
    // Added fields (the documented ones above keep their names and meaning):
    state: now.state,
    timeToLimitSeconds: ttl !== null && Number.isFinite(ttl) ? ttl : null,
    summary: instance.summary,
    usageMetric: instance.usageMetric,
    limitBytes: instance.limitBytes,
    limitSource:
      instance.limitSource.kind === 'series' ? sourceName(instance.limitSource.metric) : instance.limitSource.kind,
    softLimitBytes: instance.softLimitBytes,
    predictLinearWarnings: instance.predictLinearWarnings?.map(warningJson) ?? [],
  };
}

/**
 * `oom --prometheus URL [--usage-metric M] [--limit-metric M] [--limit-bytes SIZE] [--selector S]
 * [--group-by a,b] --from T --to T [--step 1s] [--backtest]`: the same analysis as the data source's
 * OOM forecast query type.
 */
export async function oomCommand(values: Values): Promise<CommandResult> {
  const { client, fromMs, toMs, groupBy, step } = rangeArgs(values);
  const limitBytes = text(values, 'limit-bytes');
  if (limitBytes !== undefined && limitBytes.trim() === '') {
    throw new UsageError('--limit-bytes needs a size, e.g. 512MiB or 536870912');
  }
  const query: OomQueryOptions = {
    usageMetric: text(values, 'usage-metric'),
    limitMetric: text(values, 'limit-metric'),
    limitBytes,
    groupBy,
    step,
  };
  let matchers;
  try {
    // A malformed selector, size or step is the user's mistake: refused before any query.
    matchers = parseSelector(text(values, 'selector') ?? '');
    const { limitBytes: configured } = oomSettings(query);
    planOomQueries({
      matchers,
      usageMetric: query.usageMetric,
      limitMetric: query.limitMetric,
      limitBytes: configured,
      groupBy,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const analysis = await analyseOom({
    client,
    query,
    matchers,
    fromMs,
    toMs,
    backtest: values.backtest === true,
  });
  const { instances, plan } = analysis;
  let notice: string | undefined;
  if (instances.length === 0) {
    notice = `no ${plan.usage.map((s) => s.metric).join(' or ')} series matched in that range: nothing to forecast`;
  } else if (instances.every((i) => i.limitBytes === null)) {
    const metrics = plan.limit.map((s) => sourceName(s.metric)).join(' or ');
    notice = `no memory limit known (no ${metrics} series with the labels ${plan.groupBy.join(', ')}, or it reads unlimited): state no_limit; give --limit-bytes for a plain process`;
  }
  return { output: { instances: instances.map(toJson) }, notice };
}
