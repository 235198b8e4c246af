import {
  backtestOom,
  backtestPredictLinear,
  buildOomOptions,
  DEFAULT_PREDICT_LINEAR_OPTIONS,
  describeOomEvaluation,
  evaluateSeries,
  holtVarianceFactor,
  MIB,
  normaliseLimit,
  type OomBacktest,
  type OomEvaluation,
  type OomOptions,
  type OomState,
  type OomWarningInterval,
} from '../engine/oom';
import { stepWeight } from '../engine/oom/holt';
import type { PrometheusClient } from '../sources/prometheus/client';
import { durationOption, parseDuration } from '../sources/prometheus/duration';
import { parseByteSize, planOomQueries, type OomPlan, type OomSource } from '../sources/prometheus/oomQueries';
import type { Matcher } from '../sources/prometheus/selector';
import type { Labels, RangeSeries } from '../sources/prometheus/types';
import { settleBounded } from './spikeAnalysis';

/**
 * The OOM forecast from Prometheus to verdicts, shared by the data source (which turns it into
 * frames) and the command-line runner (which prints JSON). No Grafana types here. Per instance: the
 * verdict now (the engine's evaluateSeries at the end of the range), the verdict at every step of the
 * range as a live tracker would have given it (backtestOom), and the predict_linear baseline's
 * warnings at the same steps, for comparison.
 */

/** Range queries in flight at once for one OOM query (2 usage, 2 limit, 1 soft limit). */
export const OOM_QUERY_CONCURRENCY = 4;

/** The query's options; unset ones take the engine's defaults (DEFAULT_OOM_OPTIONS, docs/oom.md). */
export interface OomQueryOptions {
  /** The query's refId, when it comes from a dashboard. */
  refId?: string;
  usageMetric?: string;
  limitMetric?: string;
  /** A configured limit: bytes, or a size such as "512MiB". Replaces the limit series. */
  limitBytes?: string | number;
  groupBy?: string[];
  step?: string;
  horizonSeconds?: number;
  imminentSeconds?: number;
  consecutiveEvaluations?: number;
  minGrowthMiBPerSecond?: number;
}

export interface OomRequest {
  client: PrometheusClient;
  query: OomQueryOptions;
  matchers: Matcher[];
  /** The range to report, Unix ms; the verdict "now" is read at toMs. */
  fromMs: number;
  toMs: number;
  /** The services' scrape interval (the data source's jsonData.scrapeInterval). */
  scrapeInterval?: string;
  /** Replay the range (per-step states and warning intervals). Default true; the CLI's --backtest. */
  backtest?: boolean;
}

export const OOM_ANALYSIS_DEFAULTS = {
  scrapeInterval: '15s',
} as const;

/** The query's options with every default applied. */
export interface OomSettings {
  stepSeconds: number;
  /** Fetched before the range so its first steps are judged with a full envelope window and warm-up. */
  historySeconds: number;
  options: OomOptions;
  /** The configured limit, bytes; null = from the limit series. */
  limitBytes: number | null;
}

/** Where an instance's limit came from. */
export type OomLimitSource =
  | { kind: 'configured' }
  /** A limit series; `bytes` is its last value (0 or ≥ 2^60 = unlimited). */
  | { kind: 'series'; metric: string; bytes: number }
  | { kind: 'none' };

export interface OomInstance {
  labels: Labels;
  /** The usage metric this instance's series came from. */
  usageMetric: string;
  /** The usage series, history before fromMs included. */
  usage: RangeSeries;
  /** The OOM limit the engine used; null = none known (state no_limit). */
  limitBytes: number | null;
  limitSource: OomLimitSource;
  /** GOMEMLIMIT series (values ≥ 2^60 = unset); null when the instance exports none. */
  softLimit: RangeSeries | null;
  /** The last GOMEMLIMIT set, bytes; null when unset or not exported. */
  softLimitBytes: number | null;
  /** The verdict at toMs. */
  now: OomEvaluation;
  /** describeOomEvaluation of `now`. */
  summary: string;
  /** The replay at each step from the first step ≥ fromMs to toMs; null without backtest. */
  backtest: OomBacktest | null;
  /** predict_linear(usage[5m], horizon) > limit at the same steps; null without backtest or limit. */
  predictLinearWarnings: OomWarningInterval[] | null;
}

export interface OomAnalysis {
  plan: OomPlan;
  settings: OomSettings;
  fromMs: number;
  toMs: number;
  /** Ordered soonest-to-limit first (time left now; none last), then by state, then labels. */
  instances: OomInstance[];
  /** Limit or soft-limit queries that failed: their series are absent, never zero. */
  failed: Array<{ source: OomSource; role: 'limit' | 'soft_limit'; error: unknown }>;
}

/**
 * Analysis resolution: the query's step, else the scrape interval (default 15s), never a panel's
 * interval: the engine counts new samples and its thresholds are per scrape.
 */
