/** Version of the saved panel options; bump it with a step in migrations.ts. */
export const OOM_PANEL_SCHEMA_VERSION = 1;

export interface OomCountdownPanelOptions {
  /** Saved-model version, for migrations. */
  schemaVersion: number;
  /** At or under this many seconds left the instance shows as warning. */
  warningSeconds: number;
  /** At or under this many seconds left the instance shows as imminent. */
  imminentSeconds: number;
  /** Draw the forecast trajectory with its band under each countdown. */
  showSparkline: boolean;
}

export const defaultOomCountdownOptions: OomCountdownPanelOptions = {
  schemaVersion: OOM_PANEL_SCHEMA_VERSION,
  warningSeconds: 300,
  imminentSeconds: 30,
  showSparkline: true,
};
