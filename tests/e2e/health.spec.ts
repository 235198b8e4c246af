import { expect, putSettings, test } from './fixtures';

// Against the real stack: Prometheus (Debian's) scraping the demo Go service every second.
const PROM_URL = process.env.PROM_URL ?? 'http://127.0.0.1:19090';

/** Prometheus' own answer for one expression at one instant (seconds with ms, as the plugin sends). */
async function promInstant(expr: string, atMs: number) {
  const params = new URLSearchParams({ query: expr, time: (atMs / 1000).toFixed(3) });
  const body = (await (await fetch(`${PROM_URL}/api/v1/query?${params}`)).json()) as {
    data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  return body.data.result;
}

test.describe('health snapshot against the live stack', () => {
  test('the data source is configured in the config editor and Save & test finds the Go service', async ({
    page,
    host,
  }) => {
    await host.open();
    await page.evaluate(() => window.__host.mountConfigEditor());
    const url = page.getByTestId('data-testid Datasource HTTP settings url');
    await url.fill(PROM_URL);
    await page.getByTestId('host-save-test').click();
    const result = page.getByTestId('host-test-result');
    await expect(result).toHaveAttribute('data-status', 'success');
    // Prometheus itself is a Go service too: count what it really scrapes.
    const jobs = await promInstant('count by (job) (go_goroutines)', Date.now());
    const instances = jobs.reduce((n, j) => n + Number(j.value[1]), 0);
    await expect(result).toContainText(
      `Go runtime metrics found for ${instances} instance(s) in ${jobs.length} job(s)`
    );
    expect(jobs.map((j) => j.metric.job)).toContain('demo');
    await host.screenshot('config-editor-live');
  });

  test('the snapshot shown in the browser equals Prometheus’ own answer at the same instant', async ({
    page,
    host,
  }) => {
    await host.open();
    await putSettings(page, { url: PROM_URL });
    // An explicit instant a few seconds back, so both sides read the same, already-scraped samples.
    const atMs = Math.floor(Date.now() / 1000) * 1000 - 3000;
    await page.evaluate(
      ([from, to]) => window.__host.setTimeRange({ from, to }),
      [new Date(atMs - 300_000).toISOString(), new Date(atMs).toISOString()]
    );
    await page.evaluate(() =>
      window.__host.mountQueryEditor({ refId: 'A', queryType: 'health', selector: '{job="demo"}' } as never)
    );
    await page.getByTestId('host-run-query').click();
    await expect(page.getByTestId('host-query-result')).toHaveAttribute('data-state', 'Done');
    const table = page.getByTestId('host-result-table');
    await expect(table).toContainText('Health snapshot');

    const state = await page.evaluate(() => window.__host.state());
    const frame = (state.queryResult as any).series[0];
    expect((state.queryResult as any).request.range.to).toBe(new Date(atMs).toISOString());
    const value = (name: string) => frame.fields.find((f: { name: string }) => f.name === name).values[0];

    const [goroutines] = await promInstant('go_goroutines{job="demo"}', atMs);
    const [heap] = await promInstant('go_memstats_heap_alloc_bytes{job="demo"}', atMs);
    const [nextGc] = await promInstant('go_memstats_next_gc_bytes{job="demo"}', atMs);
    const [info] = await promInstant('go_info{job="demo"}', atMs);
    const [uptime] = await promInstant('time() - process_start_time_seconds{job="demo"}', atMs);

    expect(frame.length).toBe(1);
    expect(value('instance')).toBe(goroutines.metric.instance);
    expect(value('goroutines')).toBe(Number(goroutines.value[1]));
    expect(value('heap_alloc_bytes')).toBe(Number(heap.value[1]));
    expect(value('next_gc_bytes')).toBe(Number(nextGc.value[1]));
    expect(value('go_version')).toBe(info.metric.version);
    expect(value('go_version')).toMatch(/^go1\.\d+/);
    expect(value('uptime_seconds')).toBeCloseTo(Number(uptime.value[1]), 3);
    expect(frame.meta.notices).toEqual([]);

    // What the user reads: the table shows the same goroutine count and the Go version.
    await expect(table).toContainText(String(Number(goroutines.value[1])));
    await expect(table).toContainText(info.metric.version);
    await host.screenshot('health-snapshot-live');
  });

  test('a selector matching nothing gives an empty snapshot, and a malformed one a clear error', async ({
    page,
    host,
  }) => {
    await host.open();
    await putSettings(page, { url: PROM_URL });
    const result = await page.evaluate(() =>
      window.__host.runQuery([
        { refId: 'A', queryType: 'health', selector: '{job="no-such-job"}' },
        { refId: 'B', queryType: 'health', selector: '{job=demo}' },
      ] as never)
    );
    const a = result.series.find((f: { refId: string }) => f.refId === 'A');
    expect(a.length).toBe(0);
    expect(result.errors).toEqual([
      expect.objectContaining({ refId: 'B', message: expect.stringMatching(/Cannot read the matcher/) }),
    ]);
  });
});
