import { testIds } from '../../src/shared/testIds';
import { expect, test } from './fixtures';

// The four module.js files in dist/, by their folder, and the class their `plugin` export must be.
const MODULES = [
  { dir: '', kind: 'AppPlugin', id: 'gosre-stability-app' },
  { dir: 'datasource', kind: 'DataSourcePlugin', id: 'gosre-stability-datasource' },
  { dir: 'panels/spike-cause', kind: 'PanelPlugin', id: 'gosre-spikecause-panel' },
  { dir: 'panels/oom-countdown', kind: 'PanelPlugin', id: 'gosre-oomcountdown-panel' },
];

test.describe('built modules in the host page', () => {
  for (const m of MODULES) {
    test(`${m.dir || 'app'}/module.js loads through SystemJS and exports a ${m.kind}`, async ({ page, host }) => {
      const moduleUrl = `/public/plugins/gosre-stability-app/${m.dir ? `${m.dir}/` : ''}module.js`;
      const served = page.waitForResponse((r) => new URL(r.url()).pathname === moduleUrl);
      await host.open();
      const loaded = await page.evaluate((dir) => window.__host.describePlugin(dir), m.dir);
      expect((await served).status()).toBe(200);
      // instanceof against the host's @grafana/data: the plugin used the shared module, not a bundled copy.
      expect(loaded).toEqual({ kind: m.kind, id: m.id, module: moduleUrl.slice(1) });
      expect(host.errors).toEqual([]);
    });
  }

  test('a module a plugin imports that the host does not share fails loudly, naming it', async ({ page, host }) => {
    const fixtures: Record<string, string> = {
      // shares @grafana/data and react with the host: same instances
      'shared-ok': `define(['@grafana/data', 'react'], function (data, react) {
        return { samePanelPlugin: data.PanelPlugin === window.__hostPanelPlugin, hasReact: typeof react.createElement === 'function' };
      });`,
      // shared by Grafana 12 but not by the host page
      'needs-flot': `define(['jquery.flot'], function () { return {}; });`,
      // shared by nobody: a plugin must bundle it
      'needs-left-pad': `define(['left-pad'], function () { return {}; });`,
    };
    await page.route('**/public/plugins/host-fixtures/**', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').at(-2)!;
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: fixtures[name] });
    });
    await host.open();
    await page.evaluate(async () => {
      const data = await window.__host.loadPlugin('panels/spike-cause');
      (window as unknown as { __hostPanelPlugin: unknown }).__hostPanelPlugin = data.constructor;
    });
    const importOf = (name: string) =>
      page.evaluate(
        (n) =>
          window.__host
            .importModule(`public/plugins/host-fixtures/${n}/module.js`)
            .catch((e: Error) => ({ error: e.message })),
        name
      );

    expect(await importOf('shared-ok')).toMatchObject({ json: { samePanelPlugin: true, hasReact: true } });
    const flot = await importOf('needs-flot');
    expect(flot).toEqual({ error: expect.stringContaining('"jquery.flot"') });
    expect(flot).toEqual({ error: expect.stringContaining('does not provide it') });
    const leftPad = await importOf('needs-left-pad');
    expect(leftPad).toEqual({ error: expect.stringContaining('"left-pad"') });
    expect(leftPad).toEqual({ error: expect.stringContaining('not a module Grafana shares') });
    // loud: also on the console, where a developer watching the page sees it
    expect(host.errors.join('\n')).toContain('"left-pad"');
    expect(host.errors.join('\n')).toContain('"jquery.flot"');
  });

  for (const panel of [
    { dir: 'panels/spike-cause', name: 'spike-cause' },
    { dir: 'panels/oom-countdown', name: 'oom-countdown' },
  ]) {
    test(`${panel.name} panel renders empty PanelData as "query type does not fit"`, async ({ page, host }) => {
      await host.open();
      const rendered = await page.evaluate(
        (dir) => window.__host.renderPanel(dir, { series: [], width: 640, height: 320 }),
        panel.dir
      );
      // the options the panel got: its builder's defaults (Grafana's getPanelOptionsWithDefaults)
      expect(rendered.options).toMatchObject({ schemaVersion: 1 });
      const mismatch = page.getByTestId(testIds.panels.wrongQueryType);
      await expect(mismatch).toBeVisible();
      await expect(mismatch).toContainText('returned no data');
      await host.screenshot(`panel-${panel.name}-empty`, page.getByTestId('host-panel'));
      expect(host.errors).toEqual([]);
    });
  }

  test('the data source config editor mounts on the settings the server holds', async ({ page, host }) => {
    await host.open('light');
    await page.evaluate(() => window.__host.mountConfigEditor());
    await expect(page.getByTestId(testIds.configEditor.scrapeInterval)).toBeVisible();
    await expect(page.getByTestId(testIds.configEditor.pprofUrl)).toBeVisible();
    await expect(page.getByTestId('host-save-test')).toBeVisible();
    await host.screenshot('config-editor-light');
    expect(host.errors).toEqual([]);
  });

  test('the app root page renders', async ({ page, host }) => {
    await host.open();
    await page.evaluate(() => window.__host.renderApp());
    await expect(page.getByTestId(testIds.app.overview)).toBeVisible();
    await host.screenshot('app-overview');
    expect(host.errors).toEqual([]);
  });
});
