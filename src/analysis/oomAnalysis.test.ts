import { DEFAULT_OOM_OPTIONS, MIB } from '../engine/oom';
import { analyseOom, forecastPoints, type OomRequest, oomSettings } from './oomAnalysis';
import {
  a,
  b,
  CLIMB_AT,
  climb,
  CROSS_AT,
  FROM,
  GOMEMLIMIT,
  KSM_LIMIT,
  kubernetesTable,
  LIMIT,
  matchers,
  type OomTable,
  oomTransport,
  RSS,
  sawtooth,
  SPEC_LIMIT,
  TO,
  WORKING_SET,
} from './testing/oomFixtures';

const run = (table: OomTable, extra: Partial<OomRequest> = {}, fails?: (expr: string) => boolean) => {
  const { client, requests } = oomTransport(table, fails);
  const analysis = analyseOom({ client, query: { step: '1s' }, matchers, fromMs: FROM, toMs: TO, ...extra });
  return { analysis, requests };
};
const instanceOf = async (p: ReturnType<typeof run>, labels: Record<string, string>) =>
  (await p.analysis).instances.find((i) => i.labels.instance === labels.instance)!;

describe('analyseOom', () => {
  it('warns before a linear climb at 4 MiB/s reaches its 256 MiB limit (1 s step)', async () => {
    const climbing = await instanceOf(run(kubernetesTable()), a);
    expect(climbing.usageMetric).toBe('container_memory_working_set_bytes');
    expect(climbing.limitBytes).toBe(LIMIT);
    expect(climbing.limitSource).toEqual({ kind: 'series', metric: 'container_spec_memory_limit_bytes', bytes: LIMIT });
    // One evaluation per step of the range, both ends included.
    expect(climbing.backtest!.evaluations).toHaveLength(601);
    expect(climbing.backtest!.evaluations[0].atMs).toBe(FROM);
    const [warning, ...others] = climbing.backtest!.warnings;
    expect(others).toEqual([]);
    expect(warning.startMs).toBeGreaterThan(CLIMB_AT);
    expect(warning.startMs).toBeLessThanOrEqual(CROSS_AT - 25_000); // measured: 32.5 s ahead
    expect(warning.peakState).toBe('imminent');
    expect(warning.minTimeToLimitSeconds).toBe(0);
    // predict_linear over [5m] is too slow for 4 MiB/s: the kill comes first (docs/oom.md).
    expect(climbing.predictLinearWarnings).toEqual([]);
  });

  it('says the state now at the end of the range and orders soonest-to-limit first', async () => {
    const { instances } = await run(kubernetesTable(), { toMs: CROSS_AT - 10_000 }).analysis;
    expect(instances.map((i) => i.labels)).toEqual([a, b]);
    const [climbing, sawing] = instances;
    expect(climbing.now.atMs).toBe(CROSS_AT - 10_000);
    expect(climbing.now.state).toBe('imminent');
    expect(climbing.now.forecast.timeToLimitSeconds).toBeCloseTo(10, 0);
    expect(climbing.summary).toMatch(/^peak 214 MiB of 256 MiB, growing 4\.0 MiB\/s: limit in ~10 s$/);
    expect(sawing.now.state).toBe('ok');
  });

  it('keeps a GC sawtooth under the limit ok, without a warning', async () => {
    const sawing = await instanceOf(run(kubernetesTable()), b);
    expect(sawing.now.state).toBe('ok');
    expect(sawing.backtest!.warnings).toEqual([]);
    expect(sawing.backtest!.evaluations.every((e) => e.state === 'ok')).toBe(true);
    expect(sawing.predictLinearWarnings).toEqual([]);
  });

  it('has state no_limit, not an error, when no limit is known', async () => {
    const p = run({ [RSS]: [{ labels: a, at: climb }] });
    const { instances } = await p.analysis;
    expect(instances).toHaveLength(1);
    expect(instances[0].usageMetric).toBe('process_resident_memory_bytes');
    expect(instances[0].limitSource).toEqual({ kind: 'none' });
    expect(instances[0].limitBytes).toBeNull();
    expect(instances[0].now.state).toBe('no_limit');
    expect(instances[0].backtest!.warnings).toEqual([]);
    expect(instances[0].predictLinearWarnings).toBeNull();
    expect(instances[0].summary).toMatch(/^no memory limit; peak 30 MiB/);
  });

  it('takes a configured limit for a plain process, and queries no limit series', async () => {
    const p = run({ [RSS]: [{ labels: a, at: climb }] }, { query: { step: '1s', limitBytes: '256MiB' } });
    const [instance] = (await p.analysis).instances;
    expect(instance.limitSource).toEqual({ kind: 'configured' });
    expect(instance.limitBytes).toBe(LIMIT);
    expect(instance.backtest!.warnings).toHaveLength(1);
    expect(p.requests.map((r) => r.get('query'))).not.toContain(SPEC_LIMIT);
    expect(p.requests.map((r) => r.get('query'))).not.toContain(KSM_LIMIT);
  });

  it('falls back to kube-state-metrics, and reads a limit of 0 as unlimited', async () => {
    const table: OomTable = {
      [WORKING_SET]: [
        { labels: a, at: climb },
        { labels: b, at: sawtooth },
      ],
      [SPEC_LIMIT]: [{ labels: b, at: () => 0 }],
      [KSM_LIMIT]: [
        { labels: a, at: () => LIMIT },
        { labels: b, at: () => LIMIT }, // cAdvisor comes first
      ],
    };
    const p = run(table);
    const ka = await instanceOf(p, a);
    expect(ka.limitSource).toEqual({ kind: 'series', metric: 'kube_pod_container_resource_limits', bytes: LIMIT });
    expect(ka.backtest!.warnings).toHaveLength(1);
    const kb = await instanceOf(p, b);
    expect(kb.limitSource).toEqual({ kind: 'series', metric: 'container_spec_memory_limit_bytes', bytes: 0 });
    expect(kb.limitBytes).toBeNull();
    expect(kb.now.state).toBe('no_limit');
  });

  it('prefers the working set where a group has it, and RSS elsewhere', async () => {
    const table: OomTable = {
      [WORKING_SET]: [{ labels: a, at: climb }],
      [RSS]: [
        { labels: a, at: () => 1 }, // ignored: a has a working set
        { labels: b, at: sawtooth },
      ],
    };
    const { instances } = await run(table).analysis;
    expect(Object.fromEntries(instances.map((i) => [i.labels.instance, i.usageMetric]))).toEqual({
      [a.instance]: 'container_memory_working_set_bytes',
      [b.instance]: 'process_resident_memory_bytes',
    });
  });

  it('reads GOMEMLIMIT as a soft limit: its own value, the state unaffected', async () => {
    const table = kubernetesTable();
    const without = await run(table).analysis;
    table[GOMEMLIMIT] = [
      { labels: a, at: () => 200 * MIB },
      { labels: b, at: () => 2 ** 63 - 1 }, // math.MaxInt64: GOMEMLIMIT unset
    ];
    const withSoft = await run(table).analysis;
    const [ia, ib] = [a, b].map((l) => withSoft.instances.find((i) => i.labels.instance === l.instance)!);
    expect(ia.softLimitBytes).toBe(200 * MIB);
    expect(ia.limitBytes).toBe(LIMIT); // never the OOM limit
    expect(ib.softLimitBytes).toBeNull();
    expect(ib.softLimit).not.toBeNull();
    const verdicts = (an: typeof without) =>
      an.instances.map((i) => [i.now.state, i.backtest!.warnings, i.backtest!.evaluations.map((e) => e.state)]);
    expect(verdicts(withSoft)).toEqual(verdicts(without));
  });

  it("throws a usage query's error; a failing limit query only makes the limit absent", async () => {
    await expect(run(kubernetesTable(), {}, (expr) => expr === RSS).analysis).rejects.toThrow(
      /^Prometheus answered 400: bad_data: cannot run max by \(instance\) \(process_resident_memory_bytes/
    );
    const { instances, failed } = await run(kubernetesTable(), {}, (expr) => expr === SPEC_LIMIT).analysis;
    expect(failed.map((f) => [f.source.metric, f.role])).toEqual([['container_spec_memory_limit_bytes', 'limit']]);
    expect(instances.map((i) => i.now.state)).toEqual(['no_limit', 'no_limit']);
  });

  it('returns no instance when no usage series matches', async () => {
    const { instances, failed } = await run({}).analysis;
    expect(instances).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('skips the replay without backtest, and still says the state now', async () => {
    const { instances } = await run(kubernetesTable(), { backtest: false, toMs: CROSS_AT - 10_000 }).analysis;
    expect(instances.map((i) => [i.now.state, i.backtest, i.predictLinearWarnings])).toEqual([
      ['imminent', null, null],
      ['ok', null, null],
    ]);
  });
});

describe('resolution and range', () => {
  it('runs at the scrape interval (default 15s), fetching the envelope window + warm-up (or [5m]) before the range', async () => {
    const fifteen = run({}, { query: {} });
    await fifteen.analysis;
    const startS = Math.floor((FROM - 300_000) / 15_000) * 15; // max(150 s + 60 s, predict_linear's 300 s)
    expect(fifteen.requests.map((r) => [r.get('step'), Number(r.get('start'))])).toEqual(Array(5).fill(['15', startS]));
    expect(Number(fifteen.requests[0].get('end')) * 1000).toBe(Math.floor(TO / 15_000) * 15_000);
    const five = run({}, { query: {}, scrapeInterval: '5s' });
    await five.analysis;
    expect(five.requests[0].get('step')).toBe('5');
    const own = run({}, { query: { step: '1s' }, scrapeInterval: '5s' });
    await own.analysis;
    expect(own.requests[0].get('step')).toBe('1');
  });

  it('applies the query options over the engine defaults and refuses bad ones', () => {
    const s = oomSettings({
      horizonSeconds: 60,
      imminentSeconds: 30,
      consecutiveEvaluations: 2,
      minGrowthMiBPerSecond: 2,
    });
    expect(s.options).toMatchObject({
      horizonSeconds: 60,
      imminentSeconds: 30,
      consecutiveEvaluations: 2,
      minGrowthBytesPerSecond: 2 * MIB,
    });
    expect(oomSettings({}).options).toEqual(DEFAULT_OOM_OPTIONS);
    expect(oomSettings({ limitBytes: '1GiB' }).limitBytes).toBe(2 ** 30);
    expect(() => oomSettings({ step: 'soon' })).toThrow(/The step "soon" is not a Prometheus duration/);
    expect(() => oomSettings({ limitBytes: 'lots' })).toThrow(/The memory limit "lots" is not a size/);
    expect(() => oomSettings({ imminentSeconds: 50 })).toThrow(/imminentSeconds must be <= horizonSeconds/);
    expect(() => oomSettings({ minGrowthMiBPerSecond: -1 })).toThrow(/minimum growth/);
  });
});

describe('forecastPoints', () => {
  it("draws the engine's line from the last sample to the horizon, its band ending at the engine's", async () => {
    const { instances, settings } = await run(kubernetesTable(), { toMs: CROSS_AT - 10_000 }).analysis;
    const { now } = instances[0];
    const f = now.forecast;
    const points = forecastPoints(now, settings.stepSeconds, settings.options);
    expect(points[0].atMs).toBe(f.lastSampleMs);
    expect(points[points.length - 1].atMs).toBe(f.atMs + f.horizonSeconds * 1000);
    expect(points).toHaveLength(1 + f.horizonSeconds); // 1 s apart after the evaluation time
    const last = points[points.length - 1];
    expect(last.lowerBytes).toBeCloseTo(f.bandLowerBytes!, 0);
    expect(last.upperBytes).toBeCloseTo(f.bandUpperBytes!, 0);
    for (let i = 1; i < points.length; i++) {
      expect(points[i].atMs).toBeGreaterThan(points[i - 1].atMs);
      expect(points[i].bytes - points[i - 1].bytes).toBeCloseTo(
        (f.trendBytesPerSecond! * (points[i].atMs - points[i - 1].atMs)) / 1000,
        3
      );
      expect(points[i].upperBytes! - points[i].bytes).toBeGreaterThanOrEqual(
        points[i - 1].upperBytes! - points[i - 1].bytes - 1e-6
      );
    }
    // The forecast crosses the limit about when the time left says.
    const crossing = points.find((p) => p.bytes >= LIMIT)!;
    expect(Math.abs(crossing.atMs - (f.atMs + f.timeToLimitSeconds! * 1000))).toBeLessThanOrEqual(1000);
  });

  it('has no points without data', async () => {
    const { instances, settings } = await run({ [RSS]: [{ labels: a, at: (t) => (t < FROM ? 50 * MIB : NaN) }] })
      .analysis;
    expect(instances[0].now.state).toBe('no_data');
    expect(forecastPoints(instances[0].now, settings.stepSeconds, settings.options)).toEqual([]);
  });
});