export function oomSettings(query: OomQueryOptions, scrapeInterval?: string): OomSettings {
  const stepSeconds =
    durationOption('step', query.step) ??
    durationOption('scrape interval', scrapeInterval) ??
    parseDuration(OOM_ANALYSIS_DEFAULTS.scrapeInterval)!;
  const minGrowth = query.minGrowthMiBPerSecond;
  if (minGrowth !== undefined && !(Number.isFinite(minGrowth) && minGrowth >= 0)) {
    throw new RangeError(`The minimum growth must be a number of MiB/s >= 0, got ${String(minGrowth)}`);
  }
  const options = buildOomOptions({
    horizonSeconds: query.horizonSeconds,
    imminentSeconds: query.imminentSeconds,
    consecutiveEvaluations: query.consecutiveEvaluations,
    minGrowthBytesPerSecond: minGrowth === undefined ? undefined : minGrowth * MIB,
  });
  return {
    stepSeconds,
    historySeconds: Math.max(
      options.envelopeWindowSeconds + options.warmupSeconds,
      DEFAULT_PREDICT_LINEAR_OPTIONS.windowSeconds
    ),
    options,
    limitBytes: parseByteSize(query.limitBytes) ?? null,
  };
}

export async function analyseOom(req: OomRequest): Promise<OomAnalysis> {
  const { query, fromMs, toMs } = req;
  const settings = oomSettings(query, req.scrapeInterval);
  const plan = planOomQueries({
    matchers: req.matchers,
    usageMetric: query.usageMetric,
    limitMetric: query.limitMetric,
    limitBytes: settings.limitBytes,
    groupBy: query.groupBy,
  });
  // Step-aligned, as Prometheus evaluates at start + i × step: a refresh sees the same samples.
  const stepMs = settings.stepSeconds * 1000;
  const startMs = Math.floor((fromMs - settings.historySeconds * 1000) / stepMs) * stepMs;
  const endMs = Math.floor(toMs / stepMs) * stepMs;

  const sources = [...plan.usage, ...plan.limit, plan.softLimit];
  const answers = await settleBounded(sources, OOM_QUERY_CONCURRENCY, (s) =>
    req.client.rangeAll(s.expr, startMs, endMs, settings.stepSeconds)
  );
  const usageAnswers = answers.slice(0, plan.usage.length);
  const limitAnswers = answers.slice(plan.usage.length, plan.usage.length + plan.limit.length);
  const softAnswer = answers[answers.length - 1];
  const analysis: OomAnalysis = { plan, settings, fromMs, toMs, instances: [], failed: [] };
  for (const answer of usageAnswers) {
    if (answer.status === 'rejected') {
      throw answer.reason; // the query's own error; a limit's only makes it absent
    }
  }
  limitAnswers.forEach((a, i) => {
    if (a.status === 'rejected') {
      analysis.failed.push({ source: plan.limit[i], role: 'limit', error: a.reason });
    }
  });
  if (softAnswer.status === 'rejected') {
    analysis.failed.push({ source: plan.softLimit, role: 'soft_limit', error: softAnswer.reason });
  }
  const seriesOf = (a: PromiseSettledResult<RangeSeries[]>) => (a.status === 'fulfilled' ? a.value : []);

  // Each group takes the first source (in the plan's order of preference) that has its series.
  const usage = firstPerGroup(
    plan,
    usageAnswers.map((a, i) => ({ metric: plan.usage[i].metric, series: seriesOf(a) }))
  );
  const limits = firstPerGroup(
    plan,
    limitAnswers.map((a, i) => ({ metric: plan.limit[i].metric, series: seriesOf(a) }))
  );
  const soft = firstPerGroup(plan, [{ metric: plan.softLimit.metric, series: seriesOf(softAnswer) }]);

  const backtestFromMs = Math.ceil(fromMs / stepMs) * stepMs;
  const replay = req.backtest !== false && backtestFromMs <= toMs;
  for (const [key, { metric, series }] of usage) {
    const limitSource = limitOf(settings, limits.get(key));
    const limitBytes =
      limitSource.kind === 'configured'
        ? settings.limitBytes
        : limitSource.kind === 'series'
          ? normaliseLimit(limitSource.bytes)
          : null;
    const softLimit = soft.get(key)?.series ?? null;
    const now = evaluateSeries(series.timestamps, series.values, limitBytes, toMs, settings.options);
    const range = { fromMs: backtestFromMs, toMs, stepMs };
    analysis.instances.push({
      labels: series.labels,
      usageMetric: metric,
      usage: series,
      limitBytes,
      limitSource,
      softLimit,
      softLimitBytes: softLimit ? normaliseLimit(lastFinite(softLimit, toMs)) : null,
      now,
      summary: describeOomEvaluation(now, settings.options),
      backtest: replay ? backtestOom(series.timestamps, series.values, limitBytes, range, settings.options) : null,
      predictLinearWarnings:
        replay && limitBytes !== null
          ? backtestPredictLinear(series.timestamps, series.values, limitBytes, range, {
              horizonSeconds: settings.options.horizonSeconds,
            }).warnings
          : null,
    });
  }
  analysis.instances.sort(soonestFirst);
  return analysis;
}

