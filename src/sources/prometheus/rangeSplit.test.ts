import { mergeChunkSeries, rangeChunks } from './rangeSplit';

describe('rangeChunks', () => {
  it('keeps a short range whole', () => {
    expect(rangeChunks(0, 60_000, 1)).toEqual([{ startMs: 0, endMs: 60_000 }]);
  });

  it('splits a day at 1 s into chunks of at most 11,000 points that tile the range exactly', () => {
    const day = 86_400_000;
    const chunks = rangeChunks(0, day, 1);
    expect(chunks).toHaveLength(8);
    let points = 0;
    chunks.forEach((c, i) => {
      const n = (c.endMs - c.startMs) / 1000 + 1;
      expect(n).toBeLessThanOrEqual(11_000);
      points += n;
      if (i > 0) {
        expect(c.startMs).toBe(chunks[i - 1].endMs + 1000);
      }
    });
    expect(points).toBe(86_401);
    expect(chunks[chunks.length - 1].endMs).toBe(day);
  });

  it('refuses a zero step', () => expect(() => rangeChunks(0, 1, 0)).toThrow(/invalid range/));
});

describe('mergeChunkSeries', () => {
  it('joins pieces of the same label set whatever the label order', () => {
    const piece = (labels: Record<string, string>, t: number[]) => ({
      labels,
      timestamps: Float64Array.from(t),
      values: Float64Array.from(t.map((x) => x * 2)),
    });
    const merged = mergeChunkSeries([
      [piece({ a: '1', b: '2' }, [1, 2]), piece({ a: '9' }, [1])],
      [piece({ b: '2', a: '1' }, [3])],
    ]);
    expect(merged).toHaveLength(2);
    expect(Array.from(merged[0].timestamps)).toEqual([1, 2, 3]);
    expect(Array.from(merged[0].values)).toEqual([2, 4, 6]);
  });
});
