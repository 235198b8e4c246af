import type { PanelModel } from '@grafana/data';

import { defaultSpikeCauseOptions, SPIKE_PANEL_SCHEMA_VERSION, type SpikeCausePanelOptions } from './types';

/** Called by Grafana when a saved panel's plugin version differs from the installed one. */
export function migrateSpikeCauseOptions(panel: PanelModel<Partial<SpikeCausePanelOptions>>): SpikeCausePanelOptions {
  const saved = panel.options ?? {};
  return { ...defaultSpikeCauseOptions, ...saved, schemaVersion: SPIKE_PANEL_SCHEMA_VERSION };
}
