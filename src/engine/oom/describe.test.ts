import { describeOomEvaluation } from './describe';
import { OomForecast } from './forecast';
import { MIB } from './options';
import { OomEvaluation } from './warning';

const forecast: OomForecast = {
  atMs: 100_000,
  lastSampleMs: 100_000,
  lastValueBytes: 200 * MIB,
  envelopeBytes: 231 * MIB,
  levelBytes: 230 * MIB,
  trendBytesPerSecond: 7.1 * MIB,
  residualSpreadBytes: MIB,
  limitBytes: 256 * MIB,
  timeToLimitSeconds: 3.6,
  earliestTimeToLimitSeconds: 2,
  horizonSeconds: 40,
  bandLowerBytes: 0,
  bandUpperBytes: 0,
  samplesSinceReset: 90,
  secondsSinceReset: 90,
  lastReset: { atMs: 10_000, cause: 'drop' },
};

const evaluation = (reason: OomEvaluation['reason'], f: Partial<OomForecast> = {}): OomEvaluation => ({
  atMs: 100_000,
  state: 'ok',
  reason,
  streak: 2,
  misses: 1,
  newSample: true,
  forecast: { ...forecast, ...f },
});

describe('describeOomEvaluation', () => {
  it.each<[OomEvaluation['reason'], Partial<OomForecast>, string]>([
    ['no_data', {}, 'no sample yet'],
    ['stale', { atMs: 190_000 }, 'no sample for 90 s'],
    ['no_limit', { limitBytes: null }, 'no memory limit; peak 231 MiB, trend 7.1 MiB/s'],
    ['warming_up', { secondsSinceReset: 12 }, 'warming up after a restart (12 s of 60 s)'],
    ['slow_growth', { trendBytesPerSecond: 0.2 * MIB }, 'peak 231 MiB of 256 MiB, trend 0.2 MiB/s below 0.8 MiB/s'],
    [
      'beyond_horizon',
      { timeToLimitSeconds: 300 },
      'peak 231 MiB of 256 MiB, growing 7.1 MiB/s: limit in ~5.0 min, beyond the 40 s horizon',
    ],
    [
      'confirming',
      {},
      'peak 231 MiB of 256 MiB, growing 7.1 MiB/s: limit in ~4 s; confirming (2 of 3 growing samples)',
    ],
    ['crossing', {}, 'peak 231 MiB of 256 MiB, growing 7.1 MiB/s: limit in ~4 s'],
    [
      'clearing',
      { trendBytesPerSecond: 0, timeToLimitSeconds: Infinity },
      'peak 231 MiB of 256 MiB, trend 0.0 MiB/s below 0.8 MiB/s; clearing (1 of 3)',
    ],
  ])('%s', (reason, f, text) => {
    expect(describeOomEvaluation(evaluation(reason, f))).toBe(text);
  });
});
