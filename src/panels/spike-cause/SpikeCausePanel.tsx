import { css, cx } from '@emotion/css';
import type { DataFrame, GrafanaTheme2, PanelProps } from '@grafana/data';
import { ErrorBoundaryAlert, useStyles2 } from '@grafana/ui';
import React, { useMemo, useState } from 'react';

import { QueryType } from '../../shared/queryTypes';
import { testIds } from '../../shared/testIds';
import { framesOfType } from '../common/framesOfType';
import { ProblemStrip } from '../common/ProblemStrip';
import { QueryTypeMismatch } from '../common/QueryTypeMismatch';
import { useNow } from '../common/useNow';
import { CauseBreakdown } from './CauseBreakdown';
import { useCauseColors } from './causeColors';
import { CauseLegend } from './CauseLegend';
import { causeBreakdown } from './causes';
import { buildExploreLink, dataSourceUidOf } from './exploreLink';
import { GAP_PX, panelLayout, PROBLEMS_PX } from './layout';
import { P99Chart } from './P99Chart';
import { readSpikeFrames } from './readFrames';
import { SpikeEvidence } from './SpikeEvidence';
import { SpikeList } from './SpikeList';
import { spikeTestIds } from './testIds';
import type { SpikeCausePanelOptions } from './types';

type Props = PanelProps<SpikeCausePanelOptions>;

export function SpikeCausePanel(props: Props) {
  const frames = framesOfType(props.data.series, QueryType.Spikes);
  if (frames.length === 0) {
    return <QueryTypeMismatch frames={props.data.series} errors={props.data.errors} wanted="Latency spikes" />;
  }
  return <SpikeCauseView {...props} frames={frames} />;
}

/** Layout: chart and cause legend with the breakdown beside them; under them the spike list and the evidence. */
function SpikeCauseView({
  frames,
  data,
  width,
  height,
  options,
  timeRange,
  timeZone,
  replaceVariables,
}: Props & { frames: DataFrame[] }) {
  const styles = useStyles2(getStyles);
  const colorOf = useCauseColors();
  const spikes = useMemo(() => readSpikeFrames(frames), [frames]);
  const events = useMemo(
    () => (options.showRegressions ? spikes.events : spikes.events.filter((e) => e.kind === 'spike')),
    [spikes.events, options.showRegressions]
  );
  const shares = useMemo(() => causeBreakdown(events), [events]);
  const [selectedId, setSelectedId] = useState<string>();
  // Whether a spike is over (its profile link says so) is judged against a clock that moves.
  const nowMs = useNow(15_000);
  const selected = events.find((e) => e.id === selectedId) ?? events[0];
  const problems = [
    ...(data.errors ?? []).map((e) => `Query ${e.refId ?? ''} failed: ${e.message ?? 'unknown error'}`),
    ...spikes.problems,
  ];
  const layout = panelLayout(width, height, options.showBreakdown, problems.length > 0);
  const link = selected
    ? buildExploreLink({
        datasourceUid: dataSourceUidOf(data.request?.targets, selected.refId, replaceVariables),
        instance: selected.labels.instance,
        startMs: selected.startMs,
        endMs: selected.endMs,
        nowMs,
      })
    : undefined;

  const chart = (
    <div className={styles.chartBlock}>
      <ErrorBoundaryAlert title="The chart failed" dependencies={[data]}>
        <P99Chart
          frames={spikes.p99Frames}
          events={events}
          width={layout.chartWidth}
          height={layout.chartHeight}
          timeRange={timeRange}
          timeZone={timeZone}
          colorOf={colorOf}
          selectedId={selected?.id}
          onSelect={setSelectedId}
        />
      </ErrorBoundaryAlert>
      <CauseLegend causes={shares.map((s) => s.cause)} colorOf={colorOf} showRegressions={options.showRegressions} />
    </div>
  );
  const breakdown = options.showBreakdown && (
    <div
      className={cx(styles.scroll, layout.wide && styles.side)}
      style={layout.wide ? { width: layout.breakdownWidth } : undefined}
    >
      <ErrorBoundaryAlert title="The breakdown failed" dependencies={[data]}>
        <CauseBreakdown
          shares={shares}
          total={events.length}
          showRegressions={options.showRegressions}
          notices={spikes.notices}
          colorOf={colorOf}
        />
      </ErrorBoundaryAlert>
    </div>
  );
  const list = (
    <ErrorBoundaryAlert title="The spike list failed" dependencies={[data]}>
      <SpikeList
        events={events}
        selectedId={selected?.id}
        onSelect={setSelectedId}
        colorOf={colorOf}
        timeZone={timeZone}
      />
    </ErrorBoundaryAlert>
  );
  const evidence = selected && link && (
    <ErrorBoundaryAlert title="The evidence failed" dependencies={[selected]}>
      <SpikeEvidence event={selected} link={link} colorOf={colorOf} timeZone={timeZone} />
    </ErrorBoundaryAlert>
  );

  return (
    <div
      className={cx(styles.panel, !layout.wide && styles.stacked)}
      style={{ width, height }}
      data-testid={testIds.panels.spikeCause}
    >
      <ProblemStrip problems={problems} testId={spikeTestIds.problems} heightPx={PROBLEMS_PX} />
      {layout.wide ? (
        <>
          <div className={styles.row}>
            {chart}
            {breakdown}
          </div>
          <div className={styles.row} style={{ height: layout.detailsHeight }}>
            <div className={cx(styles.scroll, styles.listColumn)}>{list}</div>
            <div className={cx(styles.scroll, styles.grow)}>{evidence}</div>
          </div>
        </>
      ) : (
        <>
          {chart}
          {breakdown}
          <div className={styles.stackedList}>{list}</div>
          {evidence}
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', gap: GAP_PX, overflow: 'hidden' }),
  stacked: css({ overflowY: 'auto', overflowX: 'hidden', '& > *': { flexShrink: 0 } }),
  row: css({ display: 'flex', gap: GAP_PX, minHeight: 0, flexShrink: 0 }),
  chartBlock: css({ display: 'flex', flexDirection: 'column', minWidth: 0 }),
  side: css({ flexShrink: 0 }),
  scroll: css({ overflowY: 'auto', minHeight: 0 }),
  listColumn: css({ width: '42%', flexShrink: 0, borderRight: `1px solid ${theme.colors.border.weak}` }),
  grow: css({ flex: 1, minWidth: 0, paddingRight: theme.spacing(0.5) }),
  stackedList: css({ maxHeight: 240, overflowY: 'auto', flexShrink: 0 }),
});
