/**
 * Synthetic memory series with known answers: models of the true working set over time (seconds),
 * scraped like Prometheus would (fixed interval, optional noise and jitter), and the exact time
 * the true curve first reaches a limit (when the kernel would kill).
 */
import { MIB } from '../options';
import { Prng } from './prng';

/** True memory in bytes at t seconds after the series starts. */
export type MemoryModel = (tSeconds: number) => number;

export interface Scraped {
  timestampsMs: Float64Array;
  values: Float64Array;
}

export interface ScrapeOptions {
  durationSeconds: number;
  scrapeSeconds: number;
  /** Timestamp of t = 0. Default 1.7e12 (a 2023 Unix time in ms). */
  startMs?: number;
  /** Gaussian noise σ in bytes. Default 0. */
  noiseBytes?: number;
  /** Uniform timestamp jitter, ± seconds (kept below half a scrape). Default 0. */
  jitterSeconds?: number;
  prng?: Prng;
}

export const T0_MS = 1.7e12;

export function scrape(model: MemoryModel, o: ScrapeOptions): Scraped {
  const n = Math.floor(o.durationSeconds / o.scrapeSeconds) + 1;
  const startMs = o.startMs ?? T0_MS;
  const timestampsMs = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const jitter = o.prng && o.jitterSeconds ? (o.prng.next() * 2 - 1) * o.jitterSeconds : 0;
    const t = i * o.scrapeSeconds + jitter;
    timestampsMs[i] = startMs + t * 1000;
    values[i] = model(t) + (o.prng && o.noiseBytes ? o.prng.normal() * o.noiseBytes : 0);
  }
  return { timestampsMs, values };
}

/** Flat at baseBytes, then a straight climb at rate from startSeconds. */
export function linearLeak(baseBytes: number, rateBytesPerSecond: number, startSeconds: number): MemoryModel {
  return (t) => baseBytes + Math.max(0, t - startSeconds) * rateBytesPerSecond;
}

/** A steady GC sawtooth: climbs from floor to peak over periodSeconds, then drops back. */
export function gcSawtooth(
  floorBytes: number,
  peakBytes: number,
  periodSeconds: number,
  phaseSeconds = 0
): MemoryModel {
  return (t) => {
    const x = (t + phaseSeconds) / periodSeconds;
    return floorBytes + (peakBytes - floorBytes) * (x - Math.floor(x));
  };
}

/** A climb that levels off: from fromBytes towards toBytes with time constant tau, from startSeconds. */
export function levelling(fromBytes: number, toBytes: number, tauSeconds: number, startSeconds = 0): MemoryModel {
  return (t) =>
    t < startSeconds ? fromBytes : toBytes - (toBytes - fromBytes) * Math.exp(-(t - startSeconds) / tauSeconds);
}

/** Model a before atSeconds, model b (with its own clock restarting at 0) after. */
export function switchAt(a: MemoryModel, atSeconds: number, b: MemoryModel): MemoryModel {
  return (t) => (t < atSeconds ? a(t) : b(t - atSeconds));
}

export interface GoHeapOptions {
  /** Live heap at the start. */
  liveBytes: number;
  /** Retained per second from leakStartSeconds (the leak). */
  leakBytesPerSecond: number;
  leakStartSeconds: number;
  /** Short-lived garbage allocated per second: sets how fast each GC cycle climbs. */
  garbageBytesPerSecond: number;
  /** GOGC: the heap grows to live × (1 + gogc/100) before a cycle. Default 100. */
  gogc?: number;
  /** Memory outside the heap (stacks, runtime, binary). Default 0. */
  overheadBytes?: number;
  durationSeconds: number;
}

/** Fine step of the Go heap simulation. */
const HEAP_STEP_SECONDS = 0.01;

/**
 * Go's heap under GOGC pacing: it climbs with allocation until the goal, a cycle frees the garbage
 * and the goal becomes live × (1 + GOGC/100). With a leak the floor rises at the leak rate and the
 * peaks at (1 + GOGC/100) times it, as in the demo's memgrow fault.
 */
export function goHeap(o: GoHeapOptions): MemoryModel {
  const steps = Math.ceil(o.durationSeconds / HEAP_STEP_SECONDS) + 1;
  const trace = new Float64Array(steps);
  const growth = 1 + (o.gogc ?? 100) / 100;
  let live = o.liveBytes;
  let heap = live;
  for (let i = 0; i < steps; i++) {
    const t = i * HEAP_STEP_SECONDS;
    const leak = t >= o.leakStartSeconds ? o.leakBytesPerSecond * HEAP_STEP_SECONDS : 0;
    live += leak;
    heap += leak + o.garbageBytesPerSecond * HEAP_STEP_SECONDS;
    if (heap >= live * growth) {
      heap = live;
    }
    trace[i] = heap + (o.overheadBytes ?? 0);
  }
  return (t) => trace[Math.min(steps - 1, Math.max(0, Math.round(t / HEAP_STEP_SECONDS)))];
}

/** First time in [fromSeconds, toSeconds] the true curve reaches limitBytes (10 ms resolution), or null. */
export function firstCrossing(
  model: MemoryModel,
  limitBytes: number,
  fromSeconds: number,
  toSeconds: number
): number | null {
  for (let t = fromSeconds; t <= toSeconds; t += HEAP_STEP_SECONDS) {
    if (model(t) >= limitBytes) {
      return t;
    }
  }
  return null;
}

export const mib = (n: number) => n * MIB;
