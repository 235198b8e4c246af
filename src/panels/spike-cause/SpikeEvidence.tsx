import { css } from '@emotion/css';
import { type GrafanaTheme2, locationUtil } from '@grafana/data';
import type { TimeZone } from '@grafana/schema';
import { LinkButton, useStyles2 } from '@grafana/ui';
import React from 'react';

import type { CauseColorOf } from './causeColors';
import { causeLabel } from './causes';
import type { ExploreLink } from './exploreLink';
import { formatConfidence, formatLabels, formatSeconds, formatSignalValue, formatSpan, formatZ } from './format';
import type { SpikeRecord } from './readFrames';
import { spikeTestIds } from './testIds';

interface Props {
  event: SpikeRecord;
  link: ExploreLink;
  colorOf: CauseColorOf;
  timeZone: TimeZone;
}

/** Why one event got its verdict: the evidence, what remains possible, and how to find out. */
export function SpikeEvidence({ event, link, colorOf, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const evidence = [...event.evidence].sort((a, b) => (b.z ?? -Infinity) - (a.z ?? -Infinity));
  return (
    <section className={styles.box} data-testid={spikeTestIds.evidence} aria-label="Spike evidence">
      <div className={styles.verdict}>
        <span className={styles.dot} style={{ background: colorOf(event.cause) }} />
        <strong data-testid={`${spikeTestIds.evidence}-cause`}>{causeLabel(event.cause)}</strong>
        <span className={styles.muted}>
          {event.kind} · confidence {formatConfidence(event.confidence)}
        </span>
      </div>
      <div className={styles.muted}>{formatSpan(event.startMs, event.endMs, timeZone)}</div>
      <div>
        P99 {formatSeconds(event.peak)} against a baseline of {formatSeconds(event.baseline)}
      </div>
      {Object.keys(event.labels).length > 0 && <div className={styles.wrap}>{formatLabels(event.labels)}</div>}
      {event.explanation && <p className={styles.explanation}>{event.explanation}</p>}
      {event.problems.map((p) => (
        <div key={p} className={styles.warning}>
          {p}
        </div>
      ))}
      {evidence.length > 0 ? (
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Signal</th>
              <th>Baseline</th>
              <th>Value</th>
              <th>z</th>
            </tr>
          </thead>
          <tbody>
            {evidence.map((row, i) => (
              <tr key={`${row.signal}-${i}`} data-testid={spikeTestIds.evidenceRow}>
                <td className={styles.wrap}>
                  {row.signal}
                  {row.cause && <span className={styles.muted}> ({causeLabel(row.cause)})</span>}
                </td>
                <td>{formatSignalValue(row.signal, row.baseline)}</td>
                <td>{formatSignalValue(row.signal, row.value)}</td>
                <td>{formatZ(row.z)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className={styles.muted}>No cause signal could be judged for this event.</div>
      )}
      {event.possibleCauses.length > 0 && (
        <div className={styles.wrap}>Possible causes: {event.possibleCauses.map(causeLabel).join(', ')}</div>
      )}
      {event.suggestedProfiles.length > 0 && (
        <div className={styles.wrap}>Profiles that would tell them apart: {event.suggestedProfiles.join(', ')}</div>
      )}
      {link.kind === 'link' ? (
        <div>
          <LinkButton
            href={locationUtil.assureBaseUrl(link.href)}
            icon="compass"
            size="sm"
            variant="secondary"
            fill="outline"
            data-testid={spikeTestIds.exploreLink}
          >
            {link.text}
          </LinkButton>
        </div>
      ) : (
        <div className={styles.muted}>{link.reason}</div>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.75),
    fontSize: theme.typography.bodySmall.fontSize,
    minWidth: 0,
  }),
  verdict: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontSize: theme.typography.body.fontSize,
  }),
  dot: css({ width: 12, height: 12, borderRadius: '50%', flexShrink: 0 }),
  muted: css({ color: theme.colors.text.secondary }),
  wrap: css({ overflowWrap: 'anywhere' }),
  explanation: css({ margin: 0, overflowWrap: 'anywhere' }),
  warning: css({ color: theme.colors.warning.text }),
  table: css({
    borderCollapse: 'collapse',
    width: '100%',
    'th, td': {
      padding: theme.spacing(0.25, 1, 0.25, 0),
      textAlign: 'right',
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      fontVariantNumeric: 'tabular-nums',
    },
    'th:first-child, td:first-child': { textAlign: 'left' },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
});
