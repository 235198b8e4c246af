import { GAP_PX, MIN_TILE_HEIGHT, MIN_TILE_WIDTH, tileGrid, tileType } from './tileLayout';

describe('tileGrid', () => {
  it('gives one instance the whole panel', () => {
    expect(tileGrid(1, 800, 400)).toEqual({ columns: 1, tileWidth: 800, tileHeight: 400, scroll: false });
  });

  it('lays a few instances side by side on a wide panel and stacked on a tall one', () => {
    expect(tileGrid(3, 1200, 300).columns).toBe(3);
    expect(tileGrid(3, 400, 1200).columns).toBe(1);
    const grid = tileGrid(4, 1000, 600);
    expect(grid.columns).toBe(2);
    expect(grid.tileWidth).toBe((1000 - GAP_PX) / 2);
  });

  it('scrolls a grid of legible tiles when there are too many to fit', () => {
    const grid = tileGrid(60, 1000, 500);
    expect(grid.scroll).toBe(true);
    expect(grid.tileWidth).toBeGreaterThanOrEqual(MIN_TILE_WIDTH);
    expect(grid.tileHeight).toBeGreaterThanOrEqual(MIN_TILE_HEIGHT);
    expect(grid.columns).toBe(5);
  });

  it('survives a zero-sized panel', () => {
    const grid = tileGrid(0, 0, 0);
    expect(grid.columns).toBe(1);
    expect(Number.isFinite(grid.tileWidth)).toBe(true);
  });
});

describe('tileType', () => {
  it('scales the countdown with the tile', () => {
    const small = tileType(200, 140, true);
    const big = tileType(1600, 900, true);
    expect(big.countdownPx).toBeGreaterThan(small.countdownPx * 3);
    expect(big.textPx).toBeGreaterThan(small.textPx);
    expect(big.statePx).toBeGreaterThan(big.textPx);
    expect(small.statePx).toBe(small.textPx);
    expect(small.compact).toBe(true);
    expect(big.compact).toBe(false);
  });

  it('leaves the sparkline out when it is off or there is no room', () => {
    expect(tileType(800, 400, false).sparklineHeight).toBe(0);
    expect(tileType(300, 150, true).sparklineHeight).toBe(0);
    expect(tileType(800, 400, true).sparklineHeight).toBeGreaterThan(0);
  });
});
