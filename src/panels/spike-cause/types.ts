/** Version of the saved panel options; bump it with a step in migrations.ts. */
export const SPIKE_PANEL_SCHEMA_VERSION = 1;

export interface SpikeCausePanelOptions {
  /** Saved-model version, for migrations. */
  schemaVersion: number;
  /** Show the per-cause breakdown beside the chart. */
  showBreakdown: boolean;
  /** Include sustained regressions, not only short spikes. */
  showRegressions: boolean;
}

export const defaultSpikeCauseOptions: SpikeCausePanelOptions = {
  schemaVersion: SPIKE_PANEL_SCHEMA_VERSION,
  showBreakdown: true,
  showRegressions: true,
};
