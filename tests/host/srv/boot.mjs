// What Grafana's index.html and /api/frontend/settings give the browser: window.grafanaBootData
// (settings with the datasources map, buildInfo, the signed-in user) built from the current settings.
export const GRAFANA_VERSION = '12.4.10';

export function frontendSettings({ store, plugins, origin }) {
  const byId = Object.fromEntries(plugins.map((p) => [p.id, p]));
  const datasources = {};
  for (const ds of store.list()) {
    datasources[ds.name] = store.instanceSettings(
      ds,
      byId[ds.type]?.meta ?? { id: ds.type, type: 'datasource', info: {} }
    );
  }
  const panels = {};
  const apps = {};
  for (const p of plugins) {
    const common = {
      id: p.id,
      name: p.meta.name,
      info: p.meta.info,
      module: p.meta.module,
      baseUrl: p.meta.baseUrl,
      angular: p.meta.angular,
      loadingStrategy: p.meta.loadingStrategy,
    };
    if (p.type === 'panel') {
      panels[p.id] = {
        ...common,
        type: 'panel',
        sort: 100,
        skipDataQuery: !!p.meta.skipDataQuery,
        hideFromList: false,
        signature: 'unsigned',
      };
    }
    if (p.type === 'app') {
      apps[p.id] = {
        ...common,
        path: p.meta.module,
        version: p.meta.info?.version,
        preload: !!p.meta.preload,
        extensions: {
          addedLinks: [],
          addedComponents: [],
          exposedComponents: [],
          extensionPoints: [],
          addedFunctions: [],
        },
        dependencies: p.meta.dependencies ?? {},
      };
    }
  }
  const defaultDs = store.list().find((ds) => ds.isDefault) ?? store.list()[0];
  return {
    appUrl: `${origin}/`,
    appSubUrl: '',
    datasources,
    defaultDatasource: defaultDs?.name ?? '',
    panels,
    apps,
    buildInfo: {
      version: GRAFANA_VERSION,
      commit: 'host-page',
      env: 'production',
      edition: 'Open Source',
      latestVersion: '',
      hasUpdate: false,
      hideVersion: false,
    },
    featureToggles: {},
    liveEnabled: false,
    exploreEnabled: true,
    unifiedAlertingEnabled: false,
    dateFormats: undefined,
  };
}

/** /host/boot.js; the theme comes from the page's ?theme= (dark unless light). */
export function bootScript(context) {
  const bootData = {
    assets: { dark: '', light: '' },
    navTree: [],
    settings: frontendSettings(context),
    user: {
      id: 1,
      uid: 'host-admin',
      login: 'admin',
      email: 'admin@localhost',
      name: 'Admin',
      orgId: 1,
      orgName: 'Main Org.',
      orgRole: 'Admin',
      isGrafanaAdmin: true,
      isSignedIn: true,
      theme: 'dark',
      lightTheme: false,
      timezone: 'browser',
      weekStart: 'browser',
      locale: 'en-US',
      language: 'en-US',
      regionalFormat: 'en-US',
      helpFlags1: 0,
      hasEditPermissionInFolders: true,
      permissions: {},
      analytics: { identifier: 'host' },
      authenticatedBy: 'password',
    },
  };
  return `(function () {
  var bootData = ${JSON.stringify(bootData)};
  var light = new URLSearchParams(window.location.search).get('theme') === 'light';
  bootData.user.theme = light ? 'light' : 'dark';
  bootData.user.lightTheme = light;
  window.grafanaBootData = bootData;
  window.__hostPlugins = ${JSON.stringify(context.plugins)};
})();
`;
}
