import { PrometheusClient } from './client';
import { type PromRecording, recordingTransport, replayTransport } from './recording';
import type { PromTransport } from './types';

/** A live server stand-in: one series, a value per second equal to the second. */
const live: PromTransport = async (path, params) => {
  if (path.startsWith('/api/v1/label/')) {
    return { status: 200, data: { status: 'success', data: ['0.005', '0.01', '+Inf'] } };
  }
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  const step = Number(params.get('step'));
  const values: Array<[number, string]> = [];
  for (let t = start; t <= end; t += step) {
    values.push([t, String(t)]);
  }
  return {
    status: 200,
    data: { status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 'demo' }, values }] } },
  };
};

describe('recording and replaying Prometheus answers', () => {
  it('replays what was recorded, sliced and resampled to the range and step asked', async () => {
    const recording: PromRecording = { ranges: {}, labelValues: {} };
    const recorder = new PrometheusClient(recordingTransport(live, recording));
    await recorder.range('up', 100_000, 160_000, 1);
    expect(await recorder.labelValues('le', 'x_bucket')).toEqual(['0.005', '0.01', '+Inf']);

    // Through JSON, as a fixture file.
    const replay = new PrometheusClient(replayTransport(JSON.parse(JSON.stringify(recording))));
    const [series] = await replay.range('up', 110_000, 130_000, 5);
    expect(Array.from(series.timestamps)).toEqual([110_000, 115_000, 120_000, 125_000, 130_000]);
    expect(Array.from(series.values)).toEqual([110, 115, 120, 125, 130]);
    expect(await replay.labelValues('le', 'x_bucket')).toEqual(['0.005', '0.01', '+Inf']);
  });

  it('answers an expression never recorded with no series, and leaves holes where samples are missing', async () => {
    const recording: PromRecording = {
      ranges: {
        up: [
          {
            metric: {},
            values: [
              [10, '1'],
              [13, '2'],
            ],
          },
        ],
      },
      labelValues: {},
    };
    const replay = new PrometheusClient(replayTransport(recording));
    expect(await replay.range('other', 0, 20_000, 1)).toEqual([]);
    const [series] = await replay.range('up', 10_000, 14_000, 1);
    expect(Array.from(series.timestamps)).toEqual([10_000, 13_000]);
  });
});
