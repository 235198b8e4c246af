import { PanelPlugin } from '@grafana/data';

import { migrateOomCountdownOptions } from './migrations';
import { OomCountdownPanel } from './OomCountdownPanel';
import { defaultOomCountdownOptions, type OomCountdownPanelOptions } from './types';

export const plugin = new PanelPlugin<OomCountdownPanelOptions>(OomCountdownPanel)
  .setMigrationHandler(migrateOomCountdownOptions)
  .setPanelOptions((builder) =>
    builder
      .addNumberInput({
        path: 'warningSeconds',
        name: 'Warning at (seconds left)',
        description:
          'At or under this many seconds left until the memory limit, an instance shows as warning (orange) even if ' +
          "the data source says OK. The stricter of the data source's state and the thresholds wins, judged on " +
          'the live countdown.',
        defaultValue: defaultOomCountdownOptions.warningSeconds,
        settings: { min: 1, integer: true },
      })
      .addNumberInput({
        path: 'imminentSeconds',
        name: 'Imminent at (seconds left)',
        description:
          'At or under this many seconds left, an instance shows as imminent (the whole tile turns red) even if the ' +
          'data source says OK or warning. The stricter wins. Neither threshold applies without a limit or a sample.',
        defaultValue: defaultOomCountdownOptions.imminentSeconds,
        settings: { min: 1, integer: true },
      })
      .addBooleanSwitch({
        path: 'showSparkline',
        name: 'Trajectory',
        description:
          'Under each countdown, memory used, the limit (and GOMEMLIMIT), the forecast and its band, when the tile has room',
        defaultValue: defaultOomCountdownOptions.showSparkline,
      })
  );
