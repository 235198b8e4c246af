import { type DataQueryRequest, type DataQueryResponse, dateTime } from '@grafana/data';
import { lastValueFrom, toArray } from 'rxjs';

import type { PrometheusClient } from '../../sources/prometheus/client';
import { planSpikeQueries } from '../../sources/prometheus/spikeQueries';
import { QueryType } from '../../shared/queryTypes';
import { SpikeField, SpikeFrameRole } from '../../shared/spikeFrames';
import {
  api,
  dataSourceOver,
  eventsOf,
  field,
  FROM,
  gcStormTable,
  matchers,
  plan,
  rangeTransport,
  SPIKE_AT,
  STEP_MS,
  TO,
} from '../testing/fakePrometheus';
import type { StabilityQuery } from '../types';
import { historySeconds, runSpikes, settleBounded, spikeSettings } from './spikes';

const base = { refId: 'A', queryType: QueryType.Spikes };
const run = (client: PrometheusClient, query = {}) =>
  runSpikes({ client, query: { ...base, ...query }, matchers, fromMs: FROM, toMs: TO });

describe('runSpikes', () => {
  it('finds the spike a GC storm made and blames GC with the GC evidence', async () => {
    const { client } = rangeTransport(gcStormTable(), (expr) => expr === plan.signals.gc_cpu_ratio);
    const frames = await run(client);

    const [p99, events] = frames;
    expect(p99.meta?.custom).toEqual({ queryType: QueryType.Spikes, role: SpikeFrameRole.P99 });
    expect(p99.fields[1].labels).toEqual(api);
    expect(field(p99, SpikeField.Time)[0]).toBeGreaterThanOrEqual(FROM); // the history is not drawn
    expect(field(events, SpikeField.Start)).toEqual([SPIKE_AT]);
    expect(field(events, SpikeField.Kind)).toEqual(['spike']);
    expect(field(events, SpikeField.Cause)).toEqual(['gc']);
    expect(field(events, SpikeField.Confidence)[0]).toBeGreaterThan(0.5);
    expect(JSON.parse(field(events, SpikeField.Labels)[0])).toEqual(api);
    const evidence = JSON.parse(field(events, SpikeField.Evidence)[0]);
    expect(
      evidence
        .slice(0, 2)
        .map((e: { signal: string }) => e.signal)
        .sort()
    ).toEqual(['gc_mean_pause', 'gc_pause_p99']);
    expect(Object.keys(evidence[0]).sort()).toEqual(['baseline', 'cause', 'signal', 'value', 'z']);

    const notices = events.meta?.notices?.map((n) => n.text) ?? [];
    expect(notices).toContainEqual(
      expect.stringMatching(/^Not observable because the query failed: gc_cpu_ratio \(Prometheus answered 400/)
    );
    expect(notices).toContainEqual(
      expect.stringMatching(/^cpu_throttling: not observable, no container_cpu_cfs_throttled_periods_total series/)
    );
    expect(notices.some((n) => n.startsWith('gc:') || n.startsWith('lock:'))).toBe(false);
  });

  it('calls a spike with no cause signal unexplained and lists what remains possible', async () => {
    const { client } = rangeTransport({ [plan.p99]: gcStormTable()[plan.p99] });
    const events = eventsOf(await run(client));
    expect(field(events, SpikeField.Cause)).toEqual(['unexplained']);
    expect(field(events, SpikeField.Confidence)).toEqual([0]);
    expect(field(events, SpikeField.PossibleCauses)[0].split(',').sort()).toEqual(
      ['cpu_throttling', 'gc', 'lock', 'network', 'scheduler', 'syscall'].sort()
    );
    expect(field(events, SpikeField.SuggestedProfiles)[0]).toContain('mutex');
    expect(events.meta?.notices?.map((n) => n.text)).toContainEqual(
      expect.stringMatching(
        /^lock: not observable, no go_sync_mutex_wait_total_seconds_total series \(needs Go >= 1\.20/
      )
    );
  });

  it('reports only events overlapping the requested range', async () => {
    const early = FROM - 10 * STEP_MS; // inside the fetched history, before the dashboard's range
    const table = gcStormTable();
    table[plan.p99] = [{ labels: api, at: (t) => (t >= early && t < early + 3 * STEP_MS ? 0.6 : 0.1) }];
    const { client } = rangeTransport(table);
    expect(field(eventsOf(await run(client)), SpikeField.Start)).toEqual([]);
    const wider = await runSpikes({ client, query: base, matchers, fromMs: early - STEP_MS, toMs: TO });
    expect(field(eventsOf(wider), SpikeField.Start)).toEqual([early]); // the same spike, inside a wider range
  });

  it('joins signals to the P99 group with the same labels', async () => {
    const [a, b] = [{ instance: 'a:1' }, { instance: 'b:1' }];
    const table = gcStormTable(a);
    table[plan.p99].push({ labels: b, at: table[plan.p99][0].at });
    table[plan.signals.threads].push({ labels: b, at: () => 12 });
    const frames = await run(rangeTransport(table).client);
    const events = eventsOf(frames);
    expect(frames.filter((f) => f.meta?.custom?.role === SpikeFrameRole.P99)).toHaveLength(2);
    expect(field(events, SpikeField.Labels).map((l: string) => JSON.parse(l).instance)).toEqual(['a:1', 'b:1']);
    expect(field(events, SpikeField.Cause)).toEqual(['gc', 'unexplained']); // b exports no GC signal
    expect(events.meta?.notices?.map((n) => n.text)).toContainEqual(
      expect.stringMatching(/^gc: not observable for 1 of 2 groups \(instance="b:1"\): no go_sched_pauses/)
    );
  });

  it('answers an absent histogram with a notice naming it, not an error', async () => {
    const { client } = rangeTransport({ [plan.p99]: [] });
    const frames = await run(client);
    expect(frames).toHaveLength(1);
    expect(frames[0].length).toBe(0);
    expect(frames[0].meta?.notices?.[0].text).toMatch(/^No http_server_request_duration_seconds_bucket series/);
  });

  it('throws the P99 query error (the data source puts it on the refId)', async () => {
    const { client } = rangeTransport(gcStormTable(), (expr) => expr === plan.p99);
    await expect(run(client)).rejects.toThrow(/^Prometheus answered 400: bad_data: cannot run histogram_quantile/);
  });

  it('says when a group has too few samples to judge', async () => {
    const table = gcStormTable();
    table[plan.p99] = [{ labels: api, at: (t) => (t > TO - 5 * STEP_MS ? 0.1 : NaN) }];
    const notices = eventsOf(await run(rangeTransport(table).client)).meta?.notices?.map((n) => n.text);
    expect(notices).toContainEqual(expect.stringMatching(/^P99 of instance="10.0.0.1:8080": only 5 finite samples/));
  });
});

describe('the spikes query in the data source', () => {
  it('puts a failing P99 query on its own refId while the other query still draws', async () => {
    const ds = dataSourceOver(rangeTransport(gcStormTable(), (expr) => expr.includes('job="down"')).transport);
    const request = {
      targets: [
        { refId: 'A', queryType: QueryType.Spikes, selector: '{job="api"}' },
        // The fake Prometheus rejects every query of B.
        { refId: 'B', queryType: QueryType.Spikes, selector: '{job="down"}' },
      ],
      range: { from: dateTime(FROM), to: dateTime(TO) },
      scopedVars: {},
    } as unknown as DataQueryRequest<StabilityQuery>;
    const responses: DataQueryResponse[] = await lastValueFrom(ds.query(request).pipe(toArray()));
    const byKey = Object.fromEntries(responses.map((r) => [r.key, r]));
    expect(byKey.A.errors).toBeUndefined();
    expect(field(eventsOf(byKey.A.data), SpikeField.Cause)).toEqual(['gc']);
    expect(byKey.B.data).toEqual([]);
    expect(byKey.B.errors).toEqual([
      { refId: 'B', message: expect.stringMatching(/^Prometheus answered 400: .*histogram_quantile.*job="down"/) },
    ]);
  });
});

describe('resolution and range', () => {
  it('runs at the data source scrape interval, fetching W steps + the rate window before the range', async () => {
    const p = planSpikeQueries({ matchers, rateWindowSeconds: 40 });
    const { client, requests } = rangeTransport({ [p.p99]: [] });
    await runSpikes({ client, query: base, matchers, fromMs: FROM, toMs: TO, scrapeInterval: '10s' });
    expect(requests[0].get('query')).toBe(p.p99);
    expect(requests[0].get('step')).toBe('10');
    const history = 30 * 10 + 40;
    expect(Number(requests[0].get('start')) * 1000).toBe(Math.floor((FROM - history * 1000) / 10_000) * 10_000);
    expect(Number(requests[0].get('end')) * 1000).toBe(Math.floor(TO / 10_000) * 10_000); // step-aligned
  });

  it("takes the query's step and rate window over the data source's, whatever the panel interval", async () => {
    const p = planSpikeQueries({ matchers, rateWindowSeconds: 120 });
    const { client, requests } = rangeTransport({ [p.p99]: [] });
    const query = { ...base, step: '30s', rateWindow: '2m', windowSamples: 40 };
    await runSpikes({ client, query, matchers, fromMs: FROM, toMs: TO, scrapeInterval: '10s' });
    // The range queries (the histogram's bucket bounds are asked apart, without a step).
    const ranges = requests.filter((r) => r.has('query'));
    expect(ranges.every((r) => r.get('step') === '30')).toBe(true);
    expect(ranges).toHaveLength(13); // the P99 and one query per catalog signal
    expect(Number(ranges[0].get('start')) * 1000).toBe(Math.floor((FROM - (40 * 30 + 120) * 1000) / 30_000) * 30_000);
  });

  it('defaults to 15s and 4 steps, and refuses a malformed duration', () => {
    expect(spikeSettings(base)).toEqual({ stepSeconds: 15, rateWindowSeconds: 60, windowSamples: 30, k: 3 });
    expect(historySeconds(spikeSettings(base))).toBe(30 * 15 + 60);
    expect(() => spikeSettings({ ...base, step: '15' })).toThrow('The step "15" is not a Prometheus duration');
  });

  it('keeps at most `limit` queries in flight and every outcome in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await settleBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (n === 4) {
        throw new Error('four');
      }
      return n * 10;
    });
    expect(peak).toBe(3);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      10,
      20,
      30,
      'Error: four',
      50,
      60,
      70,
    ]);
  });
});
