/** Plugin ids: `<org>-<name>-<type>`, fixed once published. */
export const PluginId = {
  App: 'gosre-stability-app',
  DataSource: 'gosre-stability-datasource',
  SpikeCausePanel: 'gosre-spikecause-panel',
  OomCountdownPanel: 'gosre-oomcountdown-panel',
} as const;
