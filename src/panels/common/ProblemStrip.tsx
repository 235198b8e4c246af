import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

interface Props {
  problems: string[];
  testId: string;
  /** The strip's height; it scrolls beyond it so the panel's own content keeps its room. */
  heightPx: number;
}

/** The warning strip a panel shows above its content for what it could not read or draw. Text only. */
export function ProblemStrip({ problems, testId, heightPx }: Props) {
  const styles = useStyles2(getStyles);
  if (problems.length === 0) {
    return null;
  }
  return (
    <ul className={styles.problems} data-testid={testId} style={{ maxHeight: heightPx }}>
      {problems.map((p, i) => (
        <li key={`${i}-${p}`}>{p}</li>
      ))}
    </ul>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  problems: css({
    margin: 0,
    padding: theme.spacing(0.5, 1, 0.5, 3),
    flexShrink: 0,
    overflowY: 'auto',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.warning.text,
    background: theme.colors.warning.transparent,
    borderRadius: theme.shape.radius.default,
    overflowWrap: 'anywhere',
  }),
});
