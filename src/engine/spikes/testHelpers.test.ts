import { addStep, evenTimestamps, noisyLevel, seededGaussian, seededRandom } from './testHelpers';

describe('test helpers', () => {
  it('replays the same uniform stream for the same seed, a different one for another', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws roughly standard normal values', () => {
    const gauss = seededGaussian(3);
    const draws = Array.from({ length: 20000 }, gauss);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('builds timestamps, noisy levels and steps', () => {
    expect(Array.from(evenTimestamps(3, 15, 0))).toEqual([0, 15000, 30000]);
    expect(Array.from(noisyLevel(3, 2, 0, 1))).toEqual([2, 2, 2]);
    expect(Array.from(addStep(Float64Array.from([1, 1, 1, 1]), 1, 3, 5))).toEqual([1, 6, 6, 1]);
  });
});
