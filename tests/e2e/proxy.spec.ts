// Checks the host page's emulation of Grafana's data source proxy (tests/host/srv/proxy.mjs) and of
// its settings API, against a fake upstream: not the product.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { testIds } from '../../src/shared/testIds';
import { expect, getSettings, pageFetch, putSettings, test, UID } from './fixtures';

const SECRET = `Bearer s3cret-${Math.random().toString(36).slice(2)}`;

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let upstream: Server;
let upstreamUrl = '';
const received: Received[] = [];

/** A Prometheus-ish upstream that records what reaches it and never echoes headers back. */
function startUpstream(): Promise<void> {
  upstream = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const path = (req.url ?? '').split('?')[0];
    if (path.endsWith('/unauthorized')) {
      res.writeHead(401, { 'Content-Type': 'text/plain' });
      res.end('no');
      return;
    }
    if (path.endsWith('/bytes')) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Set-Cookie': 'upstream=1' });
      res.end(Buffer.from([0, 1, 2, 255]));
      return;
    }
    const delay = path.endsWith('/slow') ? 2500 : 0;
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'upstream=1' });
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
    }, delay);
  });
  return new Promise((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
}

const lastReceived = () => received[received.length - 1];

test.beforeAll(async () => {
  await startUpstream();
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
});

test.afterEach(async ({ page, host }) => {
  await host.open();
  await putSettings(page, {
    url: 'http://127.0.0.1:9090',
    basicAuth: false,
    basicAuthUser: '',
    jsonData: {},
    secureJsonData: { pprofAuthorization: '', basicAuthPassword: '', httpHeaderValue1: '' },
  });
});

test.describe('data source proxy emulation', () => {
  test('a plugin.json route fills {{ .JsonData }} and secret headers; secrets never reach the page', async ({
    page,
    host,
  }) => {
    const bodies: Array<Promise<string>> = [];
    page.on('response', (r) => {
      if (!/\/host\/(build|vendor)\/|\/public\//.test(r.url())) {
        bodies.push(r.text().catch(() => ''));
      }
    });
    await host.open();
    const saved = await putSettings(page, {
      jsonData: { pprofUrl: `${upstreamUrl}/base` },
      secureJsonData: { pprofAuthorization: SECRET },
    });

    const res = await pageFetch(page, { url: `/api/datasources/proxy/uid/${UID}/pprof/debug/pprof/goroutine?debug=2` });
    expect(res.ok).toBe(true);
    expect(lastReceived().url).toBe('/base/debug/pprof/goroutine?debug=2');
    expect(lastReceived().headers.authorization).toBe(SECRET);

    const settings = await getSettings(page);
    expect(settings.secureJsonData).toBeUndefined();
    expect(settings.secureJsonFields).toEqual({ pprofAuthorization: true });
    expect(JSON.stringify(saved)).not.toContain(SECRET);

    await page.reload(); // boot data (grafanaBootData) is written from the settings now held
    await expect(page.locator('body')).toHaveAttribute('data-host-ready', 'true');
    await pageFetch(page, { url: '/api/frontend/settings' });
    await pageFetch(page, { url: '/api/datasources' });
    const seen = await Promise.all(bodies);
    expect(seen.some((b) => b.includes('grafanaBootData'))).toBe(true);
    for (const body of seen) {
      expect(body).not.toContain(SECRET.split(' ')[1]);
    }
    expect(host.errors).toEqual([]);
  });

  test('a route header whose secret is empty is not sent', async ({ page, host }) => {
    await host.open();
    await putSettings(page, { jsonData: { pprofUrl: upstreamUrl }, secureJsonData: { pprofAuthorization: '' } });
    await pageFetch(page, { url: `/api/datasources/proxy/uid/${UID}/pprof/x` });
    expect(lastReceived().url).toBe('/x');
    expect(lastReceived().headers.authorization).toBeUndefined();
  });

  test('cookies are stripped, except those the data source keeps (jsonData.keepCookies)', async ({
    page,
    host,
    context,
  }) => {
    await context.addCookies([
      { name: 'grafana_session', value: 'abc', url: host.url },
      { name: 'keepme', value: '1', url: host.url },
    ]);
    await host.open();
    await putSettings(page, { url: upstreamUrl });
    await pageFetch(page, { url: `/api/datasources/proxy/uid/${UID}/api/v1/query?query=up` });
    expect(lastReceived().headers.cookie).toBeUndefined();

    await putSettings(page, { url: upstreamUrl, jsonData: { keepCookies: ['keepme'] } });
    await pageFetch(page, { url: `/api/datasources/proxy/uid/${UID}/api/v1/query?query=up` });
    expect(lastReceived().headers.cookie).toBe('keepme=1');
  });

  test('the data source URL gets path and query intact, with basic auth and custom headers', async ({ page, host }) => {
    await host.open();
    await putSettings(page, {
      url: `${upstreamUrl}/prom/`,
      basicAuth: true,
      basicAuthUser: 'grafana',
      jsonData: { httpHeaderName1: 'X-Scope-OrgID' },
      secureJsonData: { basicAuthPassword: 'pw', httpHeaderValue1: 'tenant-1' },
    });
    const query = 'query=sum%20by%20(job)%20(up%7Bjob%3D~%22a%7Cb%22%7D)&time=1700000000.5&x=%2F';
    const res = await pageFetch(page, { url: `/api/datasources/proxy/uid/${UID}/api/v1/query?${query}` });
    expect(res.ok).toBe(true);
    const got = lastReceived();
    expect(got.url).toBe(`/prom/api/v1/query?${query}`);
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from('grafana:pw').toString('base64')}`);
    expect(got.headers['x-scope-orgid']).toBe('tenant-1');
    expect(got.headers['user-agent']).toBe('Grafana/12.4.10');
    expect(got.headers.origin).toBeUndefined();
    expect(got.headers.referer).toBeUndefined();
    // (a page's fetch never sees Set-Cookie, so ask the proxy directly)
    const direct = await page.request.get(`${host.url}/api/datasources/proxy/uid/${UID}/api/v1/query?query=up`);
    expect(direct.status()).toBe(200);
    expect(direct.headers()['set-cookie']).toBeUndefined();
  });

  test('an unreachable data source answers 502, a slow one 504, a 401 becomes 400', async ({ page, host }) => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    await host.open();
    await putSettings(page, { url: `http://127.0.0.1:${deadPort}` });
    const dead = await pageFetch(page, { url: `/api/datasources/proxy/uid/${UID}/api/v1/query?query=up` });
    expect(dead).toMatchObject({
      ok: false,
      error: { status: 502, data: { message: expect.stringContaining('cannot reach') } },
    });

    await putSettings(page, { url: upstreamUrl, jsonData: { timeout: 1 } });
    const slow = await pageFetch(page, { url: `/api/datasources/proxy/uid/${UID}/slow` });
    expect(slow).toMatchObject({ ok: false, error: { status: 504 } });

    const unauthorized = await pageFetch(page, { url: `/api/datasources/proxy/uid/${UID}/unauthorized` });
    expect(unauthorized).toMatchObject({
      ok: false,
      error: { status: 400, data: { message: 'Authentication to data source failed' } },
    });
  });

  test('backendSrv: a newer request with the same requestId cancels the older; arraybuffer bodies', async ({
    page,
    host,
  }) => {
    await host.open();
    await putSettings(page, { url: upstreamUrl });
    const [older, newer] = await page.evaluate(async (uid) => {
      const url = `/api/datasources/proxy/uid/${uid}/slow`;
      const first = window.__host.fetch({ url, requestId: 'Q-same' });
      await new Promise((r) => setTimeout(r, 100));
      return Promise.all([first, window.__host.fetch({ url, requestId: 'Q-same' })]);
    }, UID);
    expect(older).toMatchObject({
      ok: false,
      error: { status: -1, cancelled: true, statusText: 'Request was aborted' },
    });
    expect(newer).toMatchObject({ ok: true, status: 200 });

    const bytes = await pageFetch(page, {
      url: `/api/datasources/proxy/uid/${UID}/bytes`,
      responseType: 'arraybuffer',
    });
    expect(bytes).toMatchObject({ ok: true, data: { arrayBuffer: [0, 1, 2, 255] } });
  });

  test('Save & test in the config editor PUTs the settings, keeps the secret server-side, then tests', async ({
    page,
    host,
  }) => {
    await host.open();
    await putSettings(page, { url: `${upstreamUrl}/prom` });
    await page.evaluate(() => window.__host.mountConfigEditor());
    await page.getByTestId(testIds.configEditor.pprofUrl).fill(`${upstreamUrl}/pprof-base`);
    await page.getByTestId(testIds.configEditor.pprofAuthorization).fill(SECRET);
    const before = received.length;
    await page.getByTestId('host-save-test').click();
    await expect(page.getByTestId('host-test-result')).toBeVisible();
    // testDatasource() went through the proxy to the data source URL just saved
    expect(received.slice(before).some((r) => r.url.startsWith('/prom/api/v1/'))).toBe(true);

    const settings = await getSettings(page);
    expect(settings.jsonData.pprofUrl).toBe(`${upstreamUrl}/pprof-base`);
    expect(settings.secureJsonFields).toEqual({ pprofAuthorization: true });
    const editorState = await page.evaluate(() => window.__host.state().configOptions);
    expect(JSON.stringify(editorState)).not.toContain(SECRET);
    await host.screenshot('config-editor-saved');
    expect(host.errors).toEqual([]);
  });
});
