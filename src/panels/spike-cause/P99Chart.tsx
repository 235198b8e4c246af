import { css } from '@emotion/css';
import { type DataFrame, FieldColorModeId, FieldType, type GrafanaTheme2, type TimeRange } from '@grafana/data';
import type { TimeZone } from '@grafana/schema';
import {
  DrawStyle,
  type GraphFieldConfig,
  LegendDisplayMode,
  PointVisibility,
  TimeSeries,
  useStyles2,
  type VizLegendOptions,
} from '@grafana/ui';
import React, { useMemo } from 'react';

import type { CauseColorOf } from './causeColors';
import type { SpikeRecord } from './readFrames';
import { SpikeOverlay } from './SpikeOverlay';
import { spikeTestIds } from './testIds';

interface Props {
  /** The P99 frames, one per group, as Grafana gave them. */
  frames: DataFrame[];
  /** The events to mark (already filtered by the panel's options), newest first. */
  events: SpikeRecord[];
  width: number;
  height: number;
  timeRange: TimeRange;
  timeZone: TimeZone;
  colorOf: CauseColorOf;
  selectedId?: string;
  onSelect: (id: string) => void;
}

/** Grafana's time series defaults, for fields that arrive without the time series panel's custom config. */
const LINE_DEFAULTS: GraphFieldConfig = {
  drawStyle: DrawStyle.Line,
  lineWidth: 1,
  fillOpacity: 0,
  showPoints: PointVisibility.Auto,
  pointSize: 5,
  spanNulls: false,
};

/** One P99 line per group, with the spikes marked and the regressions banded in their cause's colour. */
export function P99Chart({ frames, events, width, height, timeRange, timeZone, colorOf, selectedId, onSelect }: Props) {
  const styles = useStyles2(getStyles);
  const plotted = useMemo(() => frames.filter(hasNumbers).map(withLineDefaults), [frames]);
  const legend = useMemo<VizLegendOptions>(
    () => ({ showLegend: plotted.length > 1, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] }),
    [plotted.length]
  );

  if (plotted.length === 0) {
    return (
      <div className={styles.empty} style={{ width, height }} data-testid={spikeTestIds.chartEmpty}>
        {frames.length === 0
          ? 'No P99 series: the query matched no latency histogram for these services.'
          : 'The P99 series hold no values in this time range.'}
      </div>
    );
  }
  return (
    <div data-testid={spikeTestIds.chart}>
      <TimeSeries
        frames={plotted}
        width={width}
        height={height}
        timeRange={timeRange}
        timeZone={timeZone}
        legend={legend}
      >
        {(config) => (
          <SpikeOverlay
            config={config}
            events={events}
            colorOf={colorOf}
            selectedId={selectedId}
            onSelect={onSelect}
            timeZone={timeZone}
          />
        )}
      </TimeSeries>
    </div>
  );
}

function hasNumbers(frame: DataFrame): boolean {
  return (
    frame.length > 0 &&
    frame.fields.some((f) => f.type === FieldType.time) &&
    frame.fields.some((f) => f.type === FieldType.number)
  );
}

function withLineDefaults(frame: DataFrame): DataFrame {
  return {
    ...frame,
    fields: frame.fields.map((field) =>
      field.type !== FieldType.number
        ? field
        : {
            ...field,
            config: {
              ...field.config,
              color: field.config.color ?? { mode: FieldColorModeId.PaletteClassic },
              custom: { ...LINE_DEFAULTS, ...field.config.custom },
            },
          }
    ),
  };
}

const getStyles = (theme: GrafanaTheme2) => ({
  empty: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: theme.colors.text.secondary,
    border: `1px dashed ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(1),
    textAlign: 'center',
  }),
});
