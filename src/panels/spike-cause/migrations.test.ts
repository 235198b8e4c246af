import type { PanelModel } from '@grafana/data';

import { migrateSpikeCauseOptions } from './migrations';
import { defaultSpikeCauseOptions, SPIKE_PANEL_SCHEMA_VERSION, type SpikeCausePanelOptions } from './types';

const panel = (options: Partial<SpikeCausePanelOptions> | undefined) =>
  ({ id: 1, options, fieldConfig: { defaults: {}, overrides: [] } }) as unknown as PanelModel<
    Partial<SpikeCausePanelOptions>
  >;

describe('migrateSpikeCauseOptions', () => {
  it('fills the defaults under saved options and stamps the schema version', () => {
    expect(migrateSpikeCauseOptions(panel(undefined))).toEqual(defaultSpikeCauseOptions);
    expect(migrateSpikeCauseOptions(panel({ showRegressions: false }))).toEqual({
      ...defaultSpikeCauseOptions,
      showRegressions: false,
      schemaVersion: SPIKE_PANEL_SCHEMA_VERSION,
    });
  });
});
