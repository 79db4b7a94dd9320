// What a finished round is worth and what the buddy says about it: the XP it earns (under the play
// category's hourly cap, xp.ts), the best scores it may raise, and the words of its bubble.
import type { PlayMode } from './rules.js';

/** A round's XP before the caps: nothing for no catch, else 5 and a point for every two, at most 15. */
export const PLAY_XP_BASE = 5;
export const PLAY_XP_MAX = 15;

export function playXp(score: number): number {
  return score <= 0 ? 0 : Math.min(PLAY_XP_MAX, PLAY_XP_BASE + Math.floor(score / 2));
}

/** Rounds finished and the best score of each mode, as growth keeps them. */
export interface PlayRecord {
  readonly rounds: number;
  readonly best: Readonly<Record<PlayMode, number>>;
}

export const NO_PLAY: PlayRecord = { rounds: 0, best: { live: 0, turns: 0 } };

/** One more round: the rounds counted, the mode's best kept or raised (bests never go down). */
export function recordRound(play: PlayRecord | undefined, mode: PlayMode, score: number): PlayRecord {
  const before = play ?? NO_PLAY;
  return { rounds: before.rounds + 1, best: { ...before.best, [mode]: Math.max(before.best[mode], score) } };
}

/** Whether a score beats the best so far (a first round's catch does; no catch never does). */
export function isNewBest(score: number, best: number): boolean {
  return score > best;
}

/** The bubble at a round's end. */
export function roundResultText(score: number, best: number): string {
  if (isNewBest(score, best)) return `New best: ${score}!`;
  if (score === 0) return 'No bugs this time. Again? (g)';
  return `Score: ${score} (best ${best}).`;
}
