// A journal line's moment in local time, as the log and the pet show it.
const two = (value: number): string => String(value).padStart(2, '0');

/** `2026-05-01 14:02:09`, or `14:02` for the pet's panel. */
export function localStamp(time: number, form: 'full' | 'short' = 'full'): string {
  const date = new Date(time);
  const clock = `${two(date.getHours())}:${two(date.getMinutes())}`;
  if (form === 'short') return clock;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${clock}:${two(date.getSeconds())}`;
}
