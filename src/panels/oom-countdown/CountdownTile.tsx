import { css } from '@emotion/css';
import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import React, { useMemo } from 'react';

import { countdownText } from './countdownText';
import { formatDuration } from './formatDuration';
import { memoryText, percentOfLimit, softLimitText } from './formatMemory';
import { judgeState, type Thresholds } from './judgeState';
import type { OomInstance } from './readForecastFrames';
import { Sparkline, type SparklinePalette } from './Sparkline';
import { STATE_TEXT, stateLook } from './stateLook';
import { oomTestIds } from './testIds';
import { tileType } from './tileLayout';
import { useCountdown } from './useCountdown';

interface Props {
  instance: OomInstance;
  thresholds: Thresholds;
  showSparkline: boolean;
  /** The time range ends now: the countdown ticks. Otherwise it shows the time left as evaluated. */
  live: boolean;
  width: number;
  height: number;
}

/** One instance: name, state (colour and word), the countdown, memory against the limit, summary, trajectory. */
export function CountdownTile({ instance, thresholds, showSparkline, live, width, height }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const secondsLeft = useCountdown(instance.timeToLimitSeconds, live ? instance.evaluatedAtMs : null);
  const judged = judgeState(instance.state, secondsLeft, thresholds);
  const look = stateLook(theme, judged.state);
  const type = tileType(width, height, showSparkline);
  const countdown = countdownText(instance.state, secondsLeft, instance.limitBytes, live);
  const stateWord = STATE_TEXT[judged.state];
  const palette = useMemo(
    () => sparklinePalette(theme, judged.state === 'imminent', look.text),
    [theme, judged.state, look.text]
  );
  const secondaryLabels = Object.entries(instance.labels)
    .filter(([, v]) => v !== instance.name)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const allLabels = Object.entries(instance.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const percent =
    instance.usageBytes !== null && instance.limitBytes !== null
      ? percentOfLimit(instance.usageBytes, instance.limitBytes)
      : null;
  const threshold = judged.state === 'imminent' ? thresholds.imminentSeconds : thresholds.warningSeconds;

  return (
    <section
      className={styles.tile}
      data-testid={oomTestIds.tile}
      data-state={judged.state}
      data-frame-state={instance.state}
      aria-label={`${instance.name}: ${stateWord}, ${countdown.big}`}
      style={{
        width,
        height,
        padding: type.paddingPx,
        fontSize: type.textPx,
        background: look.background,
        color: look.text,
        borderColor:
          judged.state === 'no_limit' || judged.state === 'no_data' ? theme.colors.border.medium : look.color,
      }}
    >
      <div className={styles.header}>
        <span className={styles.name} data-testid={oomTestIds.name} title={allLabels || instance.name}>
          {instance.name}
        </span>
        <span
          className={styles.badge}
          data-testid={oomTestIds.state}
          style={{
            fontSize: type.statePx,
            ...(judged.state === 'imminent'
              ? { background: look.text, color: look.color }
              : { background: look.color, color: look.onColor }),
          }}
        >
          {stateWord}
        </span>
      </div>
      {!type.compact && secondaryLabels && (
        <div className={styles.line} style={{ color: look.secondaryText }} title={secondaryLabels}>
          {secondaryLabels}
        </div>
      )}
      <div
        className={styles.countdown}
        data-testid={oomTestIds.countdown}
        style={{ fontSize: countdown.reached ? type.countdownPx * 0.7 : type.countdownPx }}
      >
        {countdown.big}
      </div>
      <div className={styles.line} style={{ color: look.secondaryText }}>
        {countdown.caption}
      </div>
      {judged.byThreshold && (
        <div className={styles.line} data-testid={oomTestIds.thresholdNote} style={{ color: look.secondaryText }}>
          {`At or under this panel's ${formatDuration(threshold)} threshold (data source: ${STATE_TEXT[instance.state]})`}
        </div>
      )}
      <div className={styles.memory} data-testid={oomTestIds.memory}>
        <span className={styles.ellipsis}>{memoryText(instance.usageBytes, instance.limitBytes)}</span>
        {percent !== null && (
          <div
            className={styles.bar}
            role="meter"
            aria-label="Memory used of the limit"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.min(100, percent)}
            style={{ background: colorManipulator.alpha(look.text, 0.18) }}
          >
            <div
              style={{
                width: `${Math.min(100, percent)}%`,
                background: judged.state === 'imminent' ? look.text : look.color,
              }}
            />
            {instance.softLimitBytes !== null && instance.limitBytes! > 0 && (
              <div
                className={styles.softTick}
                style={{
                  left: `${Math.min(100, (instance.softLimitBytes / instance.limitBytes!) * 100)}%`,
                  background: look.text,
                }}
              />
            )}
          </div>
        )}
      </div>
      {instance.softLimitBytes !== null && (
        <div
          className={styles.line}
          data-testid={oomTestIds.softLimit}
          style={{ color: look.secondaryText }}
          title={softLimitText(instance.softLimitBytes)}
        >
          {softLimitText(instance.softLimitBytes)}
        </div>
      )}
      {!type.compact && instance.summary && (
        <div className={styles.summary} data-testid={oomTestIds.summary} title={instance.summary}>
          {instance.summary}
        </div>
      )}
      {instance.problems.length > 0 && (
        <div
          className={styles.line}
          data-testid={oomTestIds.tileProblems}
          style={{ color: look.secondaryText }}
          title={instance.problems.join(' ')}
        >
          {`⚠ ${instance.problems.join(' ')}`}
        </div>
      )}
      {type.sparklineHeight > 0 && (
        <div className={styles.sparkline}>
          <Sparkline
            series={instance.series}
            evaluatedAtMs={instance.evaluatedAtMs}
            width={type.sparklineWidth}
            height={type.sparklineHeight}
            palette={palette}
          />
        </div>
      )}
    </section>
  );
}

