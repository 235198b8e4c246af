/**
 * The plugin catalog validator's offline checks, applied to an unpacked archive. The validator
 * itself downloads a binary at run time, which cannot work everywhere, so these are checked here.
 * Each rule returns problems as sentences; an empty list means the archive passes.
 */
import fs from 'fs';
import path from 'path';
import semver from 'semver';

interface PluginJson {
  id?: string;
  type?: string;
  name?: string;
  info?: {
    version?: string;
    updated?: string;
    logos?: { small?: string; large?: string };
    screenshots?: Array<{ name?: string; path?: string }>;
  };
  includes?: Array<{ type?: string; path?: string }>;
  dependencies?: { grafanaDependency?: string };
}

const PLUGIN_TYPES = ['app', 'datasource', 'panel'];
const TEMPLATE_README = /Grafana (Panel|Data Source|Datasource|App|Data Source Backend) Plugin Template/i;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const UNSAFE_SVG = /<script|<foreignObject|\son[a-z]+\s*=|(?:xlink:)?href\s*=\s*["'](?!#)/i;
const TRACKING = /google-analytics\.com|googletagmanager\.com|segment\.io|hotjar\.com/;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** archive name and layout: <id>-<version>.zip with exactly one top folder named after the id. */
export function checkArchive(zipName: string, unpacked: string, rootJson: PluginJson): string[] {
  const problems: string[] = [];
  const top = fs.readdirSync(unpacked);
  if (top.length !== 1) {
    problems.push(`archive must hold exactly one top folder, found ${top.length}`);
  } else if (top[0] !== rootJson.id) {
    problems.push(`top folder "${top[0]}" is not the plugin id "${rootJson.id}"`);
  }
  if (zipName !== `${rootJson.id}-${rootJson.info?.version}.zip`) {
    problems.push(`archive name ${zipName} is not <id>-<version>.zip`);
  }
  return problems;
}

/** plugin.json rules that hold for the root and for every nested plugin. */
export function checkPluginJson(dir: string, rel: string, json: PluginJson, packageVersion: string): string[] {
  const problems: string[] = [];
  const where = `${rel}:`;
  const parts = (json.id ?? '').split('-');
  if (parts.length < 3) {
    problems.push(`${where} id "${json.id}" is not org-name-type`);
  }
  if (!PLUGIN_TYPES.includes(json.type ?? '')) {
    problems.push(`${where} type "${json.type}" is not one of ${PLUGIN_TYPES.join(', ')}`);
  } else if (parts[parts.length - 1] !== json.type) {
    problems.push(`${where} id "${json.id}" does not end with its type "${json.type}"`);
  }
  if (!json.name || json.name === json.id) {
    problems.push(`${where} name must be set and differ from the id`);
  }
  if (json.info?.version !== packageVersion) {
    problems.push(`${where} version ${json.info?.version} differs from package.json ${packageVersion}`);
  }
  if (!json.info?.updated || json.info.updated.includes('%')) {
    problems.push(`${where} info.updated is not filled in`);
  }
  for (const size of ['small', 'large'] as const) {
    const logo = json.info?.logos?.[size];
    if (!logo || !fs.existsSync(path.join(dir, logo))) {
      problems.push(`${where} ${size} logo "${logo}" missing`);
    }
  }
  for (const shot of json.info?.screenshots ?? []) {
    const file = path.join(dir, shot.path ?? '');
    if (!shot.path || !fs.existsSync(file) || !fs.readFileSync(file).subarray(0, 4).equals(PNG)) {
      problems.push(`${where} screenshot "${shot.path}" is not a PNG in the archive`);
    }
  }
  const range = json.dependencies?.grafanaDependency ?? '';
  if (!semver.validRange(range)) {
    problems.push(`${where} grafanaDependency "${range}" is not a valid range`);
  } else if (/^\d+\.\d+\.\d+$/.test(range.trim())) {
    problems.push(`${where} grafanaDependency "${range}" pins one version (too restrictive)`);
  }
  for (const file of ['module.js', 'module.js.map']) {
    if (!fs.existsSync(path.join(dir, file))) {
      problems.push(`${where} ${file} missing beside it`);
    }
  }
  return problems;
}

/** Every nested plugin.json is declared by path with the same type, and only an app nests. */
export function checkNesting(root: PluginJson, nested: Record<string, PluginJson>): string[] {
  const problems: string[] = [];
  if (Object.keys(nested).length > 0 && root.type !== 'app') {
    problems.push('only an app plugin may nest plugins');
  }
  for (const [rel, json] of Object.entries(nested)) {
    const include = root.includes?.find((i) => i.path === rel);
    if (!include) {
      problems.push(`nested ${rel} is not declared in the root includes`);
    } else if (include.type !== json.type) {
      problems.push(`nested ${rel} declared as ${include.type} but is ${json.type}`);
    }
  }
  for (const include of root.includes ?? []) {
    if (include.path && include.path.endsWith('plugin.json') && !nested[include.path]) {
      problems.push(`root includes ${include.path}, which is not in the archive`);
    }
  }
  return problems;
}

/** Files every archive needs, and content rules over the whole tree. */
export function checkContents(pluginDir: string, rootJson: PluginJson): string[] {
  const problems: string[] = [];
  for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (!fs.existsSync(path.join(pluginDir, file))) {
      problems.push(`${file} missing`);
    }
  }
  const readme = path.join(pluginDir, 'README.md');
  if (fs.existsSync(readme) && TEMPLATE_README.test(fs.readFileSync(readme, 'utf8'))) {
    problems.push('README.md is still the create-plugin template');
  }
  const license = path.join(pluginDir, 'LICENSE');
  if (fs.existsSync(license) && !/Apache License|MIT License|BSD|GNU (Affero |Lesser )?General Public/.test(fs.readFileSync(license, 'utf8'))) {
    problems.push('LICENSE is not BSD, MIT, Apache 2.0, LGPL3, GPL3 or AGPL3');
  }
  if ((rootJson.info?.screenshots ?? []).length === 0) {
    problems.push('no screenshots declared for the catalog');
  }
  for (const file of walk(pluginDir)) {
    const rel = path.relative(pluginDir, file);
    if (file.endsWith('.svg') && UNSAFE_SVG.test(fs.readFileSync(file, 'utf8'))) {
      problems.push(`${rel} has scripts, event handlers or external links`);
    }
    if (file.endsWith('.js') && TRACKING.test(fs.readFileSync(file, 'utf8'))) {
      problems.push(`${rel} loads a tracking script`);
    }
  }
  return problems;
}

