// window.__host: what the Playwright tests drive. Every call returns plain JSON unless noted.
import {
  AppPlugin,
  CoreApp,
  type DataQuery,
  type DataSourceApi,
  DataSourcePlugin,
  type DataSourceSettings,
  type GrafanaPlugin,
  PanelPlugin,
  type RawTimeRange,
  type ScopedVars,
} from '@grafana/data';
import { type BackendSrvRequest, getBackendSrv, getTemplateSrv } from '@grafana/runtime';
import { createElement } from 'react';
import { lastValueFrom } from 'rxjs';

import { appView } from './AppHost';
import { ConfigEditorHost } from './ConfigEditorHost';
import { dataSource, ourDataSourceUid } from './dataSources';
import { type PanelInput, renderPanel } from './panelView';
import { findPlugin, hostPlugins, importModule, loadPlugin } from './plugins';
import { QueryEditorHost } from './QueryEditorHost';
import { buildRequest, type RequestOptions, runToEnd, setTimeRange } from './request';
import { mount, unmount } from './Root';
import { panelDataJson } from './serialize';
import { missingShared, sharedIds } from './shared';
import type { HostTemplateSrv, HostVariable } from './templateSrv';
import { runVariableQuery } from './variables';
import { VariableEditorHost } from './VariableEditorHost';

declare global {
  interface Window {
    /** The test API, set once the host page has booted (body[data-host-ready="true"]). */
    __host: ReturnType<typeof createHostApi>;
    __hostEchoEvents?: unknown[];
  }
}

/** What the views last reported, for the tests to read. */
const state: Record<string, unknown> = {};

function pluginKind(plugin: unknown): string {
  if (plugin instanceof AppPlugin) {
    return 'AppPlugin';
  }
  if (plugin instanceof DataSourcePlugin) {
    return 'DataSourcePlugin';
  }
  if (plugin instanceof PanelPlugin) {
    return 'PanelPlugin';
  }
  return 'unknown';
}

async function fetchJson(options: BackendSrvRequest) {
  try {
    const r = await lastValueFrom(getBackendSrv().fetch(options));
    const data = r.data instanceof ArrayBuffer ? { arrayBuffer: Array.from(new Uint8Array(r.data)) } : r.data;
    return {
      ok: true,
      status: r.status,
      statusText: r.statusText,
      data,
      headers: Object.fromEntries(r.headers.entries()),
    };
  } catch (e) {
    const err = e as { status?: number; statusText?: string; data?: unknown; cancelled?: boolean; message?: string };
    return {
      ok: false,
      error: JSON.parse(
        JSON.stringify({
          status: err.status,
          statusText: err.statusText,
          data: err.data,
          cancelled: err.cancelled,
          message: err.message,
        })
      ),
    };
  }
}

export function createHostApi(templateSrv: HostTemplateSrv) {
  return {
    plugins: () => hostPlugins().map((p) => ({ id: p.id, type: p.type, dir: p.dir, module: p.meta.module })),
    sharedModules: () => ({ provided: sharedIds(), missing: missingShared() }),
    /** SystemJS.import of a module path: its export names, and its exports as JSON when they are plain. */
    importModule: async (path: string) => {
      const exports = await importModule(path);
      let json: unknown;
      try {
        json = JSON.parse(JSON.stringify(exports));
      } catch {
        json = undefined;
      }
      return { exports: Object.keys(exports), json };
    },
    /** In-page use: the loaded plugin object itself. */
    loadPlugin: (key: string): Promise<GrafanaPlugin> => loadPlugin(key),
    pluginKind,
    describePlugin: async (key: string) => {
      const plugin = await loadPlugin(key);
      return { kind: pluginKind(plugin), id: plugin.meta.id, module: findPlugin(key).meta.module };
    },
    getDataSource: dataSource,
    fetch: fetchJson,
    setVariables: (variables: HostVariable[]) => templateSrv.setVariables(variables),
    setTimeRange: (raw: RawTimeRange) => setTimeRange(raw),
    replace: (text: string, scopedVars?: ScopedVars, format?: string) =>
      getTemplateSrv().replace(text, scopedVars, format),
    runQuery: async (targets: DataQuery[], opts: RequestOptions & { datasourceUid?: string } = {}) => {
      const ds = await dataSource(opts.datasourceUid);
      return panelDataJson(await runToEnd(ds, buildRequest(ds, targets, opts)));
    },
    runVariableQuery: async (query: DataQuery, datasourceUid?: string) =>
      runVariableQuery(await dataSource(datasourceUid), query),
    mountConfigEditor: async (uid?: string) => {
      const settings = await getBackendSrv().get<DataSourceSettings>(
        `/api/datasources/uid/${uid ?? ourDataSourceUid()}`
      );
      const plugin = (await loadPlugin(settings.type)) as DataSourcePlugin<DataSourceApi>;
      state.configOptions = settings;
      mount(createElement(ConfigEditorHost, { plugin, initial: settings, onState: (o) => (state.configOptions = o) }));
    },
    mountQueryEditor: async (query: DataQuery, opts: { app?: CoreApp; datasourceUid?: string } = {}) => {
      const ds = await dataSource(opts.datasourceUid);
      state.query = query;
      mount(
        createElement(QueryEditorHost, {
          ds,
          initial: query,
          app: opts.app ?? CoreApp.Dashboard,
          onState: (q, d) => Object.assign(state, { query: q, queryResult: d ?? state.queryResult }),
        })
      );
    },
    mountVariableEditor: async (query: DataQuery, datasourceUid?: string) => {
      const ds = await dataSource(datasourceUid);
      state.variableQuery = query;
      mount(
        createElement(VariableEditorHost, {
          ds,
          initial: query,
          onState: (q, v) => Object.assign(state, { variableQuery: q, variableValues: v ?? state.variableValues }),
        })
      );
    },
    renderPanel: (key: string, input: PanelInput = {}) =>
      renderPanel(key, input, (o, fc) => Object.assign(state, { panelOptions: o, panelFieldConfig: fc })),
    renderApp: async () => {
      const plugin = (await loadPlugin('')) as unknown as AppPlugin;
      mount(await appView({ plugin }));
    },
    state: () => JSON.parse(JSON.stringify(state)),
    unmount,
  };
}
