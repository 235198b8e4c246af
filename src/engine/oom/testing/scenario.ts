/**
 * Runs a synthetic memory model through the backtest the way the scenario tests and docs/oom.md
 * report it: scraped with seeded noise, evaluated at every sample, with the true kill time.
 */
import { backtestOom, OomBacktest } from '../backtest';
import { OomOptionsInput } from '../options';
import { firstCrossing, MemoryModel, mib, scrape, Scraped, T0_MS } from './memorySeries';
import { createPrng } from './prng';

export const LIMIT = mib(256);

export interface ScenarioOptions {
  durationSeconds: number;
  scrapeSeconds: number;
  seed?: number;
  /** Default 0.5 MiB. */
  noiseBytes?: number;
  /** Uniform timestamp jitter, ± seconds. Default 0. */
  jitterSeconds?: number;
  /** Shifts the model against the scrape grid, seconds: a real leak starts at any phase. Default 0. */
  phaseSeconds?: number;
  /** Evaluations start here (earlier samples only prime the forecast). Default 0. */
  fromSeconds?: number;
  limitBytes?: number | null;
  options?: OomOptionsInput;
  /** Samples for which this returns true become NaN (failed scrapes). */
  drop?: (tSeconds: number, index: number) => boolean;
}

export interface ScenarioResult {
  series: Scraped;
  backtest: OomBacktest;
  /** When the true curve first reaches the limit, seconds on the series' clock; null if never. */
  crossingSeconds: number | null;
  /** Seconds on the series' clock of each warning interval's start. */
  warningStartsSeconds: number[];
  /** crossing − first warning start; null when either is missing. */
  leadSeconds: number | null;
}

export function runScenario(model: MemoryModel, o: ScenarioOptions): ScenarioResult {
  const phase = o.phaseSeconds ?? 0;
  const shifted: MemoryModel = (t) => model(t + phase);
  const series = scrape(shifted, {
    durationSeconds: o.durationSeconds,
    scrapeSeconds: o.scrapeSeconds,
    noiseBytes: o.noiseBytes ?? mib(0.5),
    jitterSeconds: o.jitterSeconds,
    prng: createPrng(o.seed ?? 1),
  });
  if (o.drop) {
    series.values.forEach((_, i) => {
      if (o.drop!((series.timestampsMs[i] - T0_MS) / 1000, i)) {
        series.values[i] = NaN;
      }
    });
  }
  const limit = o.limitBytes === undefined ? LIMIT : o.limitBytes;
  const range = { fromMs: T0_MS + (o.fromSeconds ?? 0) * 1000, toMs: T0_MS + o.durationSeconds * 1000 };
  const backtest = backtestOom(series.timestampsMs, series.values, limit, range, o.options);
  const crossingSeconds = limit === null ? null : firstCrossing(shifted, limit, 0, o.durationSeconds);
  const warningStartsSeconds = backtest.warnings.map((w) => (w.startMs - T0_MS) / 1000);
  const leadSeconds =
    crossingSeconds !== null && warningStartsSeconds.length > 0 ? crossingSeconds - warningStartsSeconds[0] : null;
  return { series, backtest, crossingSeconds, warningStartsSeconds, leadSeconds };
}
