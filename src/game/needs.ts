// The two needs. Fullness empties in a day and a snack fills half of it; energy follows the local
// clock: wide awake in the day, sleepier late at night. Neither ever harms the buddy: an empty belly only
// looks hungry, and a snack or a pet cheers it up at once (see mood.ts).
import { DAY_MS, localMinuteOfDay } from './clock.js';

export const FULL = 100;
/** From full to empty in a day. */
const FULLNESS_EMPTIES_MS = DAY_MS;
const SNACK_FILLS = 50;
/** A buddy starts (and a migrated buddy restarts) comfortably fed. */
export const STARTING_FULLNESS = 80;

/** Fullness after `elapsedMs` from `fullness`; a clock that went backwards leaves it as it was. */
export function fullnessAfter(fullness: number, elapsedMs: number): number {
  const elapsed = Math.max(0, elapsedMs);
  return Math.max(0, Math.min(FULL, fullness - (elapsed / FULLNESS_EMPTIES_MS) * FULL));
}

export function snack(fullness: number): number {
  return Math.min(FULL, fullness + SNACK_FILLS);
}

/** A buddy that shows as full (100 % once rounded) turns a snack down: it is not eaten and earns nothing. */
export function tooFullToEat(fullness: number): boolean {
  return Math.round(fullness) >= FULL;
}

/** Energy through the local day: [minute of day, energy], straight lines in between. */
const ENERGY_CURVE: ReadonlyArray<readonly [number, number]> = [
  [0, 35],
  [2 * 60, 20],
  [4 * 60, 15],
  [6 * 60, 30],
  [8 * 60, 70],
  [10 * 60, 95],
  [14 * 60, 80],
  [16 * 60, 95],
  [19 * 60, 80],
  [21 * 60, 60],
  [23 * 60, 45],
  [24 * 60, 35],
];

/** Energy (0 to 100) at a moment, from the local time of day alone. */
export function energyAt(at: number, offsetMinutes: number): number {
  const minute = localMinuteOfDay(at, offsetMinutes);
  for (let index = 1; index < ENERGY_CURVE.length; index++) {
    const [toMinute, toEnergy] = ENERGY_CURVE[index] as readonly [number, number];
    if (minute < toMinute) {
      const [fromMinute, fromEnergy] = ENERGY_CURVE[index - 1] as readonly [number, number];
      return fromEnergy + ((toEnergy - fromEnergy) * (minute - fromMinute)) / (toMinute - fromMinute);
    }
  }
  return ENERGY_CURVE[0]![1];
}
