import { css } from '@emotion/css';
import type { DataFrame, GrafanaTheme2, PanelProps, TimeRange } from '@grafana/data';
import { ErrorBoundaryAlert, useStyles2 } from '@grafana/ui';
import React, { useMemo } from 'react';

import { QueryType } from '../../shared/queryTypes';
import { testIds } from '../../shared/testIds';
import { framesOfType } from '../common/framesOfType';
import { ProblemStrip } from '../common/ProblemStrip';
import { QueryTypeMismatch } from '../common/QueryTypeMismatch';
import { CountdownTile } from './CountdownTile';
import { readForecastFrames } from './readForecastFrames';
import { oomTestIds } from './testIds';
import { GAP_PX, PROBLEMS_PX, tileGrid } from './tileLayout';
import type { OomCountdownPanelOptions } from './types';

type Props = PanelProps<OomCountdownPanelOptions>;

/** Room kept for a vertical scrollbar when the tiles do not fit. */
const SCROLLBAR_PX = 14;

export function OomCountdownPanel(props: Props) {
  const frames = framesOfType(props.data.series, QueryType.OomForecast);
  if (frames.length === 0) {
    return <QueryTypeMismatch frames={props.data.series} errors={props.data.errors} wanted="OOM forecast" />;
  }
  return <OomCountdownView {...props} frames={frames} />;
}

/** Layout: what went wrong (if anything) on top, then one tile per instance, soonest to the limit first. */
function OomCountdownView({ frames, data, width, height, options, timeRange }: Props & { frames: DataFrame[] }) {
  const styles = useStyles2(getStyles);
  const { instances, problems: readProblems, notices } = useMemo(() => readForecastFrames(frames), [frames]);
  const thresholds = useMemo(
    () => ({ warningSeconds: options.warningSeconds, imminentSeconds: options.imminentSeconds }),
    [options.warningSeconds, options.imminentSeconds]
  );
  const problems = [
    ...(data.errors ?? []).map((e) => `Query ${e.refId ?? ''} failed: ${e.message ?? 'unknown error'}`),
    ...readProblems,
  ];
  const live = endsNow(timeRange);
  const gridHeight = Math.max(0, height - (problems.length > 0 ? PROBLEMS_PX + GAP_PX : 0));
  const fits = tileGrid(instances.length, width, gridHeight);
  const grid = fits.scroll ? tileGrid(instances.length, width - SCROLLBAR_PX, gridHeight) : fits;

  return (
    <div className={styles.panel} style={{ width, height }} data-testid={testIds.panels.oomCountdown}>
      <ProblemStrip problems={problems} testId={oomTestIds.problems} heightPx={PROBLEMS_PX} />
      {instances.length === 0 ? (
        <div className={styles.empty} data-testid={oomTestIds.empty}>
          <p>The OOM forecast returned no instance to count down.</p>
          {notices.length > 0 ? (
            <ul className={styles.notices}>
              {notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : (
            <p>Check the query&apos;s selector: it matches no process with memory metrics in this time range.</p>
          )}
        </div>
      ) : (
        <div
          className={styles.grid}
          style={{
            gridTemplateColumns: `repeat(${grid.columns}, ${grid.tileWidth}px)`,
            gridAutoRows: `${grid.tileHeight}px`,
            height: gridHeight,
            overflowY: fits.scroll ? 'auto' : 'hidden',
          }}
        >
          {instances.map((instance) => (
            <ErrorBoundaryAlert
              key={instance.key}
              title={`The tile of ${instance.name} failed`}
              dependencies={[instance, thresholds, options.showSparkline]}
            >
              <CountdownTile
                instance={instance}
                thresholds={thresholds}
                showSparkline={options.showSparkline}
                live={live}
                width={grid.tileWidth}
                height={grid.tileHeight}
              />
            </ErrorBoundaryAlert>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Whether the time range ends now (the usual "Last N minutes"): only then does the time left keep
 * counting down from the evaluation. A range that ends in the past shows the time left as it was.
 */
function endsNow(timeRange: TimeRange | undefined): boolean {
  const to = timeRange?.raw?.to;
  return to === undefined || (typeof to === 'string' && to.trim() === 'now');
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', gap: GAP_PX, overflow: 'hidden' }),
  grid: css({ display: 'grid', gap: GAP_PX, justifyContent: 'start', alignContent: 'start', minHeight: 0 }),
  empty: css({
    padding: theme.spacing(2),
    color: theme.colors.text.secondary,
    fontSize: theme.typography.h5.fontSize,
    textAlign: 'center',
    overflowY: 'auto',
    overflowWrap: 'anywhere',
  }),
  notices: css({
    textAlign: 'left',
    fontSize: theme.typography.body.fontSize,
    margin: theme.spacing(0, 'auto'),
    maxWidth: 720,
  }),
});
