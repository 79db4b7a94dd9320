// Catch the bug: the numbers that make a round. The field has one fixed size at every window size, so a
// score never depends on the terminal; a live round lasts a fixed time, a turn-based one (motion off) a
// fixed number of moves. Pure constants and the two small rules read from them (a bug's worth, the cap).

/** Live: bugs wander on their own, against the clock. Turns: they move only when the player moves. */
export const PLAY_MODES = ['live', 'turns'] as const;
export type PlayMode = (typeof PLAY_MODES)[number];

/** The field in cells, the same at every window size. */
export const FIELD_WIDTH = 24;
export const FIELD_HEIGHT = 8;

/** A live round's playing time (time paused for a small window does not count). */
export const ROUND_MS = 45_000;
/** A turn-based round's moves. */
export const ROUND_TURNS = 40;
/** How often the bugs of a live round take a step. */
export const WANDER_MS = 500;
/**
 * The most playing time one look at the clock may add: a stalled or suspended process (or a clock that
 * jumped ahead) does not eat the round.
 */
export const MAX_STEP_MS = 1_000;

/** Bugs on the field at once: each one caught is replaced. */
export const BUGS_ON_FIELD = 3;
/** One new bug in this many is golden. */
export const GOLDEN_ONE_IN = 6;
export const PLAIN_POINTS = 1;
export const GOLDEN_POINTS = 3;
/** A round's score stops here; a recorded round claiming more is refused. */
export const MAX_ROUND_SCORE = 99;

export function bugPoints(golden: boolean): number {
  return golden ? GOLDEN_POINTS : PLAIN_POINTS;
}

/** A score after a catch worth `points`, never past the cap. */
export function addPoints(score: number, points: number): number {
  return Math.min(MAX_ROUND_SCORE, score + points);
}

export function isPlayMode(value: unknown): value is PlayMode {
  return value === 'live' || value === 'turns';
}

/** Whether a recorded score is one a round can reach. */
export function isReachableScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_ROUND_SCORE;
}
