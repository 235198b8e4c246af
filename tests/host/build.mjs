// Bundles the host page (shell/index.tsx) and the modules Grafana shares with plugins into
// tests/host/.build/, for the browser end-to-end tests. Usage: node tests/host/build.mjs
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { NOT_PROVIDED, SHARED } from './sharedModules.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outdir = join(here, '.build');

// `host:shared` is generated: every shared module that resolves in node_modules, eager ones imported
// statically, lazy ones as dynamic imports (their own chunks); the others listed as missing.
const sharedTablePlugin = {
  name: 'host-shared-table',
  setup(build) {
    build.onResolve({ filter: /^host:shared$/ }, () => ({ path: 'shared', namespace: 'host' }));
    // @grafana/i18n keeps Grafana's own i18n setup out of its package exports; Grafana imports it
    // from its source tree, the host from the same dist file @grafana/i18n's index uses.
    build.onResolve({ filter: /^host:i18n-internal$/ }, () => ({
      path: join(root, 'node_modules/@grafana/i18n/dist/esm/i18n.mjs'),
    }));
    build.onLoad({ filter: /.*/, namespace: 'host' }, async () => {
      const head = [];
      const entries = [];
      const missing = {};
      for (const [i, m] of SHARED.entries()) {
        const found = await build.resolve(m.from, { kind: 'import-statement', resolveDir: root });
        if (found.errors.length > 0) {
          missing[m.id] = `npm package "${m.from}" is not installed in node_modules`;
          continue;
        }
        const spec = JSON.stringify(m.from);
        if (m.eager) {
          head.push(`import * as m${i} from ${spec};`);
        }
        const load = m.eager ? `m${i}` : `() => import(${spec})`;
        entries.push(`  ${JSON.stringify(m.id)}: { load: ${load}, wrap: ${JSON.stringify(m.wrap ?? null)} },`);
      }
      const contents = [
        ...head,
        `export const table = {\n${entries.join('\n')}\n};`,
        `export const missing = ${JSON.stringify(missing)};`,
        `export const notProvided = ${JSON.stringify(NOT_PROVIDED)};`,
      ].join('\n');
      return { contents, resolveDir: root, loader: 'js' };
    });
  },
};

export async function buildHost() {
  rmSync(outdir, { recursive: true, force: true });
  const started = Date.now();
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { shell: join(here, 'shell/index.tsx') },
    outdir,
    bundle: true,
    format: 'esm',
    splitting: true,
    // Not .js: ESLint lints every .js file under the repository and would choke on megabytes of bundle.
    outExtension: { '.js': '.jsm' },
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    // Not the repository's tsconfig (classic JSX, for the plugin's webpack build).
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', strict: true } },
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"production"',
      'process.env': '{}',
      global: 'globalThis',
      // UMD packages (lodash among them) would register with SystemJS's AMD define if they saw it.
      define: 'undefined',
    },
    loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file' },
    plugins: [sharedTablePlugin],
  });
  console.log(`host page bundled into tests/host/.build in ${Date.now() - started} ms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildHost();
}
