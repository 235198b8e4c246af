import { FieldType } from '@grafana/data';

import { analyseOom } from '../analysis/oomAnalysis';
import {
  a,
  b,
  CROSS_AT,
  FROM,
  GOMEMLIMIT,
  kubernetesTable,
  LIMIT,
  matchers,
  oomTransport,
  SPEC_LIMIT,
} from '../analysis/testing/oomFixtures';
import { MIB } from '../engine/oom';
import { OOM_STATES, OomField, type OomFrameCustom } from '../shared/oomFrames';
import { QueryType } from '../shared/queryTypes';
import { emptyOomFrame, oomForecastFrame } from './oomFrames';

const NOW = CROSS_AT - 10_000;

async function framesAt(toMs: number, table = kubernetesTable()) {
  const analysis = await analyseOom({
    client: oomTransport(table).client,
    query: { step: '1s' },
    matchers,
    fromMs: FROM,
    toMs,
  });
  return analysis.instances.map((i) => oomForecastFrame(i, analysis.settings, { fromMs: FROM, toMs }, 'A'));
}

const values = (frame: { fields: Array<{ name: string; values: unknown[] }> }, name: string) =>
  frame.fields.find((f) => f.name === name)!.values as Array<number | string | null>;

describe('oomForecastFrame', () => {
  it('has exactly the fields of the contract, in order, with units', async () => {
    const [frame] = await framesAt(NOW);
    expect(frame.refId).toBe('A');
    expect(frame.fields.map((f) => [f.name, f.type, f.config.unit])).toEqual([
      [OomField.Time, FieldType.time, undefined],
      [OomField.Usage, FieldType.number, 'bytes'],
      [OomField.Limit, FieldType.number, 'bytes'],
      [OomField.SoftLimit, FieldType.number, 'bytes'],
      [OomField.Forecast, FieldType.number, 'bytes'],
      [OomField.ForecastLower, FieldType.number, 'bytes'],
      [OomField.ForecastUpper, FieldType.number, 'bytes'],
      [OomField.TimeToLimit, FieldType.number, 's'],
      [OomField.State, FieldType.string, undefined],
    ]);
    expect(frame.fields[1].labels).toEqual(a);
  });

  it('says the state now in meta.custom, the time left in the last value', async () => {
    const [frame, other] = await framesAt(NOW);
    const custom = frame.meta?.custom as OomFrameCustom;
    expect(custom).toEqual({
      queryType: QueryType.OomForecast,
      role: 'forecast',
      state: 'imminent',
      labels: a,
      evaluatedAtMs: NOW,
      summary: expect.stringMatching(/^peak 214 MiB of 256 MiB, growing 4\.0 MiB\/s: limit in ~10 s$/),
    });
    expect((other.meta?.custom as OomFrameCustom).state).toBe('ok');
    expect((other.meta?.custom as OomFrameCustom).labels).toEqual(b);
    const ttl = values(frame, OomField.TimeToLimit);
    expect(ttl[ttl.length - 1]).toBeCloseTo(10, 0);
    const state = values(frame, OomField.State);
    expect(state[state.length - 1]).toBe('imminent');
    expect(state.every((s) => (OOM_STATES as readonly unknown[]).includes(s))).toBe(true);
  });

  it('has a row per step of the range, then forecast points to the horizon', async () => {
    const [frame] = await framesAt(NOW);
    const time = values(frame, OomField.Time) as number[];
    const usage = values(frame, OomField.Usage);
    const forecast = values(frame, OomField.Forecast);
    const samples = Math.floor((NOW - FROM) / 1000) + 1; // NOW falls half-way between two steps
    expect(time.slice(0, samples)).toEqual(Array.from({ length: samples }, (_, i) => FROM + i * 1000));
    expect(time.every((t, i) => i === 0 || t > time[i - 1])).toBe(true);
    expect(usage.slice(0, samples).every((v) => typeof v === 'number')).toBe(true);
    expect(usage.slice(samples).every((v) => v === null)).toBe(true);
    expect(time.length).toBeGreaterThan(samples);
    expect(time[time.length - 1]).toBe(NOW + 40_000); // the horizon
    // The forecast starts at the last sample and is drawn only after it.
    expect(forecast.slice(0, samples - 1).every((v) => v === null)).toBe(true);
    expect(forecast[samples - 1]).toBeCloseTo(usage[samples - 1] as number, -5);
    expect((forecast[forecast.length - 1] as number) > LIMIT).toBe(true);
    const lower = values(frame, OomField.ForecastLower) as number[];
    const upper = values(frame, OomField.ForecastUpper) as number[];
    expect(lower[time.length - 1]).toBeLessThan(forecast[time.length - 1] as number);
    expect(upper[time.length - 1]).toBeGreaterThan(forecast[time.length - 1] as number);
    expect(values(frame, OomField.Limit).every((v) => v === LIMIT)).toBe(true);
    expect(values(frame, OomField.SoftLimit).every((v) => v === null)).toBe(true);
  });

  it('gives the per-step state the backtest saw: ok before the climb, then warning', async () => {
    const [frame] = await framesAt(NOW);
    const state = values(frame, OomField.State);
    const ttl = values(frame, OomField.TimeToLimit);
    expect(state[0]).toBe('ok');
    expect(ttl[0]).toBeNull(); // flat: not approaching
    expect(state).toContain('warning');
    const firstWarning = state.indexOf('warning');
    expect(ttl[firstWarning]).toBeGreaterThan(0);
    expect(ttl[firstWarning]).toBeLessThanOrEqual(40);
  });

  it('puts GOMEMLIMIT in soft_limit and never in limit', async () => {
    const table = kubernetesTable();
    table[GOMEMLIMIT] = [{ labels: a, at: () => 200 * MIB }];
    const [frame] = await framesAt(NOW, table);
    expect(values(frame, OomField.SoftLimit).every((v) => v === 200 * MIB)).toBe(true);
    expect(values(frame, OomField.Limit).every((v) => v === LIMIT)).toBe(true);
    expect((frame.meta?.custom as OomFrameCustom).state).toBe('imminent');
  });

  it('has a null limit and state no_limit without a limit', async () => {
    const table = kubernetesTable();
    delete table[SPEC_LIMIT];
    const [frame] = await framesAt(NOW, table);
    expect((frame.meta?.custom as OomFrameCustom).state).toBe('no_limit');
    expect(values(frame, OomField.Limit).every((v) => v === null)).toBe(true);
    expect(values(frame, OomField.TimeToLimit).every((v) => v === null)).toBe(true);
    expect(new Set(values(frame, OomField.State))).toEqual(new Set(['no_limit']));
    expect(values(frame, OomField.Forecast).some((v) => v !== null)).toBe(true); // the forecast is still drawn
  });
});

describe('emptyOomFrame', () => {
  it('carries the notices, with no role (it is not a forecast)', () => {
    const frame = emptyOomFrame('B', [{ severity: 'warning', text: 'nothing' }]);
    expect(frame.length).toBe(0);
    expect(frame.refId).toBe('B');
    expect(frame.meta?.custom).toEqual({ queryType: QueryType.OomForecast });
    expect(frame.meta?.notices).toEqual([{ severity: 'warning', text: 'nothing' }]);
  });
});
