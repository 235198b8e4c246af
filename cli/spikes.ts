import { analyseSpikes, type SpikeRow } from '../src/analysis/spikeAnalysis';
import { parseSelector } from '../src/sources/prometheus/selector';
import type { CommandResult } from './command';
import { rangeArgs, text, type Values } from './rangeArgs';

/** One spike or regression as docs/cli.md documents it: these names and meanings are an interface. */
function toJson(row: SpikeRow) {
  const { event, attribution } = row;
  return {
    start: event.startMs,
    end: event.endMs,
    peak: event.peak,
    baseline: event.baseline,
    cause: attribution.cause,
    confidence: attribution.confidence,
    labels: row.labels,
    evidence: attribution.evidence
      .filter((e) => e.deviates)
      .map(({ signal, baseline, value, z }) => ({ signal, baseline, value, z })),
    // Added fields (the documented ones above keep their names and meaning):
    explanation: attribution.explanation,
    possibleCauses: attribution.possibleCauses,
    notObservable: attribution.notObservable,
  };
}

/**
 * `spikes --prometheus URL [--metric M] [--selector S] [--container-selector S] [--group-by a,b]
 * --from T --to T [--step 1s]`: the same analysis as the data source's spikes query type.
 */
export async function spikesCommand(values: Values): Promise<CommandResult> {
  const { client, fromMs, toMs, groupBy, step } = rangeArgs(values);
  const containerSelector = text(values, 'container-selector');
  const analysis = await analyseSpikes({
    client,
    query: { metric: text(values, 'metric'), groupBy, step },
    matchers: parseSelector(text(values, 'selector') ?? ''),
    containerMatchers: containerSelector === undefined ? undefined : parseSelector(containerSelector),
    fromMs,
    toMs,
  });
  const rows = analysis.rows.map((row) => ({ kind: row.event.kind, json: toJson(row) }));
  return {
    output: {
      spikes: rows.filter((r) => r.kind === 'spike').map((r) => r.json),
      regressions: rows.filter((r) => r.kind === 'regression').map((r) => r.json),
    },
    notice:
      analysis.p99.length === 0
        ? `no ${analysis.plan.p99Metric} series matched in that range: nothing to analyse`
        : undefined,
  };
}
