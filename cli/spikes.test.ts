import { FROM, gcStormTable, rangeTransport, SPIKE_AT, TO } from '../src/datasource/testing/fakePrometheus';
import { type PromServer, runCli, servePrometheus } from './testing/promServer';

// The runner as a user runs it (a child process), against an HTTP server that answers Prometheus'
// query_range from the synthetic GC storm the data source's tests use: the documented JSON shape,
// the exit codes, and the selector reaching every query.
let prom: PromServer;
let url = '';
let seen: string[] = [];

beforeAll(async () => {
  const { transport } = rangeTransport(gcStormTable());
  prom = await servePrometheus(transport);
  ({ url, seen } = prom);
});
afterAll(() => prom.close());

const cli = runCli;

describe('cli spikes', () => {
  it('prints the documented JSON: one GC spike with its evidence', async () => {
    const r = await cli([
      'spikes',
      '--prometheus',
      url,
      '--selector',
      '{job="api"}',
      '--from',
      String(FROM),
      '--to',
      String(TO / 1000),
      '--step',
      '15s',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['spikes', 'regressions']);
    expect(out.regressions).toEqual([]);
    expect(out.spikes).toHaveLength(1);
    const spike = out.spikes[0];
    expect(spike).toMatchObject({ cause: 'gc', labels: { instance: '10.0.0.1:8080' } });
    expect(spike.start).toBeGreaterThanOrEqual(SPIKE_AT);
    expect(spike.start).toBeLessThan(SPIKE_AT + 60_000);
    expect(spike.peak).toBeCloseTo(0.5, 5);
    expect(spike.baseline).toBeCloseTo(0.1, 2);
    expect(spike.confidence).toBeGreaterThan(0.5);
    expect(spike.confidence).toBeLessThanOrEqual(1);
    expect(spike.evidence.map((e: { signal: string }) => e.signal)).toContain('gc_pause_p99');
    for (const e of spike.evidence) {
      expect(Object.keys(e).sort()).toEqual(['baseline', 'signal', 'value', 'z']);
    }
    // The selector is added to every query the runner made.
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((q) => q.includes('job="api"'))).toBe(true);
  }, 30_000);

  it('exits 0 with empty lists and says why on stderr when no histogram matches', async () => {
    const r = await cli([
      'spikes',
      '--prometheus',
      url,
      '--metric',
      'no_such_histogram',
      '--from',
      String(FROM),
      '--to',
      String(TO),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ spikes: [], regressions: [] });
    expect(r.stderr).toMatch(/no no_such_histogram_bucket series matched/);
  }, 30_000);

  it('exits 1 with one line when Prometheus cannot be reached, 2 on a usage mistake', async () => {
    const down = await cli(['spikes', '--prometheus', 'http://127.0.0.1:1', '--from', '1', '--to', '2', '--json']);
    expect(down.code).toBe(1);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/Could not reach Prometheus/);
    const usage = await cli(['spikes', '--prometheus', url, '--from', 'yesterday', '--to', '2']);
    expect(usage.code).toBe(2);
  }, 30_000);
});
