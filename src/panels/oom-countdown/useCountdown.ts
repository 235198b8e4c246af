import { useEffect, useState } from 'react';

/**
 * Seconds left at nowMs of a time left evaluated at evaluatedAtMs: ttl − (now − evaluatedAt), never
 * below zero. A clock behind the evaluation does not add time. Null stays null (not approaching);
 * without an evaluation time the time left is shown as evaluated.
 */
export function secondsLeftAt(ttlSeconds: number | null, evaluatedAtMs: number | null, nowMs: number): number | null {
  if (ttlSeconds === null || !Number.isFinite(ttlSeconds)) {
    return null;
  }
  const elapsed = evaluatedAtMs === null ? 0 : Math.max(0, (nowMs - evaluatedAtMs) / 1000);
  return Math.max(0, ttlSeconds - elapsed);
}

/**
 * The time left, counting down every `everyMs` between refreshes of the data, stopping at zero.
 * The timer runs only while there is something to count and is cleared on unmount or new data.
 */
export function useCountdown(ttlSeconds: number | null, evaluatedAtMs: number | null, everyMs = 1000): number | null {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    // Until the first tick after new data, the clock read at the last tick is used: it is never ahead
    // of the true time, so for that second the time left shown errs on the generous side.
    const ticking = evaluatedAtMs !== null && (secondsLeftAt(ttlSeconds, evaluatedAtMs, Date.now()) ?? 0) > 0;
    if (!ticking) {
      return undefined;
    }
    const timer = setInterval(() => {
      const now = Date.now();
      setNowMs(now);
      if ((secondsLeftAt(ttlSeconds, evaluatedAtMs, now) ?? 0) <= 0) {
        clearInterval(timer);
      }
    }, everyMs);
    return () => clearInterval(timer);
  }, [ttlSeconds, evaluatedAtMs, everyMs]);
  return secondsLeftAt(ttlSeconds, evaluatedAtMs, nowMs);
}
