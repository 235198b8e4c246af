// Checks the host page's own Grafana stand-ins (tests/host/shell): template variables, the query
// request, the editors' mounting. What they emulate is listed in docs/host-page.md.
import { testIds } from '../../src/shared/testIds';
import { expect, putSettings, test, UID } from './fixtures';

test.describe('host page stand-ins', () => {
  test('templateSrv: variables, formats, scopedVars first, $__from/$__to', async ({ page, host }) => {
    await host.open();
    const out = await page.evaluate(() => {
      const h = window.__host;
      h.setVariables([
        { name: 'job', value: ['api', 'db.main'] },
        { name: 'one', value: 'a.b' },
        { name: 'all', value: '$__all', options: ['x', 'y'], includeAll: true },
        { name: 'custom', value: '$__all', options: ['x'], includeAll: true, allValue: '.*' },
      ]);
      h.setTimeRange({ from: '2024-01-01T00:00:00Z', to: '2024-01-01T01:00:00Z' });
      const r = (text: string, format?: string) => h.replace(text, undefined, format);
      return {
        glob: r('$job'),
        regex: r('{job=~"${job:regex}"}'),
        regexOne: r('${one:regex}'),
        pipe: r('${job:pipe}'),
        csv: r('${job:csv}'),
        json: r('${job:json}'),
        raw: r('${job:raw}'),
        brackets: r('[[one]]'),
        formatArg: r('$job', 'pipe'),
        all: r('${all:csv}'),
        customAll: r('${custom:regex}'),
        scoped: h.replace('$__interval $__rate_interval $job', {
          __interval: { text: '20s', value: '20s' },
          __rate_interval: { text: '1m0s', value: '1m0s' },
          job: { text: 'scoped', value: 'scoped' },
        }),
        unknown: r('$nope ${__range}'),
        from: r('${__from} ${__to:date:seconds}'),
      };
    });
    expect(out).toEqual({
      glob: '{api,db.main}',
      regex: '{job=~"(api|db\\.main)"}',
      regexOne: 'a\\.b',
      pipe: 'api|db.main',
      csv: 'api,db.main',
      json: '["api","db.main"]',
      raw: 'api,db.main',
      brackets: 'a.b',
      formatArg: 'api|db.main',
      all: 'x,y',
      customAll: '.*',
      scoped: '20s 1m0s scoped',
      // like Grafana, only data sources that compute them (Prometheus, Loki) fill these
      unknown: '$nope ${__range}',
      from: `${Date.parse('2024-01-01T00:00:00Z')} ${Date.parse('2024-01-01T01:00:00Z') / 1000}`,
    });
  });

  test("a query request is built like a dashboard panel's, its errors collected by key", async ({ page, host }) => {
    await host.open();
    // The data source points at nothing: the query fails, and the failure lands on its refId.
    await putSettings(page, { url: 'http://127.0.0.1:1' });
    const data = await page.evaluate(() => {
      window.__host.setTimeRange({ from: 'now-6h', to: 'now' });
      return window.__host.runQuery([{ refId: 'A' }, { refId: 'B' }], { maxDataPoints: 1000 });
    });
    expect(data.request).toMatchObject({
      app: 'dashboard',
      interval: '20s',
      intervalMs: 20000,
      maxDataPoints: 1000,
      timezone: 'browser',
      range: { raw: { from: 'now-6h', to: 'now' } },
      scopedVars: { __interval: { text: '20s', value: '20s' }, __interval_ms: { text: '20000', value: 20000 } },
    });
    expect(data.request.requestId).toMatch(/^Q\d+$/);
    expect(data.request.targets[0].datasource).toEqual({ type: 'gosre-stability-datasource', uid: UID });
    expect(data.state).toBe('Error');
    expect(data.errors.map((e: { refId?: string }) => e.refId).sort()).toEqual(['A', 'B']);
  });

  test('the query editor and the variable editor mount on the data source instance', async ({ page, host }) => {
    await host.open();
    await page.evaluate(() => window.__host.mountQueryEditor({ refId: 'A' }));
    await expect(page.getByTestId(testIds.queryEditor.selector)).toBeVisible();
    await page.getByTestId('host-run-query').click();
    await expect(page.getByTestId('host-query-result')).toHaveAttribute('data-state', /Done|Error/);
    await host.screenshot('query-editor');

    await page.evaluate(() => window.__host.mountVariableEditor({ refId: 'variable' }));
    await expect(page.getByTestId(testIds.variableEditor.label)).toBeVisible();
    expect(host.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
