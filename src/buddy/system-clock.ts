// The game's clock from the real one: the moment and this process's time zone offset at that moment
// (Node reads the zone from TZ or the system), so streaks and sleepiness follow the local day.
import type { Clock } from '../game/clock.js';

export function clockAt(ms: number): Clock {
  return { now: ms, offsetMinutes: -new Date(ms).getTimezoneOffset() };
}
