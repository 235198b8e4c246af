import { PrometheusError } from './errors';
import { parseMatrix, parseSampleValue, parseVector } from './parse';

describe('parseSampleValue', () => {
  it.each([
    ['1.5', 1.5],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
    ['0', 0],
  ])('reads %s', (raw, expected) => expect(parseSampleValue(raw)).toBe(expected));

  it('reads NaN and garbage as NaN, never as 0', () => {
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(parseSampleValue(undefined)).toBeNaN();
    expect(parseSampleValue(3)).toBeNaN();
  });
});

describe('parseVector / parseMatrix', () => {
  const ok = (resultType: string, result: unknown[]) => ({
    status: 200,
    data: { status: 'success', data: { resultType, result } },
  });

  it('turns a vector into samples with millisecond timestamps', () => {
    const samples = parseVector(ok('vector', [{ metric: { job: 'api' }, value: [1700000000.5, '42'] }]));
    expect(samples).toEqual([{ labels: { job: 'api' }, timestamp: 1700000000500, value: 42 }]);
  });

  it('turns a matrix into typed arrays', () => {
    const [series] = parseMatrix(
      ok('matrix', [
        {
          metric: { instance: 'a' },
          values: [
            [10, '1'],
            [11, 'NaN'],
          ],
        },
      ])
    );
    expect(Array.from(series.timestamps)).toEqual([10000, 11000]);
    expect(series.values[0]).toBe(1);
    expect(series.values[1]).toBeNaN();
  });

  it("names Prometheus' own error", () => {
    const answer = { status: 400, data: { status: 'error', errorType: 'bad_data', error: 'parse error at char 3' } };
    expect(() => parseVector(answer)).toThrow(
      new PrometheusError('Prometheus answered 400: bad_data: parse error at char 3')
    );
  });

  it('says when the URL is not a Prometheus API', () => {
    expect(() => parseVector({ status: 200, data: '<html>login</html>' })).toThrow(/not a Prometheus API response/);
  });

  it('reports a proxy failure with its status text', () => {
    expect(() => parseVector({ status: 502, statusText: 'Bad Gateway', data: undefined })).toThrow(
      'Prometheus answered 502: Bad Gateway'
    );
  });

  it('refuses a result of the wrong type', () => {
    expect(() => parseVector(ok('matrix', []))).toThrow(/returned a matrix result, expected a vector/);
  });
});
