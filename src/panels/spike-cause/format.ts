import { dateTimeFormat, formattedValueToString, getValueFormat } from '@grafana/data';
import type { TimeZone } from '@grafana/schema';

const DASH = '–';

/** Seconds with Grafana's own unit ('s': 250 ms, 1.2 s, 3 min). */
export function formatSeconds(v: number | null): string {
  return v === null ? DASH : formattedValueToString(getValueFormat('s')(v));
}

/** 0..1 as a percentage. */
export function formatConfidence(v: number | null): string {
  return v === null ? DASH : `${Math.round(v * 100)} %`;
}

/** Robust z, one decimal; the engine caps nothing here, so very large values stay readable. */
export function formatZ(v: number | null): string {
  if (v === null) {
    return DASH;
  }
  return Math.abs(v) >= 1000 ? v.toExponential(1) : v.toFixed(1);
}

export type SignalUnit = 'seconds' | 'ratio' | 'seconds_per_second' | 'per_second' | 'count';

/**
 * The unit of a signal, read from its id the way the signal catalog names them: *_p99 and pause
 * signals are seconds, *_ratio a share, *_wait_rate seconds waited per second, other *_rate per
 * second; anything else (threads, goroutines) a plain count.
 */
export function signalUnit(signal: string): SignalUnit {
  if (signal.endsWith('_ratio')) {
    return 'ratio';
  }
  if (signal.endsWith('_wait_rate')) {
    return 'seconds_per_second';
  }
  if (signal.endsWith('_rate')) {
    return 'per_second';
  }
  if (signal.endsWith('_p99') || signal.includes('pause')) {
    return 'seconds';
  }
  return 'count';
}

/** A signal's baseline or value with its unit. */
export function formatSignalValue(signal: string, v: number | null): string {
  if (v === null) {
    return DASH;
  }
  switch (signalUnit(signal)) {
    case 'seconds':
      return formatSeconds(v);
    case 'ratio':
      return formattedValueToString(getValueFormat('percentunit')(v, 1));
    case 'seconds_per_second':
      return `${formatSeconds(v)}/s`;
    case 'per_second':
      return `${formattedValueToString(getValueFormat('short')(v))}/s`;
    default:
      return formattedValueToString(getValueFormat('short')(v));
  }
}

export function formatTime(ms: number, timeZone?: TimeZone): string {
  return dateTimeFormat(ms, { timeZone, format: 'YYYY-MM-DD HH:mm:ss' });
}

/** "2024-01-02 10:00:00 – 10:01:30 (1m 30s)" */
export function formatSpan(startMs: number, endMs: number, timeZone?: TimeZone): string {
  const start = formatTime(startMs, timeZone);
  const end = formatTime(endMs, timeZone);
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  return `${start} – ${sameDay ? end.slice(11) : end} (${formatDuration(endMs - startMs)})`;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) {
    return `${s}s`;
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return s % 60 === 0 ? `${m}m` : `${m}m ${s % 60}s`;
  }
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h}h` : `${h}h ${m % 60}m`;
}

/** The group's labels as one line of text, instance and job first. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return keys.map((k) => `${k}=${labels[k]}`).join(', ');
}

function rank(key: string): number {
  return key === 'instance' ? 0 : key === 'job' ? 1 : 2;
}