/** create-plugin tooling, never the deprecated toolkit. */
export function checkBuildTools(packageJson: { dependencies?: object; devDependencies?: object; scripts?: object }): string[] {
  const all = { ...packageJson.dependencies, ...packageJson.devDependencies };
  const problems: string[] = [];
  if ('@grafana/toolkit' in all || JSON.stringify(packageJson.scripts ?? {}).includes('grafana-toolkit')) {
    problems.push('uses the deprecated @grafana/toolkit');
  }
  return problems;
}

/** All rules over one unpacked archive. */
export function checkUnpackedArchive(zipName: string, unpacked: string, packageJson: { version: string }): string[] {
  const [top] = fs.readdirSync(unpacked);
  const pluginDir = path.join(unpacked, top ?? '');
  const readJson = (rel: string): PluginJson => JSON.parse(fs.readFileSync(path.join(pluginDir, rel), 'utf8'));
  const root = readJson('plugin.json');
  const nested: Record<string, PluginJson> = {};
  for (const file of walk(pluginDir)) {
    const rel = path.relative(pluginDir, file);
    if (path.basename(rel) === 'plugin.json' && rel !== 'plugin.json') {
      nested[rel] = readJson(rel);
    }
  }
  const problems = [
    ...checkArchive(zipName, unpacked, root),
    ...checkPluginJson(pluginDir, 'plugin.json', root, packageJson.version),
    ...Object.entries(nested).flatMap(([rel, json]) =>
      checkPluginJson(path.join(pluginDir, path.dirname(rel)), rel, json, packageJson.version)
    ),
    ...checkNesting(root, nested),
    ...checkContents(pluginDir, root),
  ];
  return problems;
}
