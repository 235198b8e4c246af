// Grafana's HTTP API, the few endpoints a plugin's frontend and the host page use.
import { frontendSettings } from './boot.mjs';
import { sendJson } from './static.mjs';

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** [status, body] for /api/<path> (the proxy aside), or undefined for a path it does not know. */
async function answer(req, path, { store, plugins, origin }) {
  const logoOf = (type) => plugins.find((p) => p.id === type)?.meta.info?.logos?.small ?? '';
  const get = req.method === 'GET';
  let m;
  if (path === 'frontend/settings' && get) {
    return [200, frontendSettings({ store, plugins, origin })];
  }
  if (path === 'datasources' && get) {
    return [200, store.list().map((ds) => store.dto(ds, logoOf(ds.type)))];
  }
  if ((m = /^datasources\/uid\/([^/]+)$/.exec(path))) {
    const uid = m[1];
    if (get) {
      const ds = store.find(uid);
      return ds ? [200, store.dto(ds, logoOf(ds.type))] : [404, { message: 'Data source not found' }];
    }
    if (req.method === 'PUT') {
      const [status, error] = store.update(uid, await readJson(req));
      const ds = store.find(uid);
      return error
        ? [status, error]
        : [
            200,
            { datasource: store.dto(ds, logoOf(ds.type)), id: ds.id, message: 'Datasource updated', name: ds.name },
          ];
    }
  }
  if ((m = /^plugins\/([^/]+)\/settings$/.exec(path)) && get) {
    const p = plugins.find((x) => x.id === m[1]);
    return p
      ? [
          200,
          {
            ...p.meta,
            enabled: true,
            pinned: true,
            jsonData: {},
            secureJsonFields: {},
            hasUpdate: false,
            defaultNavUrl: `/a/${p.id}`,
            latestVersion: '',
          },
        ]
      : [404, { message: 'Plugin not found, no installed plugin with that id' }];
  }
  return undefined;
}

export async function handleApi(req, res, path, context) {
  const [status, body] = (await answer(req, path, context)) ?? [404, { message: 'Not found' }];
  sendJson(res, status, body);
}
