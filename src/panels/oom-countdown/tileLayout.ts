/** Sizes of the tile grid and of the type inside a tile, from the panel's size (pure, for tests). */

export const GAP_PX = 8;
export const PROBLEMS_PX = 44;
/** Below this a tile cannot say its state, countdown and memory legibly: the grid scrolls instead. */
export const MIN_TILE_WIDTH = 180;
export const MIN_TILE_HEIGHT = 130;
/** Tiles read best a little wider than tall. */
const ASPECT = 1.5;

export interface TileGrid {
  columns: number;
  tileWidth: number;
  tileHeight: number;
  /** The tiles do not fit: the grid scrolls vertically. */
  scroll: boolean;
}

export interface TileType {
  paddingPx: number;
  /** Name, state, memory and summary lines. */
  textPx: number;
  /** The countdown itself: as large as the tile allows. */
  countdownPx: number;
  /** The state's word: grows with the countdown, so a wall screen reads it from across the room. */
  statePx: number;
  /** 0 when the sparkline is off or the tile is too small for one. */
  sparklineHeight: number;
  sparklineWidth: number;
  /** Little room: the summary and the secondary labels are left out. */
  compact: boolean;
}

/** The column count that gives the largest tiles for `count` tiles in width × height. */
export function tileGrid(count: number, width: number, height: number): TileGrid {
  const n = Math.max(1, count);
  const w = Math.max(0, width);
  const h = Math.max(0, height);
  let best: TileGrid | undefined;
  let bestScore = -1;
  for (let columns = 1; columns <= n; columns++) {
    const tileWidth = (w - GAP_PX * (columns - 1)) / columns;
    if (columns > 1 && tileWidth < MIN_TILE_WIDTH) {
      break;
    }
    const rows = Math.ceil(n / columns);
    const tileHeight = (h - GAP_PX * (rows - 1)) / rows;
    if (tileHeight < MIN_TILE_HEIGHT) {
      continue;
    }
    const score = Math.min(tileWidth / ASPECT, tileHeight);
    if (score > bestScore) {
      bestScore = score;
      best = { columns, tileWidth: Math.floor(tileWidth), tileHeight: Math.floor(tileHeight), scroll: false };
    }
  }
  if (best) {
    return best;
  }
  // Too many to fit: as many columns as stay legible, rows of a readable height, scrolling.
  const columns = Math.max(1, Math.min(n, Math.floor((w + GAP_PX) / (MIN_TILE_WIDTH + GAP_PX))));
  const tileWidth = Math.floor((w - GAP_PX * (columns - 1)) / columns);
  const tileHeight = Math.floor(Math.max(MIN_TILE_HEIGHT, Math.min(tileWidth / ASPECT, h)));
  return { columns, tileWidth, tileHeight, scroll: Math.ceil(n / columns) * (tileHeight + GAP_PX) - GAP_PX > h };
}

/** Type sizes inside one tile: the countdown takes what the text lines and the sparkline leave. */
export function tileType(tileWidth: number, tileHeight: number, showSparkline: boolean): TileType {
  const paddingPx = clamp(Math.min(tileWidth, tileHeight) * 0.05, 6, 16);
  const innerW = Math.max(0, tileWidth - 2 * paddingPx);
  const innerH = Math.max(0, tileHeight - 2 * paddingPx);
  const compact = innerH < 200 || innerW < 260;
  const sparklineHeight = showSparkline && innerH >= 170 ? Math.round(clamp(innerH * 0.26, 36, 220)) : 0;
  const textPx = Math.round(clamp(Math.min(innerW / 26, innerH / 18), 11, 22));
  // Text lines under and over the countdown: name, state, caption, memory, soft limit (+ summary ×2).
  const textLines = compact ? 4.5 : 6.5;
  const spare = innerH - sparklineHeight - textLines * textPx * 1.35;
  // "59 min 59 s", the widest countdown, is about 5.3 em wide in Inter with tabular figures.
  const countdownPx = Math.round(clamp(Math.min(innerW / 5.5, spare / 1.15), 16, 240));
  // A narrow tile limits the countdown by its width: give the sparkline part of the height left over
  // (part only: the line count above is an estimate, and the tile clips what overflows).
  const leftover = Math.max(0, spare - countdownPx * 1.15);
  const grown = sparklineHeight > 0 ? Math.round(Math.min(320, sparklineHeight + leftover * 0.6)) : 0;
  const statePx = Math.round(clamp(countdownPx * 0.2, textPx, 48));
  return {
    paddingPx,
    textPx,
    countdownPx,
    statePx,
    sparklineHeight: grown,
    sparklineWidth: Math.floor(innerW),
    compact,
  };
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
