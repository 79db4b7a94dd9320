// Time for the game rules, always passed in: the moment and the local time zone's offset at that moment
// (minutes east of UTC). Local days and hours decide streaks, sleepiness and the time-of-day achievements;
// everything else runs on the moment alone, so a time zone change never moves a cap or a need.

export interface Clock {
  readonly now: number;
  /** Minutes east of UTC at `now` (UTC+2 is 120, New York in winter is -300). */
  readonly offsetMinutes: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Offsets outside ±18 h do not exist; a wild value is read as UTC rather than moving days around. */
function saneOffset(offsetMinutes: number): number {
  return Number.isFinite(offsetMinutes) && Math.abs(offsetMinutes) <= 18 * 60 ? Math.round(offsetMinutes) : 0;
}

function localMs(at: number, offsetMinutes: number): number {
  return at + saneOffset(offsetMinutes) * MINUTE_MS;
}

/** The local calendar day as a whole number (days since 1970-01-01, local). */
export function localDay(at: number, offsetMinutes: number): number {
  return Math.floor(localMs(at, offsetMinutes) / DAY_MS);
}

/** Minutes since local midnight, 0 to 1439. */
export function localMinuteOfDay(at: number, offsetMinutes: number): number {
  const ms = localMs(at, offsetMinutes) - localDay(at, offsetMinutes) * DAY_MS;
  return Math.floor(ms / MINUTE_MS);
}

/** The local hour, 0 to 23. */
export function localHour(at: number, offsetMinutes: number): number {
  return Math.floor(localMinuteOfDay(at, offsetMinutes) / 60);
}

/** The local date as YYYY-MM-DD (the civil calendar from a day number, without the clock). */
export function localDate(at: number, offsetMinutes: number): string {
  const days = localDay(at, offsetMinutes) + 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The hour bucket XP caps count in: UTC hours, so a time zone change never opens a new one. */
export function hourIndex(at: number): number {
  return Math.floor(at / HOUR_MS);
}
