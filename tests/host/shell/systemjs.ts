// SystemJS set up the way Grafana's pluginLoader / systemjsHooks do it: shared modules registered
// under `package:<name>` and an import map from the bare names; plugin module.js files loaded by
// <script> tag (Grafana's "script" loading strategy for create-plugin builds); a cache-busting
// `_cache` query on module.js. Differences: a module that is not shared fails loudly here.
import { type Namespace, type SharedModule, whyNotShared } from './shared';

interface SystemJS {
  constructor: { prototype: SystemJSPrototype };
  set(id: string, ns: Namespace): void;
  register(id: string, deps: string[], declare: (e: (ns: Namespace) => void) => { execute(): unknown }): void;
  addImportMap(map: { imports: Record<string, string> }): void;
  getRegister(): unknown;
  import(id: string): Promise<Namespace>;
  resolve(id: string, parentUrl?: string): string;
}
interface SystemJSPrototype {
  resolve(this: SystemJS, id: string, parentUrl?: string): string;
  import(this: SystemJS, id: string, parentUrl?: string): Promise<Namespace>;
  shouldFetch(url: string): boolean;
}

const PREFIX = 'package';
const JS_URL = /^[^#?]+\.js([?#].*)?$/;

export const System = (): SystemJS => (window as unknown as { System: SystemJS }).System;

/** Plugin versions by module URL, for the `_cache` query Grafana adds (pluginInfoCache). */
const versions = new Map<string, string>();
const startedAt = Date.now().toString();
export function registerPluginVersion(moduleUrl: string, version: string) {
  versions.set(new URL(moduleUrl, document.baseURI).href, version);
}

function loud(message: string): Error {
  const err = new Error(`[host page] ${message}`);
  console.error(err.message);
  return err;
}

export function installSystemJs(shared: Record<string, SharedModule>) {
  const system = System();
  if (!system) {
    throw loud('SystemJS is not loaded: index.html must load system.js, extras/amd.js and named-register.js');
  }
  const imports: Record<string, string> = {};
  for (const [name, mod] of Object.entries(shared)) {
    const id = `${PREFIX}:${name}`;
    if (typeof mod === 'function') {
      system.register(id, [], (exp) => ({ execute: async () => exp(await mod()) }));
    } else {
      system.set(id, mod);
    }
    imports[name] = id;
  }
  system.getRegister(); // drop the last anonymous registration so no script load picks it up
  system.addImportMap({ imports });

  const proto = system.constructor.prototype;
  proto.shouldFetch = (url) => !JS_URL.test(url);

  const originalImport = proto.import;
  proto.import = function (id, parentUrl) {
    return originalImport.call(this, id, parentUrl).then((m) => (m && m.__useDefault ? (m.default as Namespace) : m));
  };

  const originalResolve = proto.resolve;
  proto.resolve = function (id, parentUrl) {
    const from = parentUrl ? ` (imported by ${parentUrl})` : '';
    const why = whyNotShared(id);
    if (why) {
      throw loud(
        `"${id}"${from} is a module Grafana shares with plugins, but this host page does not provide it: ${why}. See docs/host-page.md.`
      );
    }
    let url: string;
    try {
      url = originalResolve.call(this, id, parentUrl);
    } catch {
      throw loud(`"${id}"${from} is not a module Grafana shares with plugins: the plugin must bundle it.`);
    }
    if (url.includes('/public/plugins/') && url.endsWith('/module.js')) {
      return `${url}?_cache=${versions.get(url) ?? startedAt}`;
    }
    return url;
  };
}
