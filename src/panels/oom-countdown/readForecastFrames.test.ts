import { createDataFrame, FieldType, toDataFrame } from '@grafana/data';

import { OomField } from '../../shared/oomFrames';
import { QueryType } from '../../shared/queryTypes';
import { readForecastFrames } from './readForecastFrames';
import { EVAL_MS, forecastFrame, MIB, STEP_MS } from './testFrames';

describe('readForecastFrames', () => {
  it('reads a well-formed frame into one typed instance', () => {
    const { instances, problems } = readForecastFrames([forecastFrame({ softLimit: 200 * MIB })]);
    expect(problems).toEqual([]);
    expect(instances).toHaveLength(1);
    const i = instances[0];
    expect(i).toMatchObject({
      name: '10.0.0.1:8080',
      labels: { instance: '10.0.0.1:8080', job: 'api' },
      state: 'warning',
      evaluatedAtMs: EVAL_MS,
      timeToLimitSeconds: 200,
      usageBytes: 231 * MIB,
      usageAtMs: EVAL_MS,
      limitBytes: 256 * MIB,
      softLimitBytes: 200 * MIB,
      summary: 'peak 231 MiB of 256 MiB, growing 0.3 MiB/s: limit in ~3.3 min',
      problems: [],
    });
    expect(i.series.time).toHaveLength(7 + 6);
    expect(i.series.usage[6]).toBe(231 * MIB);
    expect(i.series.usage[7]).toBeNull();
    expect(i.series.forecastUpper[12]).toBe(231 * MIB + 6 * 5 * MIB + 6 * MIB);
  });

  it('orders instances soonest to the limit first, then by state, then by name', () => {
    const frame = (instance: string, ttl: number | null, state: 'ok' | 'warning' | 'imminent' | 'no_limit' = 'ok') =>
      forecastFrame({ labels: { instance }, ttl, state });
    const { instances } = readForecastFrames([
      frame('later', 900),
      frame('unlimited', null, 'no_limit'),
      frame('calm-b', null),
      frame('soon', 40, 'imminent'),
      frame('calm-a', null),
      frame('clearing', null, 'warning'),
      // Evaluated 100 s earlier with 120 s left: reaches the limit 20 s after the others' evaluation.
      forecastFrame({ labels: { instance: 'earlier' }, ttl: 120, evaluatedAtMs: EVAL_MS - 100_000 }),
    ]);
    expect(instances.map((i) => i.name)).toEqual([
      'earlier',
      'soon',
      'later',
      'clearing',
      'calm-a',
      'calm-b',
      'unlimited',
    ]);
  });

  it('reads a null time left as not approaching and a null limit as none', () => {
    const [i] = readForecastFrames([forecastFrame({ ttl: null, limit: null, state: 'no_limit' })]).instances;
    expect(i.timeToLimitSeconds).toBeNull();
    expect(i.limitBytes).toBeNull();
    expect(i.state).toBe('no_limit');
    expect(i.problems).toEqual([]);
  });

  it('degrades a partial frame and says what is missing', () => {
    const [i] = readForecastFrames([
      forecastFrame({}, [OomField.Limit, OomField.ForecastLower, OomField.ForecastUpper, OomField.SoftLimit]),
    ]).instances;
    expect(i.limitBytes).toBeNull();
    expect(i.softLimitBytes).toBeNull();
    expect(i.series.forecastLower.every((v) => v === null)).toBe(true);
    expect(i.problems).toEqual(['No "limit", "forecast_lower", "forecast_upper" field: shown as unknown.']);
  });

  it("falls back on the state field, the newest sample and the fields' labels when meta.custom is lost", () => {
    const frame = forecastFrame({ state: 'imminent', ttl: 12 });
    frame.meta = { custom: { queryType: QueryType.OomForecast } };
    const [i] = readForecastFrames([frame]).instances;
    expect(i.state).toBe('imminent');
    expect(i.evaluatedAtMs).toBe(EVAL_MS);
    expect(i.labels).toEqual({ instance: '10.0.0.1:8080', job: 'api' });
    expect(i.summary).toBe('');
    expect(i.problems).toEqual(['No evaluation time: the countdown runs from the newest sample.']);
  });

  it('never throws on malformed values: NaN, strings, Infinity, junk state and labels, bad times', () => {
    const frame = createDataFrame({
      refId: 'A',
      meta: {
        custom: {
          queryType: QueryType.OomForecast,
          role: 'forecast',
          state: 'on fire',
          labels: ['not', 'an', 'object'],
          evaluatedAtMs: 'yesterday',
          summary: 42,
        },
      },
      fields: [
        { name: OomField.Time, type: FieldType.time, values: [EVAL_MS - STEP_MS, 'garbage', EVAL_MS] },
        { name: OomField.Usage, type: FieldType.number, values: [NaN, 5, '100'] },
        { name: OomField.Limit, type: FieldType.number, values: [Infinity, null, null] },
        { name: OomField.TimeToLimit, type: FieldType.number, values: [1, 2, NaN] },
        { name: OomField.State, type: FieldType.string, values: [null, null, 7] },
      ],
    });
    const [i] = readForecastFrames([frame]).instances;
    expect(i.series.time).toEqual([EVAL_MS - STEP_MS, EVAL_MS]);
    expect(i.series.usage).toEqual([null, 100]);
    expect(i.usageBytes).toBe(100);
    expect(i.limitBytes).toBeNull();
    expect(i.timeToLimitSeconds).toBeNull();
    expect(i.labels).toEqual({});
    expect(i.name).toBe('Instance 1');
    expect(i.summary).toBe('');
    expect(i.state).toBe('no_limit');
    expect(i.problems).toEqual(
      expect.arrayContaining([
        '1 row(s) without a valid time were left out.',
        "No readable state: judged from the memory data and this panel's thresholds.",
      ])
    );
  });

  it('reads an empty usage column as no data', () => {
    const [i] = readForecastFrames([
      forecastFrame({ usage: [null, null, null], state: 'no_data', ttl: null }),
    ]).instances;
    expect(i.usageBytes).toBeNull();
    expect(i.state).toBe('no_data');
    expect(i.problems).toEqual(['No memory sample in the range.']);
  });

  it("skips frames it cannot draw, says so, and keeps the data source's notices", () => {
    const noTime = createDataFrame({
      meta: { custom: { queryType: QueryType.OomForecast, role: 'forecast' } },
      fields: [{ name: OomField.Usage, type: FieldType.number, values: [1] }],
    });
    const empty = createDataFrame({
      meta: {
        custom: { queryType: QueryType.OomForecast },
        notices: [{ severity: 'warning', text: 'No series match' }],
      },
      fields: [],
    });
    const future = toDataFrame({ meta: { custom: { queryType: QueryType.OomForecast, role: 'history' } }, fields: [] });
    expect(readForecastFrames([noTime, empty, future])).toEqual({
      instances: [],
      problems: [
        'Frame 1 has no "time" field and cannot be drawn.',
        'The query returned 1 frame(s) but no forecast frame.',
      ],
      notices: ['No series match'],
    });
    expect(readForecastFrames([])).toEqual({ instances: [], problems: [], notices: [] });
  });

  it('keeps keys unique when two frames carry the same labels', () => {
    const { instances } = readForecastFrames([forecastFrame(), forecastFrame()]);
    expect(new Set(instances.map((i) => i.key)).size).toBe(2);
  });
});
