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
        description: 'Instances with this much time left or less show as warning',
        defaultValue: defaultOomCountdownOptions.warningSeconds,
        settings: { min: 1, integer: true },
      })
      .addNumberInput({
        path: 'imminentSeconds',
        name: 'Imminent at (seconds left)',
        description: 'Instances with this much time left or less show as imminent',
        defaultValue: defaultOomCountdownOptions.imminentSeconds,
        settings: { min: 1, integer: true },
      })
      .addBooleanSwitch({
        path: 'showSparkline',
        name: 'Trajectory',
        description: 'Draw the forecast and its band under each countdown',
        defaultValue: defaultOomCountdownOptions.showSparkline,
      })
  );
