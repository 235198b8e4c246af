/**
 * Query-type ids shared by the data source (which produces frames) and the panels (which check that
 * the frames they are given are the ones they can draw). Ids are saved in dashboards: never rename.
 */
export const QueryType = {
  HealthSnapshot: 'health',
  /** Reserved: latency spikes with causes (drawn by the spike-cause panel). */
  Spikes: 'spikes',
  /** Reserved: OOM forecast per instance (drawn by the OOM countdown panel). */
  OomForecast: 'oom',
} as const;

/** The query type a frame came from, if it came from this data source. */
export function queryTypeOf(frame: { meta?: { custom?: Record<string, unknown> } }): string | undefined {
  const value = frame.meta?.custom?.queryType;
  return typeof value === 'string' ? value : undefined;
}

export type QueryTypeId = (typeof QueryType)[keyof typeof QueryType];

/** Frame `meta.custom.queryType` carries the producing query type so panels can tell frames apart. */
export interface StabilityFrameMeta {
  queryType: QueryTypeId;
}
