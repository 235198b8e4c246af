// What the host hands a plugin for each shared module, shaped the way Grafana's
// sharedDependencies.ts shapes it.
import { AppPlugin, DataSourceApi, DataSourcePlugin, PanelPlugin } from '@grafana/data';
import { getI18nInstance } from 'host:i18n-internal';
import { missing, notProvided, table } from 'host:shared';

export type Namespace = Record<string, unknown>;
export type SharedModule = Namespace | (() => Promise<Namespace>);

/** Grafana adds `move` to lodash for old plugins (app/core/utils/arrayMove). */
function arrayMove<T>(items: T[], from: number, to: number): T[] {
  const removed = items.splice(from, 1)[0];
  items.splice(to, 0, removed);
  return items;
}

const wrappers: Record<string, (m: Namespace) => Namespace> = {
  // Since 6.5 the plugin base classes live in @grafana/data; Grafana still exposes them on @grafana/ui.
  grafanaUi: (m) => ({ ...m, PanelPlugin, DataSourcePlugin, AppPlugin, DataSourceApi }),
  useDefault: (m) => ({ ...m, __useDefault: true }),
  lodash: (m) => ({ ...m, move: arrayMove, __useDefault: true }),
  jquery: (m) => ({ default: m.default ?? m, __useDefault: true }),
  // Plugins bundling @grafana/ui must share Grafana's i18next instance.
  i18next: () => getI18nInstance(),
};

export function sharedModules(): Record<string, SharedModule> {
  const out: Record<string, SharedModule> = {};
  for (const [id, { load, wrap }] of Object.entries(table)) {
    const shape = wrap ? wrappers[wrap] : (m: Namespace) => m;
    out[id] = typeof load === 'function' ? () => load().then(shape) : shape(load);
  }
  return out;
}

/** Why an id Grafana would resolve does not resolve here, or undefined. */
export function whyNotShared(id: string): string | undefined {
  if (id in missing) {
    return missing[id];
  }
  if (id in notProvided) {
    return notProvided[id];
  }
  if (id.startsWith('jquery.flot')) {
    return notProvided['jquery.flot'];
  }
  return undefined;
}

export const sharedIds = () => Object.keys(table);
export const missingShared = () => ({ ...missing });
