import type { DataFrame, QueryResultMetaNotice } from '@grafana/data';

import {
  ATTRIBUTE_DEFAULTS,
  attributeEvents,
  detectSpikes,
  type SignalId,
  type SignalSeries,
} from '../../engine/spikes';
import type { PrometheusClient } from '../../sources/prometheus/client';
import { parseDuration } from '../../sources/prometheus/duration';
import type { Matcher } from '../../sources/prometheus/selector';
import { planSpikeQueries, type SpikePlan } from '../../sources/prometheus/spikeQueries';
import type { RangeSeries } from '../../sources/prometheus/types';
import { p99Frame, spikeEventsFrame, type SpikeRow } from '../spikeFrames';
import {
  DEFAULT_RATE_WINDOW_STEPS,
  DEFAULT_SCRAPE_INTERVAL,
  DEFAULT_SPIKES_QUERY,
  type StabilityQuery,
} from '../types';
import { detectionNotices, emptyP99Notice, observabilityNotices, type GroupSignals } from './spikeNotices';

/** Range queries in flight at once for one spikes query (13 queries: the P99 and 12 signals). */
export const SPIKE_QUERY_CONCURRENCY = 4;

export interface SpikesRequest {
  client: PrometheusClient;
  query: StabilityQuery;
  matchers: Matcher[];
  /** Parsed containerSelector; undefined = use `matchers`. */
  containerMatchers?: Matcher[];
  /** The dashboard's range, Unix ms. */
  fromMs: number;
  toMs: number;
  /** The data source's jsonData.scrapeInterval. */
  scrapeInterval?: string;
}

/** The query's options with every default applied. */
export interface SpikeSettings {
  stepSeconds: number;
  rateWindowSeconds: number;
  windowSamples: number;
  k: number;
}

/**
 * Analysis resolution: the query's step, else the data source's scrape interval (default 15s), never
 * the panel's interval: spikes shorter than a panel step would vanish in a coarser P99.
 */
export function spikeSettings(query: StabilityQuery, scrapeInterval?: string): SpikeSettings {
  const stepSeconds =
    duration('step', query.step) ??
    duration('scrape interval', scrapeInterval) ??
    parseDuration(DEFAULT_SCRAPE_INTERVAL)!;
  return {
    stepSeconds,
    rateWindowSeconds: duration('rate window', query.rateWindow) ?? DEFAULT_RATE_WINDOW_STEPS * stepSeconds,
    windowSamples: query.windowSamples ?? DEFAULT_SPIKES_QUERY.windowSamples,
    k: query.k ?? DEFAULT_SPIKES_QUERY.k,
  };
}

/**
 * History fetched before the dashboard's range so its first minutes are judged too: a full detection
 * window (or attribution baseline, if longer) of scrapes, plus the rate window the signals lead by.
 */
export function historySeconds(s: SpikeSettings): number {
  return Math.max(s.windowSamples, ATTRIBUTE_DEFAULTS.baselineSamples) * s.stepSeconds + s.rateWindowSeconds;
}

export async function runSpikes(req: SpikesRequest): Promise<DataFrame[]> {
  const { query, fromMs, toMs } = req;
  const refId = query.refId;
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
  const [p99Answer, ...signalAnswers] = answers;
  if (p99Answer.status === 'rejected') {
    throw p99Answer.reason; // the query's own error; a signal's error only makes it absent
  }
  const p99Series = p99Answer.value;
  if (p99Series.length === 0) {
    return [spikeEventsFrame([], refId, [emptyP99Notice(plan)])];
  }

  const failed: Array<{ id: SignalId; error: unknown }> = [];
  const signalsByGroup = new Map<string, SignalSeries[]>();
  signalAnswers.forEach((answer, i) => {
    if (answer.status === 'rejected') {
      failed.push({ id: ids[i], error: answer.reason });
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

  const frames: DataFrame[] = [];
  const rows: SpikeRow[] = [];
  const groups: GroupSignals[] = [];
  const notices: QueryResultMetaNotice[] = [];
  for (const p99 of p99Series) {
    const signals = signalsByGroup.get(groupKey(plan, p99.labels)) ?? [];
    groups.push({ labels: p99.labels, signals: signals.map((s) => s.id as SignalId) });
    const detection = detectSpikes(p99.timestamps, p99.values, {
      stepSeconds: settings.stepSeconds,
      windowSamples: settings.windowSamples,
      k: settings.k,
      rateWindowSeconds: settings.rateWindowSeconds,
    });
    const events = detection.events.filter((e) => e.endMs >= fromMs && e.startMs <= toMs);
    const { attributions } = attributeEvents(events, signals, {
      stepSeconds: settings.stepSeconds,
      rateWindowSeconds: settings.rateWindowSeconds,
      weights: query.weights,
    });
    events.forEach((event, i) => rows.push({ labels: p99.labels, event, attribution: attributions[i] }));
    notices.push(...detectionNotices(p99.labels, detection.reasons, fromMs, toMs));
    frames.push(inRange(p99, fromMs, toMs, refId));
  }
  rows.sort((a, b) => a.event.startMs - b.event.startMs);
  notices.unshift(...observabilityNotices(plan, groups, failed, req.containerMatchers !== undefined));
  return [...frames, spikeEventsFrame(rows, refId, notices)];
}

/** The group a series belongs to: its values of the group labels (absent = ''), as Prometheus drops empty labels. */
function groupKey(plan: SpikePlan, labels: Record<string, string>): string {
  return JSON.stringify(plan.groupBy.map((l) => labels[l] ?? ''));
}

/** The P99 frame covers the requested range only; the history before it served the baseline. */
function inRange(series: RangeSeries, fromMs: number, toMs: number, refId: string): DataFrame {
  const keep: number[] = [];
  for (let i = 0; i < series.timestamps.length; i++) {
    if (series.timestamps[i] >= fromMs && series.timestamps[i] <= toMs) {
      keep.push(i);
    }
  }
  return p99Frame(
    series.labels,
    keep.map((i) => series.timestamps[i]),
    keep.map((i) => series.values[i]),
    refId
  );
}

function duration(option: string, text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') {
    return null;
  }
  const seconds = parseDuration(text);
  if (seconds === null) {
    throw new Error(`The ${option} ${JSON.stringify(text)} is not a Prometheus duration (e.g. 15s, 1m30s)`);
  }
  return seconds;
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
