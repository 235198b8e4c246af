/** Frames for tests, built exactly as src/shared/oomFrames.ts describes (only tests import this). */
import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';

import { OomField, type OomFrameCustom, OomFrameRole, type OomStateName } from '../../shared/oomFrames';
import { QueryType } from '../../shared/queryTypes';

export const MIB = 1024 * 1024;
/** The evaluation time (the end of the range). */
export const EVAL_MS = Date.UTC(2024, 0, 2, 10, 0, 0);
export const STEP_MS = 15_000;

export interface ForecastInput {
  labels: Record<string, string>;
  state: OomStateName;
  /** Seconds left now (null = not approaching): the last time_to_limit value. */
  ttl: number | null;
  /** Memory samples, the last at EVAL_MS. */
  usage: Array<number | null>;
  limit: number | null;
  softLimit: number | null;
  /** Bytes added per forecast step, and the band's half width at the first step (it widens). */
  growthPerStep: number;
  forecastSteps: number;
  summary: string;
  evaluatedAtMs: number;
}

export function forecastInput(over: Partial<ForecastInput> = {}): ForecastInput {
  return {
    labels: { instance: '10.0.0.1:8080', job: 'api' },
    state: 'warning',
    ttl: 200,
    usage: [200, 205, 210, 215, 220, 225, 231].map((m) => m * MIB),
    limit: 256 * MIB,
    softLimit: null,
    growthPerStep: 5 * MIB,
    forecastSteps: 6,
    summary: 'peak 231 MiB of 256 MiB, growing 0.3 MiB/s: limit in ~3.3 min',
    evaluatedAtMs: EVAL_MS,
    ...over,
  };
}

/** One instance's forecast frame; `omit` leaves fields out, `custom` overrides meta.custom (to test bad input). */
export function forecastFrame(
  over: Partial<ForecastInput> = {},
  omit: string[] = [],
  custom?: Record<string, unknown>
): DataFrame {
  const f = forecastInput(over);
  const n = f.usage.length;
  const start = f.evaluatedAtMs - (n - 1) * STEP_MS;
  const time: number[] = [];
  const usage: Array<number | null> = [];
  const forecast: Array<number | null> = [];
  const lower: Array<number | null> = [];
  const upper: Array<number | null> = [];
  const ttl: Array<number | null> = [];
  const state: Array<OomStateName | null> = [];
  const last = f.usage[n - 1] ?? 0;
  for (let i = 0; i < n; i++) {
    time.push(start + i * STEP_MS);
    usage.push(f.usage[i]);
    const isLast = i === n - 1;
    forecast.push(isLast ? last : null);
    lower.push(isLast ? last : null);
    upper.push(isLast ? last : null);
    ttl.push(isLast ? f.ttl : null);
    state.push(isLast ? f.state : 'ok');
  }
  for (let k = 1; k <= f.forecastSteps; k++) {
    time.push(f.evaluatedAtMs + k * STEP_MS);
    usage.push(null);
    const mid = last + k * f.growthPerStep;
    forecast.push(mid);
    lower.push(mid - k * MIB);
    upper.push(mid + k * MIB);
    ttl.push(f.ttl);
    state.push(f.state);
  }
  const meta: OomFrameCustom = {
    queryType: QueryType.OomForecast,
    role: OomFrameRole.Forecast,
    state: f.state,
    labels: f.labels,
    evaluatedAtMs: f.evaluatedAtMs,
    summary: f.summary,
  };
  const bytes = (name: string, values: Array<number | null>) => ({
    name,
    type: FieldType.number,
    values,
    labels: f.labels,
    config: { unit: 'bytes' },
  });
  return createDataFrame({
    refId: 'A',
    meta: { custom: { ...meta, ...custom } },
    fields: [
      { name: OomField.Time, type: FieldType.time, values: time },
      bytes(OomField.Usage, usage),
      bytes(
        OomField.Limit,
        time.map(() => f.limit)
      ),
      bytes(
        OomField.SoftLimit,
        time.map(() => f.softLimit)
      ),
      bytes(OomField.Forecast, forecast),
      bytes(OomField.ForecastLower, lower),
      bytes(OomField.ForecastUpper, upper),
      { name: OomField.TimeToLimit, type: FieldType.number, values: ttl, labels: f.labels, config: { unit: 's' } },
      { name: OomField.State, type: FieldType.string, values: state, labels: f.labels },
    ].filter((field) => !omit.includes(field.name)),
  });
}
