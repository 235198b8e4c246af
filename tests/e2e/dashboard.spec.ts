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
    // The spike-cause panel draws the demo's P99 and its cause breakdown; the OOM countdown has a tile for the demo, whose
    // memory cgroup gives it a limit (stack.sh: 256 MiB), so its state is known, not "no limit".
    const spikes = page.getByTestId('host-dashboard-panel-2');
    // On a stack that has just started there may be too little history to judge: the panel draws
    // what there is and says so, rather than failing.
    await expect(spikes.getByTestId('gosre-spikecause-breakdown')).toContainText('by cause');
    const oom = page.getByTestId('host-dashboard-panel-3');
    const tile = oom.getByTestId('gosre-oomcountdown-tile').first();
    await expect(tile).toContainText('127.0.0.1:18080');
    await expect(tile.getByTestId('gosre-oomcountdown-memory')).toContainText('256 MiB');
    await expect(tile.getByTestId('gosre-oomcountdown-state')).toHaveText(/OK|Warning|Imminent/i);
    await host.screenshot('sample-dashboard');
    expect(host.errors.filter((e) => !/font|Failed to load resource/i.test(e))).toEqual([]);
  });
});
