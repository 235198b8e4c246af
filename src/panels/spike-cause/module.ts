import { FieldColorModeId, FieldConfigProperty, PanelPlugin } from '@grafana/data';

import { migrateSpikeCauseOptions } from './migrations';
import { SpikeCausePanel } from './SpikeCausePanel';
import { defaultSpikeCauseOptions, type SpikeCausePanelOptions } from './types';

export const plugin = new PanelPlugin<SpikeCausePanelOptions>(SpikeCausePanel)
  .setMigrationHandler(migrateSpikeCauseOptions)
  // Grafana's standard field options (unit, min/max, display name, overrides) on the P99 lines, one
  // palette colour per group as in the time series panel. Cause colours are fixed and not affected.
  .useFieldConfig({
    standardOptions: {
      [FieldConfigProperty.Color]: {
        defaultValue: { mode: FieldColorModeId.PaletteClassic },
        settings: { byValueSupport: false, bySeriesSupport: true, preferThresholdsMode: false },
      },
    },
  })
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
