import type { Labels, RangeSeries } from './types';

/** Prometheus refuses a range query of more than 11,000 points per series. */
export const MAX_POINTS_PER_QUERY = 11_000;

export interface TimeChunk {
  startMs: number;
  endMs: number;
}

/**
 * Splits [start, end] into chunks of at most maxPoints steps each, aligned to the step so the
 * chunks' samples join without duplicates or holes.
 */
export function rangeChunks(
  startMs: number,
  endMs: number,
  stepSeconds: number,
  maxPoints = MAX_POINTS_PER_QUERY
): TimeChunk[] {
  if (!(stepSeconds > 0) || !(endMs >= startMs) || !(maxPoints >= 1)) {
    throw new Error(`invalid range: start ${startMs}, end ${endMs}, step ${stepSeconds}s`);
  }
  const stepMs = stepSeconds * 1000;
  const span = stepMs * (maxPoints - 1);
  const chunks: TimeChunk[] = [];
  for (let from = startMs; from <= endMs; from += span + stepMs) {
    chunks.push({ startMs: from, endMs: Math.min(from + span, endMs) });
  }
  return chunks;
}

function keyOf(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Joins the per-chunk answers into one series per label set, in time order. */
export function mergeChunkSeries(parts: RangeSeries[][]): RangeSeries[] {
  const byKey = new Map<string, { labels: Labels; pieces: RangeSeries[] }>();
  for (const part of parts) {
    for (const series of part) {
      const key = keyOf(series.labels);
      const entry = byKey.get(key) ?? { labels: series.labels, pieces: [] };
      entry.pieces.push(series);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].map(({ labels, pieces }) => {
    const length = pieces.reduce((n, p) => n + p.timestamps.length, 0);
    const timestamps = new Float64Array(length);
    const values = new Float64Array(length);
    let offset = 0;
    for (const p of pieces) {
      timestamps.set(p.timestamps, offset);
      values.set(p.values, offset);
      offset += p.timestamps.length;
    }
    return { labels, timestamps, values };
  });
}
