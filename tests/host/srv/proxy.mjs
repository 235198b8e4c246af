// Grafana's data source proxy (pkg/api/pluginproxy/ds_proxy.go), emulated for
// /api/datasources/proxy/uid/<uid>/<path>: a plugin.json route whose path prefixes <path> (longest
// first) sends the request to its templated url with its templated headers; any other path goes to
// the data source's own url with its basic auth and custom headers (httpHeaderNameN/ValueN).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { GRAFANA_VERSION } from './boot.mjs';
import { interpolate } from './gotemplate.mjs';
import { sendJson } from './static.mjs';

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'trailers',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
];

function dropHopByHop(headers) {
  const listed = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const name of [...HOP_BY_HOP, ...listed]) {
    delete headers[name];
  }
  return headers;
}

/** Keeps only the cookies the data source allows (jsonData.keepCookies), as ClearCookieHeader does. */
function keepCookies(cookieHeader, keep) {
  if (!cookieHeader || !Array.isArray(keep) || keep.length === 0) {
    return undefined;
  }
  const kept = String(cookieHeader)
    .split(';')
    .map((c) => c.trim())
    .filter((c) => keep.includes(c.split('=')[0]));
  return kept.length ? kept.join('; ') : undefined;
}

const joinPath = (base, rest) => {
  const b = base.replace(/\/+$/, '');
  const r = rest.replace(/^\/+/, '');
  return r ? `${b}/${r}` : b || '/';
};

/** The target URL and the headers to add, or throws with a message for the browser. */
function target(ds, routes, proxyPath, search, method) {
  const data = { jsonData: ds.jsonData ?? {}, secureJsonData: ds.secureJsonData ?? {} };
  const route = [...routes]
    .sort((a, b) => (b.path ?? '').length - (a.path ?? '').length)
    .find((r) => (!r.method || r.method === '*' || r.method === method) && proxyPath.startsWith(r.path ?? ''));
  const headers = {};
  if (ds.basicAuth) {
    headers.authorization = `Basic ${Buffer.from(`${ds.basicAuthUser}:${ds.secureJsonData.basicAuthPassword ?? ''}`).toString('base64')}`;
  }
  let url;
  if (route) {
    if (route.tokenAuth || route.jwtTokenAuth) {
      throw Object.assign(new Error('tokenAuth / jwtTokenAuth routes are not emulated by the host page'), {
        status: 501,
      });
    }
    const routeUrl = new URL(interpolate(route.url, data));
    url = new URL(joinPath(routeUrl.pathname, proxyPath.slice(route.path.length)) + search, routeUrl);
    for (const p of route.urlParams ?? []) {
      url.searchParams.append(p.name, interpolate(p.content, data));
    }
    for (const h of route.headers ?? []) {
      const value = interpolate(h.content, data);
      if (value.trim() !== '') {
        headers[h.name.toLowerCase()] = value;
      }
    }
  } else {
    if (!ds.url) {
      throw Object.assign(new Error('the data source has no URL'), { status: 400 });
    }
    const base = new URL(ds.url);
    url = new URL(joinPath(base.pathname, proxyPath) + search, base);
  }
  // Custom HTTP headers are added by the data source's HTTP client, for every request.
  for (let i = 1; ds.jsonData?.[`httpHeaderName${i}`]; i++) {
    headers[ds.jsonData[`httpHeaderName${i}`].toLowerCase()] = ds.secureJsonData[`httpHeaderValue${i}`] ?? '';
  }
  return { url, headers };
}

export function createProxy({ store, routesFor, timeoutMs }) {
  return function proxy(req, res, uid, proxyPath, search) {
    const ds = store.find(uid);
    if (!ds) {
      return sendJson(res, 404, { message: 'Unable to find datasource' });
    }
    if (proxyPath.split('/').some((seg) => seg === '..')) {
      return sendJson(res, 400, { message: 'Invalid proxy path' });
    }
    let t;
    try {
      t = target(ds, routesFor(ds.type), proxyPath, search, req.method);
    } catch (err) {
      return sendJson(res, err.status ?? 500, { message: `Data proxy: ${err.message}` });
    }
    const headers = dropHopByHop({ ...req.headers });
    const dsAuthorization = headers['x-ds-authorization'];
    for (const name of [
      'cookie',
      'authorization',
      'x-ds-authorization',
      'origin',
      'referer',
      'host',
      'x-grafana-org-id',
    ]) {
      delete headers[name];
    }
    const cookie = keepCookies(req.headers.cookie, ds.jsonData?.keepCookies);
    Object.assign(
      headers,
      cookie ? { cookie } : {},
      dsAuthorization ? { authorization: dsAuthorization } : {},
      t.headers
    );
    headers['user-agent'] = `Grafana/${GRAFANA_VERSION}`;
    headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const send = t.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(t.url, { method: req.method, headers });
    // Grafana's data proxy timeout: the data source's own (jsonData.timeout, seconds) or 30 s.
    const limitMs = Number(ds.jsonData?.timeout) > 0 ? Number(ds.jsonData.timeout) * 1000 : timeoutMs;
    const timer = setTimeout(
      () => upstream.destroy(Object.assign(new Error('timeout'), { code: 'HOST_PROXY_TIMEOUT' })),
      limitMs
    );
    upstream.on('response', (up) => {
      clearTimeout(timer);
      const out = dropHopByHop({ ...up.headers });
      delete out['set-cookie'];
      if (up.statusCode === 401) {
        // Grafana turns a data source's 401 into a 400, so the browser does not log the user out.
        up.resume();
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        return res.end('Authentication to data source failed');
      }
      res.writeHead(up.statusCode ?? 502, up.statusMessage, out);
      up.pipe(res);
    });
    upstream.on('error', (err) => {
      clearTimeout(timer);
      if (res.headersSent) {
        return res.destroy();
      }
      if (err.code === 'HOST_PROXY_TIMEOUT') {
        return sendJson(res, 504, { message: `Data proxy: ${t.url.host} did not answer in ${limitMs / 1000} s` });
      }
      sendJson(res, 502, { message: `Data proxy: cannot reach ${t.url.host}: ${err.code ?? err.message}` });
    });
    // The browser went away (aborted fetch): abort the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) {
        upstream.destroy();
      }
    });
    req.pipe(upstream);
  };
}
