import { MIB } from '../options';
import { firstCrossing, gcSawtooth, goHeap, levelling, linearLeak, scrape, switchAt, T0_MS } from './memorySeries';
import { createPrng } from './prng';

describe('memory models', () => {
  it.each([
    ['linearLeak before and after the onset', linearLeak(10, 2, 5), [0, 5, 8], [10, 10, 16]],
    ['gcSawtooth climbs then drops', gcSawtooth(100, 200, 10), [0, 5, 9.9, 10], [100, 150, 199, 100]],
    ['levelling approaches its level', levelling(0, 100, 10), [0, 10, 1000], [0, 100 - 100 / Math.E, 100]],
    [
      'switchAt restarts the clock',
      switchAt(
        () => 1,
        3,
        (t) => t
      ),
      [2, 3, 5],
      [1, 0, 2],
    ],
  ])('%s', (_name, model, at, expected) => {
    at.forEach((t, i) => expect(model(t)).toBeCloseTo(expected[i], 9));
  });

  it('goHeap peaks at (1 + GOGC/100) × the live heap and drops back to it', () => {
    const heap = goHeap({
      liveBytes: 100 * MIB,
      leakBytesPerSecond: 0,
      leakStartSeconds: 0,
      garbageBytesPerSecond: 50 * MIB,
      durationSeconds: 10,
    });
    const trace = Array.from({ length: 1000 }, (_, i) => heap(i / 100));
    // Simulated in 10 ms steps: the peak falls short of the goal by at most one step's allocation.
    expect(Math.max(...trace) / MIB).toBeGreaterThan(199);
    expect(Math.max(...trace) / MIB).toBeLessThan(200);
    expect(Math.min(...trace) / MIB).toBe(100);
  });

  it('firstCrossing finds the kill time to 10 ms', () => {
    expect(firstCrossing(linearLeak(0, 10, 0), 25, 0, 10)).toBeCloseTo(2.5, 1);
    expect(firstCrossing(() => 1, 25, 0, 10)).toBeNull();
  });
});

describe('scrape', () => {
  it('samples on the grid from T0, with seeded noise when asked', () => {
    const clean = scrape((t) => t, { durationSeconds: 30, scrapeSeconds: 15 });
    expect(Array.from(clean.timestampsMs)).toEqual([T0_MS, T0_MS + 15000, T0_MS + 30000]);
    expect(Array.from(clean.values)).toEqual([0, 15, 30]);
    const a = scrape(() => 0, { durationSeconds: 10, scrapeSeconds: 1, noiseBytes: 1, prng: createPrng(5) });
    const b = scrape(() => 0, { durationSeconds: 10, scrapeSeconds: 1, noiseBytes: 1, prng: createPrng(5) });
    expect(a.values).toEqual(b.values);
    expect(a.values.some((v) => v !== 0)).toBe(true);
  });
});
