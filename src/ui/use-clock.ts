// The one shared animation clock. It ticks only while something moves; when nothing does it stops,
// or waits with a single timer for the next change it already knows about (falling asleep).
import { useCallback, useEffect, useState } from 'react';

export interface ClockOptions {
  readonly active: boolean;
  readonly intervalMs: number;
  readonly wakeAt?: number | undefined;
  readonly now: () => number;
}

/** Returns the current time and a function that re-reads it at once (after a key press, say). */
export function useClock({ active, intervalMs, wakeAt, now }: ClockOptions): readonly [number, () => void] {
  const [time, setTime] = useState(now);
  const refresh = useCallback(() => setTime(now()), [now]);
  useEffect(() => {
    if (active) {
      const timer = setInterval(refresh, intervalMs);
      return () => clearInterval(timer);
    }
    if (wakeAt !== undefined) {
      const timer = setTimeout(refresh, Math.max(0, wakeAt - now()));
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [active, intervalMs, wakeAt, now, refresh]);
  return [time, refresh];
}
