// The host page's server: the page and its bundles, dist/ under /public/plugins/<app id>/, Grafana's
// data source API and data source proxy emulated over settings held in memory. 127.0.0.1 only.
//
//   node tests/host/server.mjs [--port 3001] [--dist dist] [--settings file.json]
//        [--ds-uid uid] [--ds-name name] [--ds-url http://prometheus:9090]
//        [--ds-json-data '{"k":"v"}'] [--ds-secure-json-data '{"k":"v"}'] [--proxy-timeout-ms 30000]
//
// The settings file holds {"datasources": [{uid, name, url, jsonData, secureJsonData, basicAuth, ...}]}.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { handleApi } from './srv/api.mjs';
import { bootScript } from './srv/boot.mjs';
import { scanPlugins } from './srv/plugins.mjs';
import { createProxy } from './srv/proxy.mjs';
import { DataSourceStore } from './srv/settings.mjs';
import { sendJson, serveFile } from './srv/static.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    dist: { type: 'string', default: join(root, 'dist') },
    settings: { type: 'string' },
    'ds-uid': { type: 'string' },
    'ds-name': { type: 'string' },
    'ds-url': { type: 'string' },
    'ds-json-data': { type: 'string' },
    'ds-secure-json-data': { type: 'string' },
    'proxy-timeout-ms': { type: 'string', default: '30000' },
  },
});

const distDir = resolve(args.dist);
const { appId, plugins } = scanPlugins(distDir);
const dsPlugin = plugins.find((p) => p.type === 'datasource');

function initialDataSources() {
  let list = [{}];
  if (args.settings) {
    const json = JSON.parse(readFileSync(args.settings, 'utf8'));
    list = Array.isArray(json) ? json : (json.datasources ?? [json]);
  }
  const first = { ...list[0] };
  first.uid = args['ds-uid'] ?? first.uid ?? 'gosre-stability';
  first.name = args['ds-name'] ?? first.name ?? dsPlugin?.meta.name ?? 'Data source';
  first.url = args['ds-url'] ?? first.url ?? 'http://127.0.0.1:9090';
  first.jsonData = args['ds-json-data'] ? JSON.parse(args['ds-json-data']) : first.jsonData;
  first.secureJsonData = args['ds-secure-json-data'] ? JSON.parse(args['ds-secure-json-data']) : first.secureJsonData;
  return [first, ...list.slice(1)];
}

const store = new DataSourceStore(initialDataSources(), dsPlugin?.id);
const routesFor = (type) => plugins.find((p) => p.id === type)?.meta.routes ?? [];
const proxy = createProxy({ store, routesFor, timeoutMs: Number(args['proxy-timeout-ms']) });

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://host');
  const rawPath = (req.url ?? '/').split('?')[0];
  const path = decodeURIComponent(url.pathname);
  const context = { store, plugins, origin: `http://${req.headers.host}` };
  try {
    let m;
    if ((m = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/?(.*)$/.exec(rawPath))) {
      return proxy(req, res, decodeURIComponent(m[1]), m[2], url.search);
    }
    if (path.startsWith('/api/')) {
      return await handleApi(req, res, path.slice('/api/'.length), context);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, { message: 'Method not allowed' });
    }
    if (path === '/host/boot.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(bootScript(context));
    }
    if (path.startsWith('/public/fonts/')) {
      // Grafana ships Inter and Roboto Mono; no npm package does. An empty answer: system fonts.
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      return res.end();
    }
    const served =
      (path === '/' || path === '/index.html' ? serveFile(res, here, 'index.html', req.method) : false) ||
      (path.startsWith(`/public/plugins/${appId}/`) &&
        serveFile(res, distDir, path.slice(`/public/plugins/${appId}/`.length), req.method)) ||
      (path.startsWith('/public/build/img/icons/') &&
        serveFile(
          res,
          join(root, 'node_modules/@grafana/ui/dist/public/img/icons'),
          path.slice('/public/build/img/icons/'.length),
          req.method
        )) ||
      (path.startsWith('/host/build/') &&
        serveFile(res, join(here, '.build'), path.slice('/host/build/'.length), req.method)) ||
      (path.startsWith('/host/vendor/systemjs/') &&
        serveFile(
          res,
          join(root, 'node_modules/systemjs/dist'),
          path.slice('/host/vendor/systemjs/'.length),
          req.method
        ));
    if (!served) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    }
  } catch (err) {
    console.error(err);
    if (!res.headersSent) {
      sendJson(res, 500, { message: String(err?.message ?? err) });
    }
  }
});

server.listen(Number(args.port), '127.0.0.1', () => {
  console.log(`host page listening on http://127.0.0.1:${server.address().port}/ (app ${appId}, dist ${args.dist})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections());
}
