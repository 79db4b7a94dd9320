// Where a buddy stands at a moment: its level, stage and mood. Every face that shows them asks this one
// function (the full growth view adds needs, streak and achievements around it; the statusline, which must
// stay light, asks only this). Pure.
import { atTheClock } from './at-the-clock.js';
import type { Clock } from './clock.js';
import { levelForXp, stageForLevel, type Stage } from './levels.js';
import { moodOf } from './mood.js';
import type { GrowthState, Mood } from './state.js';

export interface Standing {
  readonly level: number;
  readonly stage: Stage;
  readonly mood: Mood;
}

/** Read as a fold would read it (at-the-clock.ts): anything stamped beyond the clock is now. */
export function standingAt(stored: GrowthState, clock: Clock, careOn: boolean): Standing {
  const state = atTheClock(stored, clock);
  const level = levelForXp(state.xp);
  return { level, stage: stageForLevel(level), mood: moodOf(state, clock, careOn) };
}
