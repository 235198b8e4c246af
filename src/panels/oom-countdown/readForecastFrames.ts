import type { DataFrame } from '@grafana/data';

import { OOM_STATES, OomField, OomFrameRole, type OomStateName } from '../../shared/oomFrames';
import { toLabels, toMs, toNumber, valuesOf } from './cells';

/** The trajectory of one instance, row by row (rows without a valid time are left out). */
export interface OomSeries {
  /** Unix ms, ascending as the frame gave them. */
  time: number[];
  usage: Array<number | null>;
  limit: Array<number | null>;
  softLimit: Array<number | null>;
  forecast: Array<number | null>;
  forecastLower: Array<number | null>;
  forecastUpper: Array<number | null>;
}

/** One instance read from its forecast frame. Text (labels, summary) is untrusted: render as text. */
export interface OomInstance {
  /** Stable across refreshes: the labels (made unique when two frames share them). */
  key: string;
  /** The label that names the instance best (pod, instance, container, job), or the frame's name. */
  name: string;
  labels: Record<string, string>;
  /** The state the data source judged: meta.custom.state, else the last `state` value, else derived. */
  state: OomStateName;
  /** When time_to_limit was evaluated (Unix ms); the countdown runs from here. Null: it cannot run. */
  evaluatedAtMs: number | null;
  /** Seconds left at evaluatedAtMs (the last time_to_limit value); null = not approaching the limit. */
  timeToLimitSeconds: number | null;
  /** The newest memory sample, its time, and the limits in force (newest non-null values). */
  usageBytes: number | null;
  usageAtMs: number | null;
  limitBytes: number | null;
  softLimitBytes: number | null;
  summary: string;
  series: OomSeries;
  /** What was missing or malformed in this frame (the tile is drawn degraded and says so). */
  problems: string[];
}

export interface OomPanelData {
  /** Soonest to the limit first (see soonestFirst). */
  instances: OomInstance[];
  /** Said above the tiles: frames that could not be drawn at all. */
  problems: string[];
  /** The frames' notices, deduplicated: with no instance they say why (no series matched, a query failed). */
  notices: string[];
}

const SERIES_FIELDS = [
  OomField.Usage,
  OomField.Limit,
  OomField.SoftLimit,
  OomField.Forecast,
  OomField.ForecastLower,
  OomField.ForecastUpper,
  OomField.TimeToLimit,
] as const;

/** Labels that name an instance, best first. */
const NAME_LABELS = ['pod', 'instance', 'container', 'job'];

/** Frames of the OOM query (already filtered by query type) → one record per instance. Never throws. */
export function readForecastFrames(frames: DataFrame[]): OomPanelData {
  const problems: string[] = [];
  const instances: OomInstance[] = [];
  let otherRoles = 0;
  frames.forEach((frame, index) => {
    const role = frame.meta?.custom?.role;
    const hasTime = (frame.fields ?? []).some((f) => f.name === OomField.Time);
    if (role === undefined && !hasTime) {
      // No role and no rows: the data source's empty answer, carrying only notices.
      return;
    }
    if (role !== undefined && role !== OomFrameRole.Forecast) {
      otherRoles++;
      return;
    }
    const instance = readFrame(frame, index);
    if (instance) {
      instances.push(instance);
    } else {
      problems.push(`Frame ${index + 1} has no "${OomField.Time}" field and cannot be drawn.`);
    }
  });
  if (instances.length === 0 && otherRoles > 0) {
    problems.push(`The query returned ${otherRoles} frame(s) but no forecast frame.`);
  }
  return { instances: soonestFirst(withUniqueKeys(instances)), problems, notices: noticesOf(frames) };
}

function noticesOf(frames: DataFrame[]): string[] {
  const texts = frames.flatMap((f) => f.meta?.notices ?? []).map((n) => (typeof n?.text === 'string' ? n.text : ''));
  return [...new Set(texts.filter((t) => t.length > 0))];
}

