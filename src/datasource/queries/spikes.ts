import type { DataFrame, QueryResultMetaNotice } from '@grafana/data';

import { analyseSpikes, type SpikesRequest } from '../../analysis/spikeAnalysis';
import type { RangeSeries } from '../../sources/prometheus/types';
import { p99Frame, spikeEventsFrame } from '../spikeFrames';
import type { StabilityQuery } from '../types';
import { detectionNotices, emptyP99Notice, observabilityNotices } from './spikeNotices';

export { historySeconds, settleBounded, spikeSettings, SPIKE_QUERY_CONCURRENCY } from '../../analysis/spikeAnalysis';

/** The spikes query type: the shared analysis, as the frames of src/shared/spikeFrames.ts. */
export async function runSpikes(req: SpikesRequest & { query: StabilityQuery }): Promise<DataFrame[]> {
  const { fromMs, toMs } = req;
  const refId = req.query.refId;
  const analysis = await analyseSpikes(req);
  if (analysis.p99.length === 0) {
    return [spikeEventsFrame([], refId, [emptyP99Notice(analysis.plan)])];
  }
  const notices: QueryResultMetaNotice[] = [
    ...observabilityNotices(analysis.plan, analysis.groups, analysis.failed, req.containerMatchers !== undefined),
    ...analysis.reasons.flatMap((g) => detectionNotices(g.labels, g.reasons, fromMs, toMs)),
  ];
  const frames = analysis.p99.map((p99) => inRange(p99, fromMs, toMs, refId));
  return [...frames, spikeEventsFrame(analysis.rows, refId, notices)];
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
