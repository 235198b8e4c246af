/**
 * Seeded synthetic data for the spike tests and the benchmark: never Math.random, so a failure
 * replays exactly.
 */

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit state PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller from a seeded uniform source. */
export function seededGaussian(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => {
    const u = 1 - uniform(); // (0, 1]: log(0) would be -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** Evenly spaced Unix-ms timestamps. */
export function evenTimestamps(n: number, stepSeconds: number, startMs = 1_700_000_000_000): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = startMs + i * stepSeconds * 1000;
  }
  return out;
}

/** level + noise × N(0, 1), clamped at 0 like a latency. */
export function noisyLevel(n: number, level: number, noise: number, seed: number): Float64Array {
  const gauss = seededGaussian(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.max(0, level + noise * gauss());
  }
  return out;
}

/** Adds `delta` to values[from..to). */
export function addStep(values: Float64Array, from: number, to: number, delta: number): Float64Array {
  const out = values.slice();
  for (let i = from; i < to && i < out.length; i++) {
    out[i] += delta;
  }
  return out;
}

/** Median by sorting a copy: the reference the fast structures are checked against. */
export function naiveMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** MAD by sorting the deviations: the reference for madOfSorted and RollingMedianMad. */
export function naiveMad(values: number[]): number {
  const m = naiveMedian(values);
  return naiveMedian(values.map((v) => Math.abs(v - m)));
}
