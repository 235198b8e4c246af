import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import type { CauseColorOf } from './causeColors';
import { causeLabel, type CauseShare } from './causes';
import { spikeTestIds } from './testIds';

interface Props {
  shares: CauseShare[];
  total: number;
  showRegressions: boolean;
  /** The frames' notices: causes that could not be observed, and why. */
  notices: string[];
  colorOf: CauseColorOf;
}

/** Count and share of events per verdict: a stacked bar and one row per verdict. */
export function CauseBreakdown({ shares, total, showRegressions, notices, colorOf }: Props) {
  const styles = useStyles2(getStyles);
  const what = showRegressions ? 'spikes and regressions' : 'spikes';
  return (
    <section className={styles.box} data-testid={spikeTestIds.breakdown} aria-label="Cause breakdown">
      <div className={styles.title}>
        {total} {what} by cause
      </div>
      {total > 0 && (
        <div className={styles.bar} aria-hidden>
          {shares.map((s) => (
            <span key={s.cause} style={{ flexGrow: s.count, background: colorOf(s.cause) }} />
          ))}
        </div>
      )}
      <ul className={styles.rows}>
        {shares.map((s) => (
          <li key={s.cause} className={styles.row} data-testid={spikeTestIds.breakdownRow} data-cause={s.cause}>
            <span className={styles.dot} style={{ background: colorOf(s.cause) }} />
            <span className={styles.name}>{causeLabel(s.cause)}</span>
            <span className={styles.count}>{s.count}</span>
            <span className={styles.share}>{Math.round(s.share * 100)} %</span>
          </li>
        ))}
      </ul>
      {notices.length > 0 && (
        <div className={styles.notices}>
          <div>Not observable here (a count of 0 says nothing about these):</div>
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.75), minWidth: 0 }),
  title: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  bar: css({
    display: 'flex',
    height: 8,
    borderRadius: theme.shape.radius.default,
    overflow: 'hidden',
    background: theme.colors.background.secondary,
  }),
  rows: css({ listStyle: 'none', margin: 0, padding: 0, fontSize: theme.typography.bodySmall.fontSize }),
  row: css({
    display: 'grid',
    gridTemplateColumns: '10px 1fr auto 3.5em',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.25, 0),
  }),
  dot: css({ width: 10, height: 10, borderRadius: '50%' }),
  name: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  count: css({ fontVariantNumeric: 'tabular-nums', textAlign: 'right' }),
  share: css({ fontVariantNumeric: 'tabular-nums', textAlign: 'right', color: theme.colors.text.secondary }),
  notices: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    overflowWrap: 'anywhere',
    ul: { margin: 0, paddingLeft: theme.spacing(2) },
  }),
});
