import {
  a,
  b,
  CLIMB_AT,
  climb,
  CROSS_AT,
  FROM,
  kubernetesTable,
  LIMIT,
  oomTransport,
  RSS,
  TO,
} from '../src/analysis/testing/oomFixtures';
import { type PromServer, runCli, servePrometheus } from './testing/promServer';

// The runner as a user runs it (a child process), against an HTTP server answering Prometheus'
// query_range from the synthetic memory series the data source's tests use: the documented JSON
// shape, the exit codes, and the selector reaching every query.
let prom: PromServer;
let url = '';
let seen: string[] = [];

beforeAll(async () => {
  const table = kubernetesTable();
  table[RSS] = [{ labels: { instance: 'plain:9100' }, at: climb }]; // a plain process: no limit series
  const { transport } = oomTransport(table);
  prom = await servePrometheus(transport);
  ({ url, seen } = prom);
});
afterAll(() => prom.close());

const cli = runCli;

const range = (from = FROM, to = TO) => ['--from', String(from), '--to', String(to / 1000), '--step', '1s'];

describe('cli oom', () => {
  it('prints the documented JSON: the backtest warns before the climb reaches the limit', async () => {
    seen.length = 0;
    const r = await cli(['oom', '--prometheus', url, '--selector', '{job="api"}', ...range(), '--backtest', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['instances']);
    for (const instance of out.instances) {
      expect(Object.keys(instance).slice(0, 3)).toEqual(['labels', 'evaluations', 'warnings']);
      expect(instance.evaluations).toBe(601); // every second of ten minutes, both ends
      for (const w of instance.warnings) {
        expect(Object.keys(w)).toEqual(['start', 'end', 'minTimeToLimitSeconds']);
      }
    }
    const byInstance = Object.fromEntries(
      out.instances.map((i: { labels: { instance: string } }) => [i.labels.instance, i])
    );
    const climbing = byInstance[a.instance];
    expect(climbing.labels).toEqual(a);
    expect(climbing.warnings).toHaveLength(1);
    expect(climbing.warnings[0].start).toBeGreaterThan(CLIMB_AT);
    expect(climbing.warnings[0].start).toBeLessThanOrEqual(CROSS_AT - 25_000);
    expect(climbing.warnings[0].end).toBeGreaterThan(climbing.warnings[0].start);
    expect(climbing.warnings[0].minTimeToLimitSeconds).toBe(0);
    expect(climbing).toMatchObject({
      state: 'ok', // killed and restarted by the end of the range
      limitBytes: LIMIT,
      limitSource: 'container_spec_memory_limit_bytes',
      usageMetric: 'container_memory_working_set_bytes',
      softLimitBytes: null,
      predictLinearWarnings: [],
    });
    expect(byInstance[b.instance]).toMatchObject({ warnings: [], state: 'ok' });
    expect(byInstance['plain:9100']).toMatchObject({
      warnings: [],
      state: 'no_limit',
      limitBytes: null,
      limitSource: 'none',
    });
    // The selector is added to every query the runner made.
    expect(seen).toHaveLength(5);
    expect(seen.every((q) => q.includes('job="api"'))).toBe(true);
  }, 30_000);

  it('gives the state now without --backtest, with empty warnings', async () => {
    const r = await cli([
      'oom',
      '--prometheus',
      url,
      '--selector',
      '{job="api"}',
      ...range(FROM, CROSS_AT - 10_000),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const [first, ...rest] = JSON.parse(r.stdout).instances;
    expect(first).toMatchObject({ labels: a, evaluations: 0, warnings: [], state: 'imminent' });
    expect(first.timeToLimitSeconds).toBeCloseTo(10, 0);
    expect(rest.map((i: { state: string }) => i.state)).toEqual(['ok', 'no_limit']); // soonest-to-limit first
  }, 30_000);

  it('takes a configured limit for a plain process', async () => {
    const r = await cli([
      'oom',
      '--prometheus',
      url,
      '--selector',
      '{job="api"}',
      '--usage-metric',
      'process_resident_memory_bytes',
      '--limit-bytes',
      '256MiB',
      ...range(),
      '--backtest',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const [plain] = JSON.parse(r.stdout).instances;
    expect(plain).toMatchObject({ labels: { instance: 'plain:9100' }, limitBytes: LIMIT, limitSource: 'configured' });
    expect(plain.warnings).toHaveLength(1);
  }, 30_000);

  it('exits 0 with an empty list and says why on stderr when no memory series matches', async () => {
    const r = await cli(['oom', '--prometheus', url, '--usage-metric', 'no_such_metric', ...range(), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ instances: [] });
    expect(r.stderr).toBe('oom: no no_such_metric series matched in that range: nothing to forecast\n');
  }, 30_000);

  it('exits 1 with one line when Prometheus cannot be reached, 2 on a usage mistake', async () => {
    const down = await cli(['oom', '--prometheus', 'http://127.0.0.1:1', '--from', '1', '--to', '2', '--json']);
    expect(down.code).toBe(1);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
    expect(down.stderr).toMatch(/Could not reach Prometheus/);
    const size = await cli(['oom', '--prometheus', url, '--limit-bytes', '12 parsecs', '--from', '1', '--to', '2']);
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/^oom: The memory limit "12 parsecs" is not a size/);
    const metric = await cli([
      'oom',
      '--prometheus',
      url,
      '--usage-metric',
      'up or vector(1)',
      '--from',
      '1',
      '--to',
      '2',
    ]);
    expect(metric.code).toBe(2);
  }, 30_000);
});
