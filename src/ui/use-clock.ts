// The one shared animation clock. It ticks only while something moves; when nothing does it stops,
// or waits with a single timer for the next change it already knows about (falling asleep). On each tick
// it re-renders only when what is on screen changes: most idle ticks show the same rest frame, and
// skipping them keeps an idle buddy well under 2 % of a core.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ClockOptions {
  readonly active: boolean;
  readonly intervalMs: number;
  readonly wakeAt?: number | undefined;
  readonly now: () => number;
  /** What the screen would show at a time; a tick that leaves it unchanged renders nothing. */
  readonly viewKeyAt?: (time: number) => string;
  /** Called on each interval tick before the screen is compared (the mini-game's clock steps its round here). */
  readonly onTick?: (time: number) => void;
}

/** Returns the current time and a function that re-reads it at once (after a key press, say). */
export function useClock({ active, intervalMs, wakeAt, now, viewKeyAt, onTick }: ClockOptions): readonly [number, () => void] {
  const [time, setTime] = useState(now);
  const keyAt = useRef(viewKeyAt);
  keyAt.current = viewKeyAt;
  const tickHook = useRef(onTick);
  tickHook.current = onTick;
  const shownKey = useRef<string | undefined>(undefined);
  const refresh = useCallback(() => {
    const current = now();
    shownKey.current = keyAt.current?.(current);
    setTime(current);
  }, [now]);
  const tick = useCallback(() => {
    const current = now();
    tickHook.current?.(current);
    const key = keyAt.current?.(current);
    if (key !== undefined && key === shownKey.current) return;
    shownKey.current = key;
    setTime(current);
  }, [now]);
  useEffect(() => {
    if (active) {
      const timer = setInterval(tick, intervalMs);
      return () => clearInterval(timer);
    }
    if (wakeAt !== undefined) {
      const timer = setTimeout(refresh, Math.max(0, wakeAt - now()));
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [active, intervalMs, wakeAt, now, refresh, tick]);
  return [time, refresh];
}