function sparklinePalette(theme: GrafanaTheme2, onRed: boolean, text: string): SparklinePalette {
  if (onRed) {
    // On the red tile the lines keep apart by their dashes, all in the tile's text colour.
    return { usage: text, limit: text, softLimit: text, forecast: text, marker: text };
  }
  const named = (name: string) => theme.visualization.getColorByName(name);
  return {
    usage: named('blue'),
    limit: named('red'),
    softLimit: named('orange'),
    forecast: named('purple'),
    marker: theme.colors.text.secondary,
  };
}

const getStyles = (theme: GrafanaTheme2) => ({
  tile: css({
    display: 'flex',
    flexDirection: 'column',
    gap: 2,
    overflow: 'hidden',
    boxSizing: 'border-box',
    border: '2px solid',
    borderRadius: theme.shape.radius.default,
    lineHeight: 1.3,
    minWidth: 0,
  }),
  header: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), minWidth: 0 }),
  name: css({
    flex: 1,
    minWidth: 0,
    fontWeight: theme.typography.fontWeightMedium,
    fontSize: '1.1em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  badge: css({
    flexShrink: 0,
    padding: '0.1em 0.6em',
    borderRadius: theme.shape.radius.pill,
    fontWeight: theme.typography.fontWeightBold,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
    whiteSpace: 'nowrap',
  }),
  countdown: css({
    fontWeight: theme.typography.fontWeightMedium,
    lineHeight: 1.1,
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    flexShrink: 0,
  }),
  line: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flexShrink: 0 }),
  ellipsis: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  memory: css({
    display: 'flex',
    flexDirection: 'column',
    gap: 2,
    flexShrink: 0,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  bar: css({
    position: 'relative',
    height: '0.45em',
    borderRadius: theme.shape.radius.pill,
    overflow: 'hidden',
    '& > div:first-child': { height: '100%' },
  }),
  softTick: css({ position: 'absolute', top: 0, bottom: 0, width: 2, opacity: 0.8 }),
  summary: css({
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
    flexShrink: 0,
  }),
  sparkline: css({ marginTop: 'auto', paddingTop: 4, flexShrink: 0 }),
});
