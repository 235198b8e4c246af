import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import type { TimeZone } from '@grafana/schema';
import { Tooltip, type UPlotConfigBuilder, useStyles2 } from '@grafana/ui';
import React, { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';

import type { CauseColorOf } from './causeColors';
import { causeLabel } from './causes';
import { formatConfidence, formatSeconds, formatSpan } from './format';
import type { SpikeRecord } from './readFrames';
import { spikeTestIds } from './testIds';

interface Props {
  config: UPlotConfigBuilder;
  events: SpikeRecord[];
  colorOf: CauseColorOf;
  selectedId?: string;
  onSelect: (id: string) => void;
  timeZone: TimeZone;
}

/** More markers than this are not drawn (the newest are); the list and breakdown still count them all. */
export const MAX_MARKERS = 500;

interface Band {
  startMs: number;
  endMs: number;
  color: string;
  alpha: number;
}

/**
 * Draws on the time series: a band per regression (and for the selected spike) on the canvas under the
 * lines, and a clickable marker per event at its peak, in its cause's colour.
 */
export function SpikeOverlay({ config, events, colorOf, selectedId, onSelect, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const [plot, setPlot] = useState<uPlot | null>(null);
  const [, setDrawCount] = useState(0);
  const bandsRef = useRef<Band[]>([]);

  const bands = useMemo(
    () =>
      events
        .filter((e) => e.kind === 'regression' || e.id === selectedId)
        .map((e) => ({
          startMs: e.startMs,
          endMs: e.endMs,
          color: colorOf(e.cause),
          alpha: e.id === selectedId ? 0.3 : 0.15,
        })),
    [events, selectedId, colorOf]
  );

  // Registered before the chart builds its uPlot (children's layout effects run before its mount).
  useLayoutEffect(() => {
    let live = true;
    config.addHook('init', (u) => setPlot(u));
    config.addHook('drawClear', (u) => drawBands(u, bandsRef.current));
    config.addHook('draw', () => live && setDrawCount((n) => n + 1));
    return () => {
      live = false;
    };
  }, [config]);

  useLayoutEffect(() => {
    bandsRef.current = bands;
    plot?.redraw(false);
  }, [bands, plot]);

  if (!plot || !plot.bbox) {
    return null;
  }
  const ratio = window.devicePixelRatio || 1;
  const plotWidth = plot.bbox.width / ratio;
  const plotHeight = plot.bbox.height / ratio;
  const yScale = plot.series[1]?.scale;
  const markers = events.slice(0, MAX_MARKERS).flatMap((e) => {
    const x = plot.valToPos((e.startMs + e.endMs) / 2, 'x');
    if (!Number.isFinite(x) || x < 0 || x > plotWidth) {
      return [];
    }
    const y = e.peak !== null && yScale ? plot.valToPos(e.peak, yScale) : 0;
    const top = Number.isFinite(y) ? Math.min(Math.max(y, 0), plotHeight) : 0;
    const label = `${causeLabel(e.cause)} ${e.kind}, ${formatSpan(e.startMs, e.endMs, timeZone)}`;
    const tip = (
      <div>
        <div>
          <strong>{causeLabel(e.cause)}</strong> {e.kind} · confidence {formatConfidence(e.confidence)}
        </div>
        <div>{formatSpan(e.startMs, e.endMs, timeZone)}</div>
        <div>
          P99 {formatSeconds(e.peak)} (baseline {formatSeconds(e.baseline)})
        </div>
        <div>Click for the evidence</div>
      </div>
    );
    return [
      <Tooltip key={e.id} content={tip} placement="top">
        <button
          type="button"
          aria-label={label}
          aria-pressed={e.id === selectedId}
          data-testid={spikeTestIds.marker}
          className={cx(
            styles.marker,
            e.kind === 'regression' && styles.regression,
            e.id === selectedId && styles.selected
          )}
          style={{ left: x, top, background: colorOf(e.cause) }}
          onClick={() => onSelect(e.id)}
        />
      </Tooltip>,
    ];
  });
  return (
    <div className={styles.layer} style={{ left: plot.bbox.left / ratio, top: plot.bbox.top / ratio }}>
      {markers}
    </div>
  );
}

function drawBands(u: uPlot, bands: Band[]): void {
  const { ctx, bbox } = u;
  if (!ctx || bands.length === 0) {
    return;
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (const band of bands) {
    const x0 = u.valToPos(band.startMs, 'x', true);
    const x1 = u.valToPos(band.endMs, 'x', true);
    if (!Number.isFinite(x0) || !Number.isFinite(x1)) {
      continue;
    }
    ctx.globalAlpha = band.alpha;
    ctx.fillStyle = band.color;
    ctx.fillRect(x0, bbox.top, Math.max(x1 - x0, 2), bbox.height);
  }
  ctx.restore();
}

const getStyles = (theme: GrafanaTheme2) => ({
  layer: css({ position: 'absolute', overflow: 'visible', pointerEvents: 'none' }),
  marker: css({
    position: 'absolute',
    width: 10,
    height: 10,
    padding: 0,
    borderRadius: '50%',
    border: `1px solid ${theme.colors.background.primary}`,
    transform: 'translate(-50%, -50%)',
    cursor: 'pointer',
    pointerEvents: 'auto',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  regression: css({ borderRadius: 2 }),
  selected: css({ width: 14, height: 14, border: `2px solid ${theme.colors.text.primary}`, zIndex: 1 }),
});