function readFrame(frame: DataFrame, index: number): OomInstance | null {
  const fields = frame.fields ?? [];
  const field = (name: string) => fields.find((f) => f.name === name);
  const timeField = field(OomField.Time);
  if (!timeField) {
    return null;
  }
  const custom = (frame.meta?.custom ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const missing = SERIES_FIELDS.filter((name) => !field(name) && name !== OomField.SoftLimit);
  if (missing.length > 0) {
    problems.push(`No ${missing.map((m) => `"${m}"`).join(', ')} field: shown as unknown.`);
  }

  const rawTime = valuesOf(timeField);
  const columns = Object.fromEntries(SERIES_FIELDS.map((name) => [name, valuesOf(field(name))])) as Record<
    (typeof SERIES_FIELDS)[number],
    unknown[]
  >;
  const series: OomSeries = {
    time: [],
    usage: [],
    limit: [],
    softLimit: [],
    forecast: [],
    forecastLower: [],
    forecastUpper: [],
  };
  let badTimes = 0;
  for (let row = 0; row < rawTime.length; row++) {
    const ms = toMs(rawTime[row]);
    if (ms === null) {
      badTimes++;
      continue;
    }
    series.time.push(ms);
    series.usage.push(toNumber(columns.usage[row]));
    series.limit.push(toNumber(columns.limit[row]));
    series.softLimit.push(toNumber(columns.soft_limit[row]));
    series.forecast.push(toNumber(columns.forecast[row]));
    series.forecastLower.push(toNumber(columns.forecast_lower[row]));
    series.forecastUpper.push(toNumber(columns.forecast_upper[row]));
  }
  if (badTimes > 0) {
    problems.push(`${badTimes} row(s) without a valid time were left out.`);
  }

  const lastUsageRow = lastIndex(series.usage);
  const usageBytes = lastUsageRow < 0 ? null : series.usage[lastUsageRow];
  const usageAtMs = lastUsageRow < 0 ? null : series.time[lastUsageRow];
  const limitBytes = lastFinite(series.limit);
  const softLimitBytes = lastFinite(series.softLimit);
  if (field(OomField.Usage) && usageBytes === null) {
    problems.push('No memory sample in the range.');
  }

  // The contract: the LAST time_to_limit value is the time left now (null = not approaching).
  const ttlValues = columns.time_to_limit_seconds;
  const timeToLimitSeconds = ttlValues.length > 0 ? toNumber(ttlValues[ttlValues.length - 1]) : null;

  let evaluatedAtMs = toNumber(custom.evaluatedAtMs);
  if (evaluatedAtMs === null) {
    evaluatedAtMs = usageAtMs;
    if (timeToLimitSeconds !== null) {
      problems.push(
        evaluatedAtMs === null
          ? 'No evaluation time: the countdown shows the time left as evaluated and does not tick.'
          : 'No evaluation time: the countdown runs from the newest sample.'
      );
    }
  }

  const labels = toLabels(custom.labels) ?? labelsOfFields(frame) ?? {};
  const summary = typeof custom.summary === 'string' ? custom.summary : '';
  return {
    key: stableJson(labels),
    name: nameOf(labels, frame, index),
    labels,
    state: stateOf(custom.state, field(OomField.State), usageBytes, limitBytes, problems),
    evaluatedAtMs,
    timeToLimitSeconds,
    usageBytes,
    usageAtMs,
    limitBytes,
    softLimitBytes,
    summary,
    series,
    problems,
  };
}

function stateOf(
  metaState: unknown,
  stateField: { values?: unknown } | undefined,
  usage: number | null,
  limit: number | null,
  problems: string[]
): OomStateName {
  const fromMeta = asState(metaState);
  if (fromMeta) {
    return fromMeta;
  }
  const values = valuesOf(stateField);
  const fromField = values.length > 0 ? asState(values[values.length - 1]) : null;
  if (fromField) {
    return fromField;
  }
  problems.push("No readable state: judged from the memory data and this panel's thresholds.");
  return usage === null ? 'no_data' : limit === null ? 'no_limit' : 'ok';
}

function asState(v: unknown): OomStateName | null {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  return (OOM_STATES as readonly string[]).includes(s) ? (s as OomStateName) : null;
}

/** A transformation may drop meta.custom: the usage field's own labels are the next best thing. */
function labelsOfFields(frame: DataFrame): Record<string, string> | null {
  const usage = frame.fields.find((f) => f.name === OomField.Usage);
  return toLabels(usage?.labels);
}

function nameOf(labels: Record<string, string>, frame: DataFrame, index: number): string {
  for (const key of NAME_LABELS) {
    if (labels[key]) {
      return labels[key];
    }
  }
  const first = Object.entries(labels)[0];
  if (first) {
    return `${first[0]}=${first[1]}`;
  }
  return typeof frame.name === 'string' && frame.name !== '' ? frame.name : `Instance ${index + 1}`;
}

/**
 * Soonest to the limit first: by the instant the limit is reached (evaluation time + time left, so
 * frames evaluated at different times compare fairly), then those not approaching by how bad their
 * state is, then by name.
 */
export function soonestFirst(instances: OomInstance[]): OomInstance[] {
  const newest = Math.max(0, ...instances.map((i) => i.evaluatedAtMs ?? 0));
  const reachedAt = (i: OomInstance) =>
    i.timeToLimitSeconds === null ? Infinity : (i.evaluatedAtMs ?? newest) + i.timeToLimitSeconds * 1000;
  return [...instances].sort(
    (a, b) =>
      compare(reachedAt(a), reachedAt(b)) ||
      STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
      a.name.localeCompare(b.name)
  );
}

const STATE_ORDER: OomStateName[] = ['imminent', 'warning', 'ok', 'no_limit', 'no_data'];

function compare(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function withUniqueKeys(instances: OomInstance[]): OomInstance[] {
  const seen = new Map<string, number>();
  return instances.map((i) => {
    const n = seen.get(i.key) ?? 0;
    seen.set(i.key, n + 1);
    return n === 0 ? i : { ...i, key: `${i.key}#${n}` };
  });
}

function lastIndex(values: Array<number | null>): number {
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null) {
      return i;
    }
  }
  return -1;
}

function lastFinite(values: Array<number | null>): number | null {
  const i = lastIndex(values);
  return i < 0 ? null : values[i];
}

function stableJson(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]])
  );
}
