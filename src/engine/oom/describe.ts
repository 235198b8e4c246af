/**
 * One sentence per evaluation, for tooltips, the CLI and logs. Built on demand rather than stored
 * in every record: a backtest makes one evaluation per sample and most are never read.
 */
import { buildOomOptions, MIB, OomOptions, OomOptionsInput } from './options';
import { blockerOf, OomEvaluation } from './warning';

/** E.g. "peak 231 MiB of 256 MiB, growing 7.1 MiB/s: limit in ~4 s". Pass the options the evaluation used. */
export function describeOomEvaluation(e: OomEvaluation, options: OomOptionsInput | OomOptions = {}): string {
  const o = buildOomOptions(options);
  const f = e.forecast;
  switch (e.reason) {
    case 'no_data':
      return 'no sample yet';
    case 'stale':
      return `no sample for ${seconds((f.atMs - (f.lastSampleMs ?? f.atMs)) / 1000)}`;
    case 'no_limit':
      return `no memory limit; peak ${mib(f.envelopeBytes)}, trend ${rate(f.trendBytesPerSecond)}`;
    case 'confirming':
      return `${forecastText(f)}; confirming (${e.streak} of ${o.consecutiveEvaluations} growing samples)`;
    case 'crossing':
      return forecastText(f);
    case 'clearing':
      return `${blockerText(blockerOf(f, o) ?? 'beyond_horizon', e, o)}; clearing (${e.misses} of ${o.clearEvaluations})`;
    default:
      return blockerText(e.reason, e, o);
  }
}

function blockerText(reason: OomEvaluation['reason'], e: OomEvaluation, o: OomOptions): string {
  const f = e.forecast;
  if (reason === 'warming_up') {
    const after = f.lastReset?.cause === 'first_sample' ? 'the first sample' : 'a restart';
    return `warming up after ${after} (${seconds(f.secondsSinceReset ?? 0)} of ${seconds(o.warmupSeconds)})`;
  }
  if (reason === 'slow_growth') {
    const limit = f.limitBytes === null ? '' : ` of ${mib(f.limitBytes)}`;
    return `peak ${mib(f.envelopeBytes)}${limit}, trend ${rate(f.trendBytesPerSecond)} below ${rate(o.minGrowthBytesPerSecond)}`;
  }
  return `${forecastText(f)}, beyond the ${seconds(f.horizonSeconds)} horizon`;
}

function forecastText(f: OomEvaluation['forecast']): string {
  const ttl = f.timeToLimitSeconds ?? Infinity;
  const when = ttl === Infinity ? 'limit not reached at this trend' : `limit in ~${seconds(ttl)}`;
  return `peak ${mib(f.envelopeBytes)} of ${mib(f.limitBytes)}, growing ${rate(f.trendBytesPerSecond)}: ${when}`;
}

function mib(bytes: number | null): string {
  if (bytes === null) {
    return '?';
  }
  const m = bytes / MIB;
  return `${Math.abs(m) >= 10 ? m.toFixed(0) : m.toFixed(1)} MiB`;
}

function rate(bytesPerSecond: number | null): string {
  return bytesPerSecond === null ? '?' : `${(bytesPerSecond / MIB).toFixed(1)} MiB/s`;
}

function seconds(s: number): string {
  return s >= 120 ? `${(s / 60).toFixed(1)} min` : `${Math.round(s)} s`;
}
