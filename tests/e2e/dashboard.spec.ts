import { expect, putSettings, test } from './fixtures';

const PROM_URL = process.env.PROM_URL ?? 'http://127.0.0.1:19090';

// The demo view renders the sample dashboard provisioning/ ships, as the README's demo command shows it.
test.describe('sample dashboard against the live stack', () => {
  test('its variables resolve through the data source and every panel draws', async ({ page, host }) => {
    await host.open();
    await putSettings(page, { url: PROM_URL });

    const jobs = await page.evaluate(() =>
      window.__host.runVariableQuery({ refId: 'variable', label: 'job', selector: '' } as never)
    );
    expect(jobs.map((v: { text: string }) => v.text)).toContain('demo');
    const instances = await page.evaluate(() =>
      window.__host.runVariableQuery({ refId: 'variable', label: 'instance', selector: '{job="demo"}' } as never)
    );
    expect(instances.map((v: { text: string }) => v.text)).toEqual(['127.0.0.1:18080']);

    await page.goto(`${host.url}/?dashboard`);
    const health = page.getByTestId('host-dashboard-panel-1');
    await expect(health.getByTestId('host-result-table')).toContainText('127.0.0.1:18080');
    await expect(health).toContainText(/go1\.\d+/);
    // Until the spike and OOM query types exist, both panels say why they cannot draw.
    for (const id of [2, 3]) {
      await expect(
        page.getByTestId(`host-dashboard-panel-${id}`).getByTestId('gosre-panel-wrong-query-type')
      ).toBeVisible();
    }
    await host.screenshot('sample-dashboard');
    expect(host.errors.filter((e) => !/font|Failed to load resource/i.test(e))).toEqual([]);
  });
});
