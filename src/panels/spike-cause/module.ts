import { PanelPlugin } from '@grafana/data';

import { migrateSpikeCauseOptions } from './migrations';
import { SpikeCausePanel } from './SpikeCausePanel';
import { defaultSpikeCauseOptions, type SpikeCausePanelOptions } from './types';

export const plugin = new PanelPlugin<SpikeCausePanelOptions>(SpikeCausePanel)
  .setMigrationHandler(migrateSpikeCauseOptions)
  .setPanelOptions((builder) =>
    builder
      .addBooleanSwitch({
        path: 'showBreakdown',
        name: 'Cause breakdown',
        description: 'Count and share of spikes per cause beside the chart',
        defaultValue: defaultSpikeCauseOptions.showBreakdown,
      })
      .addBooleanSwitch({
        path: 'showRegressions',
        name: 'Sustained regressions',
        description: 'Also mark runs longer than a spike',
        defaultValue: defaultSpikeCauseOptions.showRegressions,
      })
  );
