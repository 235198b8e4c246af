import React, { memo, useMemo } from 'react';

import type { OomSeries } from './readForecastFrames';
import { sparklinePaths } from './sparklinePaths';
import { oomTestIds } from './testIds';

export interface SparklinePalette {
  usage: string;
  limit: string;
  softLimit: string;
  forecast: string;
  marker: string;
}

interface Props {
  series: OomSeries;
  evaluatedAtMs: number | null;
  width: number;
  height: number;
  palette: SparklinePalette;
}

/**
 * The trajectory in a small SVG: memory used (solid), the limit (dashed) and soft limit (dotted),
 * the forecast (dashed) inside its band, and a tick at the evaluation time. Plain paths: no canvas,
 * drawn the same in every browser and in tests.
 */
export const Sparkline = memo(function Sparkline({ series, evaluatedAtMs, width, height, palette }: Props) {
  const paths = useMemo(
    () => sparklinePaths(series, width, height, evaluatedAtMs),
    [series, width, height, evaluatedAtMs]
  );
  if (!paths) {
    return null;
  }
  const label = 'Memory used, the limit, and the forecast with its band';
  return (
    <svg
      data-testid={oomTestIds.sparkline}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      style={{ display: 'block', overflow: 'visible', flexShrink: 0 }}
    >
      <title>{label}</title>
      {paths.band && <path d={paths.band} fill={palette.forecast} fillOpacity={0.22} stroke="none" />}
      {paths.nowX !== null && (
        <line x1={paths.nowX} x2={paths.nowX} y1={0} y2={height} stroke={palette.marker} strokeOpacity={0.5} />
      )}
      {paths.softLimit && (
        <path d={paths.softLimit} fill="none" stroke={palette.softLimit} strokeWidth={1.5} strokeDasharray="2 3" />
      )}
      {paths.limit && <path d={paths.limit} fill="none" stroke={palette.limit} strokeWidth={2} strokeDasharray="6 4" />}
      {paths.forecast && (
        <path d={paths.forecast} fill="none" stroke={palette.forecast} strokeWidth={2} strokeDasharray="4 3" />
      )}
      {paths.usage && (
        <path d={paths.usage} fill="none" stroke={palette.usage} strokeWidth={2} strokeLinejoin="round" />
      )}
    </svg>
  );
});
