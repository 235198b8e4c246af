// PanelData as plain JSON, for the tests (page.evaluate returns only serializable values).
import { type DataFrame, type PanelData, toDataFrameDTO } from '@grafana/data';

export function frameJson(frame: DataFrame) {
  const dto = toDataFrameDTO(frame);
  return { name: frame.name, refId: frame.refId, meta: frame.meta, length: frame.length, fields: dto.fields };
}

export function panelDataJson(data: PanelData) {
  const request = data.request;
  const out = {
    state: data.state,
    series: data.series.map(frameJson),
    annotations: (data.annotations ?? []).map(frameJson),
    error: data.error,
    errors: data.errors ?? [],
    request: request && {
      app: request.app,
      requestId: request.requestId,
      interval: request.interval,
      intervalMs: request.intervalMs,
      maxDataPoints: request.maxDataPoints,
      timezone: request.timezone,
      range: { from: request.range.from.toISOString(), to: request.range.to.toISOString(), raw: request.range.raw },
      scopedVars: request.scopedVars,
      targets: request.targets,
    },
  };
  // Through JSON: DateTime values become ISO strings, class instances plain objects.
  return JSON.parse(JSON.stringify(out));
}
