import type { PanelModel } from '@grafana/data';

import { migrateOomCountdownOptions } from './migrations';
import { defaultOomCountdownOptions, OOM_PANEL_SCHEMA_VERSION, type OomCountdownPanelOptions } from './types';

const panel = (options: Partial<OomCountdownPanelOptions> | undefined) =>
  ({ id: 1, options, fieldConfig: { defaults: {}, overrides: [] } }) as unknown as PanelModel<
    Partial<OomCountdownPanelOptions>
  >;

describe('migrateOomCountdownOptions', () => {
  it('fills the defaults under saved options and stamps the schema version', () => {
    expect(migrateOomCountdownOptions(panel(undefined))).toEqual(defaultOomCountdownOptions);
    expect(migrateOomCountdownOptions(panel({ imminentSeconds: 10, schemaVersion: 0 }))).toEqual({
      ...defaultOomCountdownOptions,
      imminentSeconds: 10,
      schemaVersion: OOM_PANEL_SCHEMA_VERSION,
    });
  });
});