/** One point of the forecast drawn after the range: the peak envelope's line and its band. */
export interface OomForecastPoint {
  atMs: number;
  bytes: number;
  lowerBytes: number | null;
  upperBytes: number | null;
}

/** Forecast points drawn at most this many per instance. */
const MAX_FORECAST_POINTS = 60;

/**
 * The forecast of `now` as points: at the last sample (where the line starts), then every step (at
 * most MAX_FORECAST_POINTS) after the evaluation time up to its horizon. The line is the engine's
 * (max(level, envelope) + trend × t); the band is the engine's at the horizon, narrowed towards the
 * last sample by Holt's h-step variance factor (as the engine widens it). None without data.
 */
export function forecastPoints(now: OomEvaluation, stepSeconds: number, options: OomOptions): OomForecastPoint[] {
  const f = now.forecast;
  if (now.state === 'no_data' || f.lastSampleMs === null || f.trendBytesPerSecond === null) {
    return [];
  }
  const from = Math.max(f.levelBytes ?? -Infinity, f.envelopeBytes ?? -Infinity);
  const trend = f.trendBytesPerSecond;
  const lastMs = f.lastSampleMs;
  const horizon = f.horizonSeconds;
  const alpha = stepWeight(options.alpha, stepSeconds, options.smoothingStepSeconds);
  const beta = stepWeight(options.beta, stepSeconds, options.smoothingStepSeconds);
  const factor = (seconds: number) => holtVarianceFactor(seconds / stepSeconds, alpha, beta);
  const endSeconds = (f.atMs - lastMs) / 1000 + horizon;
  const halfWidthAtEnd =
    f.bandUpperBytes !== null && f.bandLowerBytes !== null ? (f.bandUpperBytes - f.bandLowerBytes) / 2 : null;
  const point = (atMs: number): OomForecastPoint => {
    const seconds = (atMs - lastMs) / 1000;
    const bytes = from + trend * seconds;
    const half = halfWidthAtEnd === null ? null : halfWidthAtEnd * Math.sqrt(factor(seconds) / factor(endSeconds));
    return {
      atMs,
      bytes,
      lowerBytes: half === null ? null : bytes - half,
      upperBytes: half === null ? null : bytes + half,
    };
  };
  const spacingMs = Math.max(stepSeconds, horizon / MAX_FORECAST_POINTS) * 1000;
  const points = [point(lastMs)];
  for (let t = f.atMs + spacingMs; t < f.atMs + horizon * 1000; t += spacingMs) {
    points.push(point(t));
  }
  points.push(point(f.atMs + horizon * 1000));
  return points;
}

function limitOf(settings: OomSettings, found: { metric: string; series: RangeSeries } | undefined): OomLimitSource {
  if (settings.limitBytes !== null) {
    return { kind: 'configured' };
  }
  if (!found) {
    return { kind: 'none' };
  }
  // One constant limit per series (the engine's model): the one in force at the end of the range.
  return { kind: 'series', metric: found.metric, bytes: lastFinite(found.series, Infinity) ?? NaN };
}

/** The group a series belongs to: its values of the group labels (absent = ''), as Prometheus drops empty labels. */
export function oomGroupKey(plan: OomPlan, labels: Labels): string {
  return JSON.stringify(plan.groupBy.map((l) => labels[l] ?? ''));
}

function firstPerGroup(
  plan: OomPlan,
  sources: Array<{ metric: string; series: RangeSeries[] }>
): Map<string, { metric: string; series: RangeSeries }> {
  const out = new Map<string, { metric: string; series: RangeSeries }>();
  for (const { metric, series } of sources) {
    for (const s of series) {
      const key = oomGroupKey(plan, s.labels);
      if (!out.has(key)) {
        out.set(key, { metric, series: s });
      }
    }
  }
  return out;
}

/** The last finite value at or before atMs, or null. */
function lastFinite(series: RangeSeries, atMs: number): number | null {
  for (let i = series.timestamps.length - 1; i >= 0; i--) {
    if (series.timestamps[i] <= atMs && Number.isFinite(series.values[i])) {
      return series.values[i];
    }
  }
  return null;
}

const STATE_RANK: Record<OomState, number> = { imminent: 0, warning: 1, ok: 2, no_limit: 3, no_data: 4 };

function soonestFirst(a: OomInstance, b: OomInstance): number {
  const ttl = (i: OomInstance) => i.now.forecast.timeToLimitSeconds ?? Infinity;
  const byTime = ttl(a) - ttl(b);
  if (byTime !== 0 && !Number.isNaN(byTime)) {
    return byTime;
  }
  const byState = STATE_RANK[a.now.state] - STATE_RANK[b.now.state];
  if (byState !== 0) {
    return byState;
  }
  const ka = JSON.stringify(Object.entries(a.labels).sort());
  const kb = JSON.stringify(Object.entries(b.labels).sort());
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
