import { createDataFrame, type DataFrame, FieldType, type QueryResultMetaNotice } from '@grafana/data';

import { forecastPoints, type OomInstance, type OomSettings } from '../analysis/oomAnalysis';
import { normaliseLimit } from '../engine/oom';
import { OomField, type OomFrameCustom, OomFrameRole, type OomStateName } from '../shared/oomFrames';
import { QueryType } from '../shared/queryTypes';
import type { Labels, RangeSeries } from '../sources/prometheus/types';
import { labelText } from './queries/spikeNotices';

/**
 * Frames of the "oom" query type, exactly as src/shared/oomFrames.ts describes them: one per instance.
 *
 * Rows: every step of the requested range (the backtest's evaluation times, so `state` and
 * `time_to_limit_seconds` are what a live tracker would have shown then), then the forecast points
 * up to the horizon. At forecast points `usage` is null, `limit` and `soft_limit` go on at their
 * current values, and `time_to_limit_seconds` and `state` repeat the verdict now, so the LAST value
 * of each is the time left and the state now (also meta.custom.state). `forecast*` are null at
 * sample rows except the last sample, where the forecast line starts.
 */
export function oomForecastFrame(
  instance: OomInstance,
  settings: OomSettings,
  range: { fromMs: number; toMs: number },
  refId: string,
  notices: QueryResultMetaNotice[] = []
): DataFrame {
  const { now } = instance;
  const rows = sampleRows(instance, range);
  const usageAt = valuesByTime(instance.usage);
  const softAt = instance.softLimit ? valuesByTime(instance.softLimit) : undefined;
  const forecast = forecastPoints(now, settings.stepSeconds, settings.options);
  const start = forecast.length > 0 ? forecast[0] : undefined;

  const time: number[] = [];
  const usage: Array<number | null> = [];
  const softLimit: Array<number | null> = [];
  const line: Array<number | null> = [];
  const lower: Array<number | null> = [];
  const upper: Array<number | null> = [];
  const ttl: Array<number | null> = [];
  const state: Array<OomStateName | null> = [];
  for (const row of rows) {
    time.push(row.atMs);
    usage.push(finiteOrNull(usageAt.get(row.atMs)));
    softLimit.push(softAt ? normaliseLimit(softAt.get(row.atMs)) : null);
    const starts = start !== undefined && start.atMs === row.atMs;
    line.push(starts ? start.bytes : null);
    lower.push(starts ? start.lowerBytes : null);
    upper.push(starts ? start.upperBytes : null);
    ttl.push(row.timeToLimitSeconds);
    state.push(row.state);
  }
  const ttlNow = finiteOrNull(now.forecast.timeToLimitSeconds);
  for (const p of forecast.slice(1)) {
    time.push(p.atMs);
    usage.push(null);
    softLimit.push(instance.softLimitBytes);
    line.push(p.bytes);
    lower.push(p.lowerBytes);
    upper.push(p.upperBytes);
    ttl.push(ttlNow);
    state.push(now.state);
  }

  const labels = sortedLabels(instance.labels);
  const custom: OomFrameCustom = {
    queryType: QueryType.OomForecast,
    role: OomFrameRole.Forecast,
    state: now.state,
    labels,
    evaluatedAtMs: now.atMs,
    summary: instance.summary,
  };
  const bytes = (name: string, values: Array<number | null>, displayName: string) => ({
    name,
    type: FieldType.number,
    values,
    labels,
    config: { unit: 'bytes', displayName },
  });
  return createDataFrame({
    refId,
    name: labelText(labels),
    meta: { custom: { ...custom }, notices: notices.length > 0 ? notices : undefined },
    fields: [
      { name: OomField.Time, type: FieldType.time, values: time },
      bytes(OomField.Usage, usage, 'Usage'),
      bytes(
        OomField.Limit,
        time.map(() => instance.limitBytes),
        'Limit'
      ),
      bytes(OomField.SoftLimit, softLimit, 'GOMEMLIMIT'),
      bytes(OomField.Forecast, line, 'Forecast'),
      bytes(OomField.ForecastLower, lower, 'Forecast lower'),
      bytes(OomField.ForecastUpper, upper, 'Forecast upper'),
      {
        name: OomField.TimeToLimit,
        type: FieldType.number,
        values: ttl,
        labels,
        config: { unit: 's', displayName: 'Time to limit' },
      },
      { name: OomField.State, type: FieldType.string, values: state, labels, config: { displayName: 'State' } },
    ],
  });
}

/** No instance to forecast: a frame with no rows, carrying the notices that say why (no role: not a forecast). */
export function emptyOomFrame(refId: string, notices: QueryResultMetaNotice[]): DataFrame {
  return createDataFrame({ refId, meta: { custom: { queryType: QueryType.OomForecast }, notices }, fields: [] });
}

interface SampleRow {
  atMs: number;
  timeToLimitSeconds: number | null;
  state: OomStateName | null;
}

/** The backtest's evaluations; without a backtest, the samples in range, the verdict now on the last only. */
function sampleRows(instance: OomInstance, range: { fromMs: number; toMs: number }): SampleRow[] {
  if (instance.backtest) {
    return instance.backtest.evaluations.map((e) => ({
      atMs: e.atMs,
      timeToLimitSeconds: finiteOrNull(e.forecast.timeToLimitSeconds),
      state: e.state,
    }));
  }
  const ts = Array.from(instance.usage.timestamps).filter((t) => t >= range.fromMs && t <= range.toMs);
  return ts.map((atMs, i) => {
    const last = i === ts.length - 1;
    return {
      atMs,
      timeToLimitSeconds: last ? finiteOrNull(instance.now.forecast.timeToLimitSeconds) : null,
      state: last ? instance.now.state : null,
    };
  });
}

function valuesByTime(series: RangeSeries): Map<number, number> {
  const out = new Map<number, number>();
  series.timestamps.forEach((t, i) => out.set(t, series.values[i]));
  return out;
}

/** Infinity (not approaching), NaN and undefined become null. */
function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/** Labels in name order, so a frame's labels read the same on every run. */
function sortedLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
