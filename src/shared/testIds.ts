/** data-testid values used by the e2e tests; one place so the UI and tests cannot drift. */
export const testIds = {
  configEditor: {
    scrapeInterval: 'gosre-config-scrape-interval',
    pprofUrl: 'gosre-config-pprof-url',
    pprofPathTemplate: 'gosre-config-pprof-path',
    pprofAuthorization: 'gosre-config-pprof-auth',
  },
  queryEditor: {
    queryType: 'gosre-query-type',
    selector: 'gosre-query-selector',
  },
  variableEditor: {
    label: 'gosre-variable-label',
    selector: 'gosre-variable-selector',
  },
  panels: {
    wrongQueryType: 'gosre-panel-wrong-query-type',
    spikeCause: 'gosre-spikecause-panel',
    oomCountdown: 'gosre-oomcountdown-panel',
  },
  app: {
    overview: 'gosre-app-overview',
  },
} as const;
