// The plugins in dist/: the app's plugin.json and the nested ones (datasource/, panels/*/), with the
// meta Grafana's frontend settings give each (module and baseUrl under the app's folder, as Grafana
// serves nested plugins: public/plugins/<app id>/<folder>/module.js).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function pluginJsonFiles(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      pluginJsonFiles(path, found);
    } else if (name === 'plugin.json') {
      found.push(path);
    }
  }
  return found;
}

export function scanPlugins(distDir) {
  const appJsonFile = join(distDir, 'plugin.json');
  if (!existsSync(appJsonFile)) {
    throw new Error(`no plugin.json in ${distDir}: run "npm run build" first`);
  }
  const appId = readJson(appJsonFile).id;
  const plugins = pluginJsonFiles(distDir).map((file) => {
    const json = readJson(file);
    const dir = relative(distDir, join(file, '..')).split(sep).join('/');
    const baseUrl = ['public/plugins', appId, dir].filter(Boolean).join('/');
    const meta = {
      ...json,
      baseUrl,
      module: `${baseUrl}/module.js`,
      info: { ...json.info, logos: logos(json.info?.logos, baseUrl) },
      signature: 'unsigned',
      angular: { detected: false },
      loadingStrategy: 'script',
    };
    return { id: json.id, type: json.type, dir, meta, hasModule: existsSync(join(file, '..', 'module.js')) };
  });
  return { appId, plugins };
}

function logos(l, baseUrl) {
  return l ? { small: `${baseUrl}/${l.small}`, large: `${baseUrl}/${l.large}` } : l;
}
