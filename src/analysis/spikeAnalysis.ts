import {
  ATTRIBUTE_DEFAULTS,
  attributeEvents,
  DETECT_DEFAULTS,
  type DetectionReason,
  detectSpikes,
  type EventAttribution,
  type SignalId,
  type SignalSeries,
  type SpikeEvent,
} from '../engine/spikes';
import type { PrometheusClient } from '../sources/prometheus/client';
import { durationOption, parseDuration } from '../sources/prometheus/duration';
import { type Matcher, metricWith } from '../sources/prometheus/selector';
import { planSpikeQueries, type SpikePlan } from '../sources/prometheus/spikeQueries';
import type { Labels, RangeSeries } from '../sources/prometheus/types';

/**
 * The spikes analysis from Prometheus to verdicts, shared by the data source (which turns it into
 * frames) and the command-line runner (which prints JSON). No Grafana types here.
 */

/** Range queries in flight at once for one spikes query (13 queries: the P99 and 12 signals). */
export const SPIKE_QUERY_CONCURRENCY = 4;

/** The query's analysis options; unset ones take the documented defaults (src/datasource/types.ts). */
export interface SpikeQueryOptions {
  /** The query's refId, when it comes from a dashboard. */
  refId?: string;
  metric?: string;
  clientMetric?: string;
  groupBy?: string[];
  step?: string;
  rateWindow?: string;
  windowSamples?: number;
  k?: number;
  weights?: Partial<Record<string, number>>;
}

export interface SpikesRequest {
  client: PrometheusClient;
  query: SpikeQueryOptions;
  matchers: Matcher[];
  /** Parsed containerSelector; undefined = use `matchers`. */
  containerMatchers?: Matcher[];
  /** The range to report, Unix ms. */
  fromMs: number;
  toMs: number;
  /** The services' scrape interval (the data source's jsonData.scrapeInterval). */
  scrapeInterval?: string;
}

/** Defaults of the analysis options: the engine's own, so the P99's rate window and the engine agree. */
export const SPIKE_ANALYSIS_DEFAULTS = {
  scrapeInterval: '15s',
  rateWindowSteps: DETECT_DEFAULTS.rateWindowSteps,
  windowSamples: DETECT_DEFAULTS.windowSamples,
  k: DETECT_DEFAULTS.k,
} as const;

/** The query's options with every default applied. */
export interface SpikeSettings {
  stepSeconds: number;
  rateWindowSeconds: number;
  windowSamples: number;
  k: number;
}

export interface SpikeRow {
  labels: Labels;
  event: SpikeEvent;
  attribution: EventAttribution;
}

export interface GroupSignals {
  labels: Labels;
  signals: SignalId[];
}

export interface SpikeAnalysis {
  plan: SpikePlan;
  settings: SpikeSettings;
  /** One P99 series per group, history before fromMs included. */
  p99: RangeSeries[];
  /** Spikes and regressions overlapping [fromMs, toMs], in start order. */
  rows: SpikeRow[];
  groups: GroupSignals[];
  /** Signal queries that failed: those signals are absent, never zero. */
  failed: Array<{ id: SignalId; error: unknown }>;
  reasons: Array<{ labels: Labels; reasons: DetectionReason[] }>;
}

/**
 * Analysis resolution: the query's step, else the scrape interval (default 15s), never a panel's
 * interval: spikes shorter than a panel step would vanish in a coarser P99.
 */
export function spikeSettings(query: SpikeQueryOptions, scrapeInterval?: string): SpikeSettings {
  const stepSeconds =
    durationOption('step', query.step) ??
    durationOption('scrape interval', scrapeInterval) ??
    parseDuration(SPIKE_ANALYSIS_DEFAULTS.scrapeInterval)!;
  return {
    stepSeconds,
    rateWindowSeconds:
      durationOption('rate window', query.rateWindow) ?? SPIKE_ANALYSIS_DEFAULTS.rateWindowSteps * stepSeconds,
    windowSamples: query.windowSamples ?? SPIKE_ANALYSIS_DEFAULTS.windowSamples,
    k: query.k ?? SPIKE_ANALYSIS_DEFAULTS.k,
  };
}

/**
 * History fetched before the range so its first minutes are judged too: a full detection window (or
 * attribution baseline, if longer) of scrapes, plus the rate window the signals lead by.
 */
export function historySeconds(s: SpikeSettings): number {
  return Math.max(s.windowSamples, ATTRIBUTE_DEFAULTS.baselineSamples) * s.stepSeconds + s.rateWindowSeconds;
}

