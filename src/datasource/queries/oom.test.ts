import { type DataFrame, type DataQueryRequest, type DataQueryResponse, dateTime } from '@grafana/data';
import { lastValueFrom, toArray } from 'rxjs';

import {
  a,
  b,
  climb,
  CROSS_AT,
  FROM,
  KSM_LIMIT,
  kubernetesTable,
  LIMIT,
  matchers,
  type OomTable,
  oomTransport,
  RSS,
  sawtooth,
  SPEC_LIMIT,
  WORKING_SET,
} from '../../analysis/testing/oomFixtures';
import { type OomFrameCustom } from '../../shared/oomFrames';
import { QueryType } from '../../shared/queryTypes';
import { dataSourceOver } from '../testing/fakePrometheus';
import type { StabilityQuery } from '../types';
import { runOom } from './oom';

const NOW = CROSS_AT - 10_000;
const base: StabilityQuery = { refId: 'A', queryType: QueryType.OomForecast, step: '1s' };
const run = (table: OomTable, query: Partial<StabilityQuery> = {}, fails?: (expr: string) => boolean) =>
  runOom({
    client: oomTransport(table, fails).client,
    query: { ...base, ...query },
    matchers,
    fromMs: FROM,
    toMs: NOW,
  });
const customOf = (frame: { meta?: { custom?: unknown } }) => frame.meta?.custom as OomFrameCustom;
const noticesOf = (frames: Array<{ meta?: { notices?: Array<{ text: string }> } }>) =>
  frames.flatMap((f) => f.meta?.notices?.map((n) => n.text) ?? []);

describe('runOom', () => {
  it('returns one forecast frame per instance, soonest-to-limit first', async () => {
    const frames = await run(kubernetesTable());
    expect(frames.map((f) => [customOf(f).labels, customOf(f).state])).toEqual([
      [a, 'imminent'],
      [b, 'ok'],
    ]);
    expect(frames.every((f) => f.refId === 'A' && customOf(f).role === 'forecast')).toBe(true);
    // Grouped by instance while reading container_* series: said once.
    expect(noticesOf(frames)).toEqual([
      expect.stringMatching(
        /^Memory from container_memory_working_set_bytes grouped by instance: .*namespace, pod, container/
      ),
    ]);
    expect(frames[1].meta?.notices).toBeUndefined();
  });

  it('says when no limit is known, and the state is no_limit rather than an error', async () => {
    const frames = await run({ [RSS]: [{ labels: a, at: climb }] });
    expect(customOf(frames[0]).state).toBe('no_limit');
    expect(noticesOf(frames)).toEqual([
      'No memory limit known: no container_spec_memory_limit_bytes or kube_pod_container_resource_limits{resource="memory"} series with the labels instance, and no limit configured, so the state is no_limit. For a plain process, set its limit in the query (Limit).',
    ]);
  });

  it('names the instances without a limit when only some have one, and the unlimited ones', async () => {
    const c = { instance: '10.0.0.3:8080' };
    const table: OomTable = {
      [RSS]: [
        { labels: a, at: climb },
        { labels: b, at: sawtooth },
        { labels: c, at: sawtooth },
      ],
      [SPEC_LIMIT]: [
        { labels: a, at: () => LIMIT },
        { labels: c, at: () => 0 },
      ],
    };
    const notices = noticesOf(await run(table));
    expect(notices).toContainEqual(
      expect.stringMatching(/^No memory limit known for 1 of 3 instances \(instance="10\.0\.0\.2:8080"\): no /)
    );
    expect(notices).toContainEqual(
      'No memory limit set for instance="10.0.0.3:8080" (the limit series reads 0 or "unlimited"), so the state is no_limit.'
    );
  });

  it('uses the configured limit for a plain process', async () => {
    const frames = await run({ [RSS]: [{ labels: a, at: climb }] }, { limitBytes: '256MiB' });
    expect(customOf(frames[0]).state).toBe('imminent');
    expect(noticesOf(frames)).toEqual([]);
  });

  it('answers no usage series with a notice on an empty frame, not an error', async () => {
    const frames = await run({});
    expect(frames).toHaveLength(1);
    expect(frames[0].length).toBe(0);
    expect(frames[0].meta?.custom).toEqual({ queryType: QueryType.OomForecast });
    expect(noticesOf(frames)).toEqual([
      'No container_memory_working_set_bytes or process_resident_memory_bytes series match the selector in this range: no memory to forecast. Name the memory metric in the query (Usage metric).',
    ]);
    const named = await run({}, { usageMetric: 'my_memory_bytes' });
    expect(noticesOf(named)[0]).toMatch(/^No my_memory_bytes series match/);
  });

  it('says which limit query failed and goes on', async () => {
    const frames = await run(kubernetesTable(), {}, (expr) => expr === SPEC_LIMIT);
    expect(noticesOf(frames)).toContainEqual(
      expect.stringMatching(
        /^The container_spec_memory_limit_bytes query failed, so its limit is not used: Prometheus answered 400/
      )
    );
    expect(frames.map((f) => customOf(f).state)).toEqual(['no_limit', 'no_limit']);
  });

  it('throws a usage query error (the data source puts it on the refId)', async () => {
    await expect(run(kubernetesTable(), {}, (expr) => expr === WORKING_SET)).rejects.toThrow(
      /^Prometheus answered 400/
    );
  });

  it('throws a bad option as an error naming it', async () => {
    await expect(run(kubernetesTable(), { limitBytes: '12 parsecs' })).rejects.toThrow(/The memory limit "12 parsecs"/);
    await expect(run(kubernetesTable(), { imminentSeconds: 60 })).rejects.toThrow(/imminentSeconds/);
  });

  it('takes the KSM limit when cAdvisor has none', async () => {
    const table: OomTable = {
      [WORKING_SET]: [{ labels: a, at: climb }],
      [KSM_LIMIT]: [{ labels: a, at: () => LIMIT }],
    };
    expect(customOf((await run(table))[0]).state).toBe('imminent');
  });
});

describe('the oom query in the data source', () => {
  it('routes "oom" to the analysis and puts a failing query on its own refId', async () => {
    const table = kubernetesTable();
    const ds = dataSourceOver(oomTransport(table, (expr) => expr.includes('job="down"')).transport, {
      scrapeInterval: '1s',
    });
    const request = {
      targets: [
        { refId: 'A', queryType: QueryType.OomForecast, selector: '{job="api"}' },
        // The fake Prometheus rejects every query of B.
        { refId: 'B', queryType: QueryType.OomForecast, selector: '{job="down"}' },
      ],
      range: { from: dateTime(FROM), to: dateTime(NOW) },
      scopedVars: {},
    } as unknown as DataQueryRequest<StabilityQuery>;
    const responses: DataQueryResponse[] = await lastValueFrom(ds.query(request).pipe(toArray()));
    const byKey = Object.fromEntries(responses.map((r) => [r.key, r]));
    expect(byKey.A.errors).toBeUndefined();
    expect(byKey.A.data.map((f: DataFrame) => [customOf(f).labels, customOf(f).state])).toEqual([
      [a, 'imminent'],
      [b, 'ok'],
    ]);
    expect(byKey.B.data).toEqual([]);
    expect(byKey.B.errors).toEqual([
      {
        refId: 'B',
        message: expect.stringMatching(/^Prometheus answered 400: .*container_memory_working_set_bytes.*job="down"/),
      },
    ]);
  });
});
