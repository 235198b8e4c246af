import {
  formatConfidence,
  formatDuration,
  formatLabels,
  formatSignalValue,
  formatSpan,
  formatZ,
  signalUnit,
} from './format';

describe('format', () => {
  it('reads signal units from the catalog naming', () => {
    expect(signalUnit('gc_pause_p99')).toBe('seconds');
    expect(signalUnit('gc_mean_pause')).toBe('seconds');
    expect(signalUnit('gc_pause_max')).toBe('seconds');
    expect(signalUnit('network_client_p99')).toBe('seconds');
    expect(signalUnit('gc_cpu_ratio')).toBe('ratio');
    expect(signalUnit('cpu_throttled_ratio')).toBe('ratio');
    expect(signalUnit('mutex_wait_rate')).toBe('seconds_per_second');
    expect(signalUnit('gc_cycle_rate')).toBe('per_second');
    expect(signalUnit('tcp_retransmit_rate')).toBe('per_second');
    expect(signalUnit('threads')).toBe('count');
  });

  it('formats values with their unit', () => {
    expect([0.0002, 0.012, 1.5, 0.00012345, 90].map((v) => formatSignalValue('gc_pause_p99', v))).toEqual([
      '200 µs',
      '12 ms',
      '1.50 s',
      '123 µs',
      '1.50 mins',
    ]);
    expect(formatSignalValue('gc_cpu_ratio', 0.25)).toBe('25.0%');
    expect(formatSignalValue('cpu_throttled_ratio', 0.0123)).toBe('1.2%');
    expect(formatSignalValue('mutex_wait_rate', 0.2)).toBe('200 ms/s');
    expect(formatSignalValue('tcp_retransmit_rate', 2)).toBe('2/s');
    expect(formatSignalValue('gc_cycle_rate', 0.35)).toBe('0.350/s');
    expect(formatSignalValue('threads', 12)).toBe('12');
    expect(formatSignalValue('threads', null)).toBe('–');
  });

  it('formats z, confidence, durations, spans and labels', () => {
    expect([formatZ(9.53), formatZ(123456), formatZ(null)]).toEqual(['9.5', '1.2e+5', '–']);
    expect([formatConfidence(0.426), formatConfidence(null)]).toEqual(['43 %', '–']);
    expect([formatDuration(30_000), formatDuration(90_000), formatDuration(3_660_000)]).toEqual([
      '30s',
      '1m 30s',
      '1h 1m',
    ]);
    expect(formatSpan(Date.UTC(2024, 0, 2, 10, 0, 0), Date.UTC(2024, 0, 2, 10, 1, 30), 'utc')).toBe(
      '2024-01-02 10:00:00 – 10:01:30 (1m 30s)'
    );
    expect(formatSpan(Date.UTC(2024, 0, 2, 23, 59, 0), Date.UTC(2024, 0, 3, 0, 1, 0), 'utc')).toBe(
      '2024-01-02 23:59:00 – 2024-01-03 00:01:00 (2m)'
    );
    expect(formatLabels({ pod: 'p', job: 'api', instance: 'i' })).toBe('instance=i, job=api, pod=p');
  });
});
