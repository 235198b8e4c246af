import type { GrafanaTheme2 } from '@grafana/data';
import { css } from '@emotion/css';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { PluginId } from '../shared/ids';
import { testIds } from '../shared/testIds';

/** Landing page of the app: what is installed and where to start. */
export function OverviewPage() {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.page} data-testid={testIds.app.overview}>
      <h2>Go Stability</h2>
      <p>Answers for Go services, from the Prometheus you already run:</p>
      <ul>
        <li>Why did P99 latency spike? The spike-cause panel marks each spike with its cause.</li>
        <li>Is a goroutine or connection leaking, and where?</li>
        <li>When will this pod be OOM-killed? The OOM countdown panel counts down to the limit.</li>
      </ul>
      <p>
        Start by adding a data source of type <code>{PluginId.DataSource}</code> pointing at Prometheus, then
        add the <code>{PluginId.SpikeCausePanel}</code> and <code>{PluginId.OomCountdownPanel}</code> panels to a
        dashboard.
      </p>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ padding: theme.spacing(2), maxWidth: 900 }),
});
