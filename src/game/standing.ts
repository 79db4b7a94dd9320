// Where a buddy stands at a moment: its level, stage and mood. Every face that shows them asks this one
// function (the full growth view adds needs, streak and achievements around it; the statusline, which must
// stay light, asks only this). Pure.
import type { Clock } from './clock.js';
import { levelForXp, stageForLevel, type Stage } from './levels.js';
import { moodOf } from './mood.js';
import type { GrowthState, Mood } from './state.js';

export interface Standing {
  readonly level: number;
  readonly stage: Stage;
  readonly mood: Mood;
}

export function standingAt(state: GrowthState, clock: Clock, careOn: boolean): Standing {
  const level = levelForXp(state.xp);
  return { level, stage: stageForLevel(level), mood: moodOf(state, clock, careOn) };
}
