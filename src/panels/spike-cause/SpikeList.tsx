import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import type { TimeZone } from '@grafana/schema';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import type { CauseColorOf } from './causeColors';
import { causeLabel } from './causes';
import { formatDuration, formatLabels, formatSeconds, formatTime } from './format';
import type { SpikeRecord } from './readFrames';
import { spikeTestIds } from './testIds';

/** Rows beyond this are not rendered (the newest are); the count says how many there are. */
export const MAX_LIST_ROWS = 300;

interface Props {
  /** Newest first. */
  events: SpikeRecord[];
  selectedId?: string;
  onSelect: (id: string) => void;
  colorOf: CauseColorOf;
  timeZone: TimeZone;
}

/** The events, newest first; choosing one shows its evidence. */
export function SpikeList({ events, selectedId, onSelect, colorOf, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  if (events.length === 0) {
    return (
      <div className={styles.empty} data-testid={spikeTestIds.list}>
        No spike in this time range.
      </div>
    );
  }
  const shown = events.slice(0, MAX_LIST_ROWS);
  return (
    <div className={styles.box} data-testid={spikeTestIds.list}>
      {events.length > shown.length && (
        <div className={styles.note}>
          The newest {shown.length} of {events.length} events; narrow the time range to see the others.
        </div>
      )}
      <ul className={styles.list} aria-label="Spikes, newest first">
        {shown.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className={cx(styles.row, e.id === selectedId && styles.selected)}
              aria-pressed={e.id === selectedId}
              data-testid={spikeTestIds.listRow}
              data-cause={e.cause}
              onClick={() => onSelect(e.id)}
            >
              <span className={styles.dot} style={{ background: colorOf(e.cause) }} />
              <span className={styles.cause}>{causeLabel(e.cause)}</span>
              <span className={styles.meta}>
                {formatTime(e.startMs, timeZone)} · {e.kind} · {formatDuration(e.endMs - e.startMs)} · P99{' '}
                {formatSeconds(e.peak)}
              </span>
              <span className={styles.labels}>{formatLabels(e.labels)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }),
  empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
  note: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    padding: theme.spacing(0.5),
  }),
  list: css({ listStyle: 'none', margin: 0, padding: 0, overflowY: 'auto', minHeight: 0, flex: 1 }),
  row: css({
    display: 'grid',
    gridTemplateColumns: '10px auto 1fr',
    gridTemplateAreas: '"dot cause meta" ". labels labels"',
    alignItems: 'center',
    columnGap: theme.spacing(1),
    width: '100%',
    textAlign: 'left',
    padding: theme.spacing(0.5, 1),
    border: 'none',
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    background: 'transparent',
    color: theme.colors.text.primary,
    fontSize: theme.typography.bodySmall.fontSize,
    cursor: 'pointer',
    '&:hover': { background: theme.colors.action.hover },
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: -2 },
  }),
  selected: css({ background: theme.colors.action.selected, '&:hover': { background: theme.colors.action.selected } }),
  dot: css({ gridArea: 'dot', width: 10, height: 10, borderRadius: '50%' }),
  cause: css({ gridArea: 'cause', fontWeight: theme.typography.fontWeightMedium, whiteSpace: 'nowrap' }),
  meta: css({
    gridArea: 'meta',
    color: theme.colors.text.secondary,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  }),
  labels: css({ gridArea: 'labels', color: theme.colors.text.secondary, overflowWrap: 'anywhere' }),
});
