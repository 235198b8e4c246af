/**
 * The frame contract of the "oom" (OOM forecast) query type, shared by the data source (which builds
 * the frames) and the OOM countdown panel (which draws them). Field names are saved in users'
 * transformations and overrides: add fields freely, never rename one.
 *
 * The query returns one frame per instance (meta.custom.role = 'forecast', meta.custom.state = the
 * instance's state now, meta.custom.labels = its labels as an object), fields:
 * - `time` (time): sample times over the requested range, then forecast points up to the horizon;
 * - `usage` (bytes): the memory series (null at forecast points);
 * - `limit` (bytes): the OOM limit (null when none is known);
 * - `soft_limit` (bytes): GOMEMLIMIT, a soft limit (GC thrashing, not a kill); null when unset;
 * - `forecast`, `forecast_lower`, `forecast_upper` (bytes): the forecast and its band (null where none);
 * - `time_to_limit_seconds` (s): at each sample, the time left as the forecast saw it then (null =
 *   not approaching); the LAST value is the time left now;
 * - `state` (string): at each sample, ok | warning | imminent | no_limit | no_data.
 * Instances are ordered soonest-to-limit first.
 */
export const OomFrameRole = {
  Forecast: 'forecast',
} as const;

export const OomField = {
  Time: 'time',
  Usage: 'usage',
  Limit: 'limit',
  SoftLimit: 'soft_limit',
  Forecast: 'forecast',
  ForecastLower: 'forecast_lower',
  ForecastUpper: 'forecast_upper',
  TimeToLimit: 'time_to_limit_seconds',
  State: 'state',
} as const;

export const OOM_STATES = ['ok', 'warning', 'imminent', 'no_limit', 'no_data'] as const;
export type OomStateName = (typeof OOM_STATES)[number];

/** meta.custom of a forecast frame. */
export interface OomFrameCustom {
  queryType: 'oom';
  role: 'forecast';
  state: OomStateName;
  labels: Record<string, string>;
  /** When the state was evaluated (the end of the range), Unix ms. */
  evaluatedAtMs: number;
  /** One sentence: e.g. "peak 231 MiB of 256 MiB, growing 7.1 MiB/s: limit in ~4 s". */
  summary: string;
}
