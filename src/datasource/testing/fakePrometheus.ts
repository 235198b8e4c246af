/**
 * Test fixtures for the spikes query: a fake Prometheus answering query_range from a table keyed by
 * the PromQL, the data source wired to it, and a synthetic GC storm. Imported by tests only.
 */
import type { DataFrame, DataSourceInstanceSettings } from '@grafana/data';
import type { BackendSrv, BackendSrvRequest, TemplateSrv } from '@grafana/runtime';
import { from } from 'rxjs';

import { parseSelector } from '../../sources/prometheus/selector';
import { planSpikeQueries } from '../../sources/prometheus/spikeQueries';
import { type Table, tableTransport } from '../../sources/prometheus/testing/tableTransport';
import type { PromTransport } from '../../sources/prometheus/types';
import { SpikeFrameRole } from '../../shared/spikeFrames';
import { StabilityDataSource } from '../datasource';
import type { StabilityJsonData } from '../types';

export type { Table };
/** query_range answered from a table (src/sources/prometheus/testing/tableTransport.ts). */
export const rangeTransport = tableTransport;

const PROXY = '/api/datasources/proxy/uid/ds';

/** The data source with Grafana's backendSrv answering through `transport` (template variables left as is). */
export function dataSourceOver(transport: PromTransport, jsonData: StabilityJsonData = {}): StabilityDataSource {
  const fetch = (req: BackendSrvRequest) => {
    const url = new URL(req.url, 'http://host');
    return from(transport(url.pathname.replace(PROXY, ''), url.searchParams));
  };
  const settings = { uid: 'ds', url: PROXY, jsonData } as unknown as DataSourceInstanceSettings<StabilityJsonData>;
  const templateSrv = { replace: (text: string) => text } as unknown as TemplateSrv;
  return new StabilityDataSource(settings, { fetch } as unknown as BackendSrv, templateSrv);
}

export const STEP_MS = 15_000;
export const TO = 1_700_003_600_000 - (1_700_003_600_000 % STEP_MS);
export const FROM = TO - 3600_000;
/** The GC storm: four scrapes, half-way through the range. */
export const SPIKE_AT = FROM + 1800_000;
const inSpike = (t: number) => t >= SPIKE_AT && t < SPIKE_AT + 4 * STEP_MS;
/** Deterministic jitter in [-1, 1]. */
const jitter = (t: number, seed: number) => Math.sin(t / 15_000 + seed * 1.7) * Math.cos(t / 41_000 + seed);
const flat = (level: number, noise: number, seed: number) => (t: number) => level + noise * jitter(t, seed);

export const api = { instance: '10.0.0.1:8080' };
export const matchers = parseSelector('{job="api"}');
/** The plan of the default query (15s step, 60s rate window) for `matchers`. */
export const plan = planSpikeQueries({ matchers, rateWindowSeconds: 60 });

/** P99 at 100 ms jumps to 500 ms while GC pauses jump 40×; locks, threads and the scheduler stay flat. */
export function gcStormTable(labels: Record<string, string> = api): Table {
  return {
    [plan.p99]: [{ labels, at: (t) => (inSpike(t) ? 0.5 : 0.1 + 0.003 * jitter(t, 1)) }],
    [plan.signals.gc_pause_p99]: [{ labels, at: (t) => (inSpike(t) ? 0.02 : 0.0005 + 0.00005 * jitter(t, 2)) }],
    [plan.signals.gc_mean_pause]: [{ labels, at: (t) => (inSpike(t) ? 0.008 : 0.0003 + 0.00003 * jitter(t, 3)) }],
    [plan.signals.mutex_wait_rate]: [{ labels, at: flat(0.01, 0.001, 4) }],
    [plan.signals.threads]: [{ labels, at: () => 12 }],
    [plan.signals.sched_latency_p99]: [{ labels, at: flat(0.0002, 0.00002, 5) }],
    // Every other signal has no series.
  };
}

export const field = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values;
export const eventsOf = (frames: DataFrame[]) => frames.find((f) => f.meta?.custom?.role === SpikeFrameRole.Events)!;
