// The buddy's mood, one of five, from its needs, recent care and what it witnessed. Care wins over
// everything: a hungry or sleepy buddy cheers up the moment it is petted, fed or talked to. With care off
// there are no needs, so it is never hungry and never sleepy for want of them (no nagging).
import type { Clock } from './clock.js';
import { MINUTE_MS } from './clock.js';
import { energyAt, fullnessAfter } from './needs.js';
import type { GrowthState, Mood } from './state.js';

export const CARE_CHEERS_MS = 20 * MINUTE_MS;
const RECOVERY_CHEERS_MS = 30 * MINUTE_MS;
const TROUBLE_WORRIES_MS = 20 * MINUTE_MS;
const SILENCE_TIRES_MS = 60 * MINUTE_MS;
const HUNGRY_BELOW = 25;
const SLEEPY_BELOW = 30;

/** Whether a moment is within a window of now, either side: a clock set back a little keeps what just happened. */
function recent(at: number | undefined, now: number, windowMs: number): boolean {
  return at !== undefined && Math.abs(now - at) < windowMs;
}

export function fullnessNow(state: GrowthState, now: number): number {
  return fullnessAfter(state.fullness, now - state.needsAt);
}

export function moodOf(state: GrowthState, clock: Clock, careOn: boolean): Mood {
  const { now } = clock;
  const witnessed = state.lastWitnessed;
  if (recent(state.lastCareAt, now, CARE_CHEERS_MS)) return 'cheerful';
  if (witnessed?.kind === 'recovered' && recent(witnessed.at, now, RECOVERY_CHEERS_MS)) return 'cheerful';
  if ((witnessed?.kind === 'testsFailed' || witnessed?.kind === 'error') && recent(witnessed.at, now, TROUBLE_WORRIES_MS)) return 'worried';
  if (careOn && fullnessNow(state, now) < HUNGRY_BELOW) return 'hungry';
  if (careOn && energyAt(now, clock.offsetMinutes) < SLEEPY_BELOW) return 'sleepy';
  if (witnessed?.kind === 'longSilence' && recent(witnessed.at, now, SILENCE_TIRES_MS)) return 'sleepy';
  return 'content';
}