export async function analyseSpikes(req: SpikesRequest): Promise<SpikeAnalysis> {
  const { query, fromMs, toMs } = req;
  const settings = spikeSettings(query, req.scrapeInterval);
  const plan = planSpikeQueries({
    metric: query.metric,
    clientMetric: query.clientMetric,
    groupBy: query.groupBy,
    matchers: req.matchers,
    containerMatchers: req.containerMatchers,
    rateWindowSeconds: settings.rateWindowSeconds,
  });
  // Step-aligned, as Prometheus evaluates at start + i × step: a refresh sees the same samples.
  const stepMs = settings.stepSeconds * 1000;
  const startMs = Math.floor((fromMs - historySeconds(settings) * 1000) / stepMs) * stepMs;
  const endMs = Math.floor(toMs / stepMs) * stepMs;

  const ids = Object.keys(plan.signals) as SignalId[];
  const exprs = [plan.p99, ...ids.map((id) => plan.signals[id])];
  const answers = await settleBounded(exprs, SPIKE_QUERY_CONCURRENCY, (expr) =>
    req.client.rangeAll(expr, startMs, endMs, settings.stepSeconds)
  );
  const bucketBounds = await histogramBounds(req.client, metricWith(plan.p99Metric, req.matchers));
  const [p99Answer, ...signalAnswers] = answers;
  if (p99Answer.status === 'rejected') {
    throw p99Answer.reason; // the query's own error; a signal's error only makes it absent
  }
  const analysis: SpikeAnalysis = {
    plan,
    settings,
    p99: p99Answer.value,
    rows: [],
    groups: [],
    failed: [],
    reasons: [],
  };
  if (analysis.p99.length === 0) {
    return analysis;
  }

  const signalsByGroup = new Map<string, SignalSeries[]>();
  signalAnswers.forEach((answer, i) => {
    if (answer.status === 'rejected') {
      analysis.failed.push({ id: ids[i], error: answer.reason });
      return;
    }
    for (const series of answer.value) {
      const key = groupKey(plan, series.labels);
      const list = signalsByGroup.get(key) ?? [];
      if (!list.some((s) => s.id === ids[i])) {
        list.push({ id: ids[i], timestamps: series.timestamps, values: series.values });
      }
      signalsByGroup.set(key, list);
    }
  });

  for (const p99 of analysis.p99) {
    const signals = signalsByGroup.get(groupKey(plan, p99.labels)) ?? [];
    analysis.groups.push({ labels: p99.labels, signals: signals.map((s) => s.id as SignalId) });
    const detection = detectSpikes(p99.timestamps, p99.values, {
      stepSeconds: settings.stepSeconds,
      windowSamples: settings.windowSamples,
      k: settings.k,
      rateWindowSeconds: settings.rateWindowSeconds,
      bucketBounds,
    });
    const events = detection.events.filter((e) => e.endMs >= fromMs && e.startMs <= toMs);
    const { attributions } = attributeEvents(events, signals, {
      stepSeconds: settings.stepSeconds,
      rateWindowSeconds: settings.rateWindowSeconds,
      weights: query.weights,
    });
    events.forEach((event, i) => analysis.rows.push({ labels: p99.labels, event, attribution: attributions[i] }));
    analysis.reasons.push({ labels: p99.labels, reasons: detection.reasons });
  }
  analysis.rows.sort((a, b) => a.event.startMs - b.event.startMs);
  return analysis;
}

/**
 * The histogram's bucket bounds (its `le` values): histogram_quantile interpolates inside a bucket, so
 * a P99 wobbling within one bucket is not a spike; the detector's sigma floor follows the bucket
 * width. Unknown bounds (an older Prometheus, an error) only lose that floor, never the analysis.
 */
async function histogramBounds(client: PrometheusClient, series: string): Promise<number[] | null> {
  try {
    const bounds = (await client.labelValues('le', series))
      .map(Number)
      .filter((b) => Number.isFinite(b))
      .sort((a, b) => a - b);
    return bounds.length > 0 ? bounds : null;
  } catch {
    return null;
  }
}

/** The group a series belongs to: its values of the group labels (absent = ''), as Prometheus drops empty labels. */
function groupKey(plan: SpikePlan, labels: Record<string, string>): string {
  return JSON.stringify(plan.groupBy.map((l) => labels[l] ?? ''));
}

/** Like Promise.allSettled over `items`, with at most `limit` calls of `fn` running at once. */
export async function settleBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<Array<PromiseSettledResult<R>>> {
  const results = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i]) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
