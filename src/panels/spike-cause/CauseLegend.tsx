import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import type { CauseColorOf } from './causeColors';
import { causeLabel } from './causes';
import { spikeTestIds } from './testIds';

interface Props {
  /** The verdicts present, in breakdown order. */
  causes: string[];
  colorOf: CauseColorOf;
  showRegressions: boolean;
}

/** The colour of each cause on the chart, and what the marks mean. */
export function CauseLegend({ causes, colorOf, showRegressions }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.legend} data-testid={spikeTestIds.legend} aria-label="Causes">
      {causes.map((cause) => (
        <span key={cause} className={styles.item}>
          <span className={styles.dot} style={{ background: colorOf(cause) }} />
          {causeLabel(cause)}
        </span>
      ))}
      <span className={styles.key}>● spike{showRegressions ? ' · ▮ band: sustained regression' : ''}</span>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  legend: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 1.5),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    minHeight: 22,
    overflow: 'hidden',
  }),
  item: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.colors.text.primary,
  }),
  dot: css({ width: 10, height: 10, borderRadius: '50%', flexShrink: 0 }),
  key: css({ marginLeft: 'auto' }),
});
