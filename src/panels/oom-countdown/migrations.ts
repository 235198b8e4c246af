import type { PanelModel } from '@grafana/data';

import { defaultOomCountdownOptions, OOM_PANEL_SCHEMA_VERSION, type OomCountdownPanelOptions } from './types';

/** Called by Grafana when a saved panel's plugin version differs from the installed one. */
export function migrateOomCountdownOptions(
  panel: PanelModel<Partial<OomCountdownPanelOptions>>
): OomCountdownPanelOptions {
  const saved = panel.options ?? {};
  return { ...defaultOomCountdownOptions, ...saved, schemaVersion: OOM_PANEL_SCHEMA_VERSION };
}
