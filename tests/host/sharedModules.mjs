// The modules a Grafana plugin does not bundle: create-plugin marks them external
// (.config/bundler/externals.ts) and Grafana hands them to the plugin through SystemJS
// (public/app/features/plugins/loader/sharedDependencies.ts in grafana/grafana).
//
// `from`: the npm package in node_modules the host page takes the module from (build.mjs provides it
// only when it resolves there). `wrap`: how Grafana shapes what it hands over (see shell/shared.ts).
// `eager`: evaluated at page start; the others load on first import, as Grafana's lazy ones do.
export const SHARED = [
  { id: 'react', from: 'react', eager: true },
  { id: 'react/jsx-runtime', from: 'react/jsx-runtime', eager: true },
  { id: 'react/jsx-dev-runtime', from: 'react/jsx-dev-runtime' },
  { id: 'react-dom', from: 'react-dom', eager: true },
  { id: '@grafana/data', from: '@grafana/data', eager: true },
  { id: '@grafana/data/unstable', from: '@grafana/data/unstable' },
  { id: '@grafana/ui', from: '@grafana/ui', eager: true, wrap: 'grafanaUi' },
  { id: '@grafana/ui/unstable', from: '@grafana/ui/unstable' },
  { id: '@grafana/runtime', from: '@grafana/runtime', eager: true },
  { id: '@grafana/runtime/unstable', from: '@grafana/runtime/unstable' },
  { id: 'rxjs', from: 'rxjs', eager: true },
  { id: '@emotion/css', from: '@emotion/css', eager: true },
  { id: 'emotion', from: '@emotion/css' },
  { id: '@emotion/react', from: '@emotion/react' },
  { id: 'lodash', from: 'lodash', wrap: 'lodash' },
  { id: 'moment', from: 'moment', wrap: 'useDefault' },
  { id: 'i18next', from: 'i18next', wrap: 'i18next' },
  // Grafana shares react-router-dom-v5-compat here (the v6 API re-exported); the host shares v6 itself.
  { id: 'react-router', from: 'react-router-dom' },
  { id: 'react-redux', from: 'react-redux' },
  { id: 'redux', from: 'redux' },
  { id: 'd3', from: 'd3' },
  { id: 'prismjs', from: 'prismjs' },
  { id: 'jquery', from: 'jquery', wrap: 'jquery' },
  { id: 'slate', from: 'slate' },
  { id: 'slate-plain-serializer', from: 'slate-plain-serializer' },
  { id: '@grafana/slate-react', from: 'slate-react' },
];

// Shared by Grafana 12 but never by this host page: importing one fails naming it (docs/host-page.md).
export const NOT_PROVIDED = {
  'jquery.flot': 'Grafana adds its flot plugins to jquery; the host page shares plain jquery only',
  'app/core/app_events': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/config': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/core': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/services/backend_srv': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/table_model': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/time_series': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/time_series2': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/utils/datemath': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/utils/flatten': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/utils/kbn': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/core/utils/ticks': 'a legacy Grafana core module (imported as grafana/app/...)',
  'app/features/dashboard/impression_store': 'a legacy Grafana core module (imported as grafana/app/...)',
  '@kusto/monaco-kusto': 'shared by Grafana for its Azure plugins, not external in create-plugin',
  'react-dom/client': 'shared by Grafana, but not external in create-plugin (plugins bundle it)',
  'react-dom/server': 'shared by Grafana, but not external in create-plugin (plugins bundle it)',
  'react-inlinesvg': 'shared by Grafana, but not external in create-plugin (plugins bundle it)',
  'react-router-dom': 'Grafana shares react-router-dom v5 here; not external in create-plugin',
  'rxjs/operators': 'shared by Grafana, but not external in create-plugin (plugins bundle it)',
  'slate-react': 'shared by Grafana, but not external in create-plugin (plugins bundle it)',
};
