// Loads a built plugin the way Grafana's pluginLoader does: SystemJS.import of the module path from
// the plugin's meta, then `plugin.meta = meta` (and init(meta) for an app).
import type { AppPlugin, GrafanaPlugin, PluginMeta } from '@grafana/data';
import { config } from '@grafana/runtime';

import { registerPluginVersion, System } from './systemjs';

export interface HostPluginInfo {
  id: string;
  type: 'app' | 'datasource' | 'panel';
  /** Folder inside dist/: '' for the app, 'datasource', 'panels/spike-cause', ... */
  dir: string;
  meta: PluginMeta;
}

/** Written by the server into /host/boot.js, from the plugin.json files in dist/. */
export const hostPlugins = (): HostPluginInfo[] =>
  (window as unknown as { __hostPlugins?: HostPluginInfo[] }).__hostPlugins ?? [];

const clean = (p: string) => p.replace(/^\/+|\/+$/g, '');

export function findPlugin(key: string): HostPluginInfo {
  const found = hostPlugins().find(
    (p) => p.id === key || p.dir === clean(key) || clean(p.meta.module) === clean(key) || p.meta.baseUrl === clean(key)
  );
  if (!found) {
    const known = hostPlugins()
      .map((p) => `${p.dir || "''"} (${p.id})`)
      .join(', ');
    throw new Error(`[host page] no plugin "${key}" in dist/; known: ${known}`);
  }
  return found;
}

/** SystemJS.import of a module path as Grafana's resolveModulePath makes it (appSubUrl + path). */
export function importModule(path: string): Promise<Record<string, unknown>> {
  const url = /^(https?:)?\//.test(path) ? path : `${config.appSubUrl ?? ''}/${path}`;
  return System().import(url);
}

export async function loadPlugin(key: string): Promise<GrafanaPlugin> {
  const { meta, type } = findPlugin(key);
  registerPluginVersion(`${config.appSubUrl ?? ''}/${meta.module}`, meta.info.version);
  const exports = await importModule(meta.module);
  const plugin = exports.plugin as GrafanaPlugin | undefined;
  if (!plugin) {
    throw new Error(`[host page] ${meta.module} does not export "plugin"`);
  }
  if (type === 'app') {
    (plugin as AppPlugin).init(meta);
  }
  plugin.meta = meta;
  return plugin;
}
