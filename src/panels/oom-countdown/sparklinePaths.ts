import type { OomSeries } from './readForecastFrames';

/** SVG path data of one instance's trajectory in a width × height box (pure, for tests). */
export interface SparklinePaths {
  usage: string;
  limit: string;
  softLimit: string;
  forecast: string;
  /** Closed polygons between forecast_lower and forecast_upper. */
  band: string;
  /** x of the evaluation time (the boundary between measured and forecast), when inside the range. */
  nowX: number | null;
}

/** Room for half a stroke at the top and bottom so the limit line is not clipped. */
const PAD = 2;

/** Null when there is nothing to draw: fewer than two distinct times, or no finite value. */
export function sparklinePaths(
  series: OomSeries,
  width: number,
  height: number,
  evaluatedAtMs: number | null
): SparklinePaths | null {
  const { time } = series;
  if (time.length < 2 || !(width > 0) || !(height > 0)) {
    return null;
  }
  // Loops, not Math.max(...values): a long range has more points than a call takes arguments.
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const t of time) {
    x0 = Math.min(x0, t);
    x1 = Math.max(x1, t);
  }
  let yMax = 0;
  for (const values of [series.usage, series.limit, series.softLimit, series.forecast, series.forecastUpper]) {
    for (const v of values) {
      if (v !== null && v > yMax) {
        yMax = v;
      }
    }
  }
  if (!(x1 > x0) || !(yMax > 0)) {
    return null;
  }
  // Memory from zero: how close the usage is to the limit reads as a share of the height.
  const top = yMax * 1.05;
  const x = (ms: number) => round(((ms - x0) / (x1 - x0)) * width);
  const y = (v: number) => round(PAD + (1 - Math.max(0, v) / top) * (height - 2 * PAD));
  const line = (values: Array<number | null>) => linePath(time, values, x, y);
  return {
    usage: line(series.usage),
    limit: line(series.limit),
    softLimit: line(series.softLimit),
    forecast: line(series.forecast),
    band: bandPath(time, series.forecastLower, series.forecastUpper, x, y),
    nowX: evaluatedAtMs !== null && evaluatedAtMs >= x0 && evaluatedAtMs <= x1 ? x(evaluatedAtMs) : null,
  };
}

/** A polyline broken at nulls ("M" starts each run); a lone point is drawn as a short dash. */
function linePath(
  time: number[],
  values: Array<number | null>,
  x: (ms: number) => number,
  y: (v: number) => number
): string {
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) {
      run.push(`h0.5`);
    }
    parts.push(...run);
    run = [];
  };
  for (let i = 0; i < time.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      flush();
      continue;
    }
    run.push(`${run.length === 0 ? 'M' : 'L'}${x(time[i])},${y(v)}`);
  }
  flush();
  return parts.join('');
}

/** One closed polygon per run where both bounds are known: along the upper bound, back along the lower. */
function bandPath(
  time: number[],
  lower: Array<number | null>,
  upper: Array<number | null>,
  x: (ms: number) => number,
  y: (v: number) => number
): string {
  const polygons: string[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 2) {
      const forth = run.map((i, k) => `${k === 0 ? 'M' : 'L'}${x(time[i])},${y(upper[i]!)}`);
      const back = [...run].reverse().map((i) => `L${x(time[i])},${y(lower[i]!)}`);
      polygons.push(`${forth.join('')}${back.join('')}Z`);
    }
    run = [];
  };
  for (let i = 0; i < time.length; i++) {
    if (lower[i] === null || lower[i] === undefined || upper[i] === null || upper[i] === undefined) {
      flush();
    } else {
      run.push(i);
    }
  }
  flush();
  return polygons.join('');
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
