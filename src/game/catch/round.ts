// One round of catch the bug, as plain data and pure steps: start it, let time pass (live bugs wander;
// a window too small for the field pauses the round and the pause does not count), move the player
// (onto a bug catches it; in the turn-based round every move is a turn and the bugs answer it), and say
// when it is over. Time is always passed in.
import { spawnBug, wander, type Bug, type Swarm } from './bugs.js';
import { sameCell, START_CELL, stepFrom, type Cell, type Direction } from './field.js';
import { addPoints, bugPoints, BUGS_ON_FIELD, MAX_STEP_MS, ROUND_MS, ROUND_TURNS, WANDER_MS, type PlayMode } from './rules.js';

export interface CatchRound {
  readonly mode: PlayMode;
  readonly seed: number;
  /** Draws of the seed used so far. */
  readonly draws: number;
  readonly player: Cell;
  readonly bugs: readonly Bug[];
  readonly score: number;
  readonly caught: number;
  /** Live: the playing time so far (pauses left out), at most ROUND_MS. */
  readonly playedMs: number;
  /** Live: the wander steps the bugs have taken. */
  readonly wanders: number;
  /** Turn-based: the moves made so far. */
  readonly turns: number;
  /** The last moment the round was brought to. */
  readonly lastAt: number;
  /** The window is too small for the field: nothing moves and no time counts. */
  readonly paused: boolean;
}

function filled(seed: number, draws: number, player: Cell, bugs: readonly Bug[]): Swarm {
  let swarm: Swarm = { bugs, draws };
  while (swarm.bugs.length < BUGS_ON_FIELD) swarm = spawnBug(seed, swarm.draws, player, swarm.bugs);
  return swarm;
}

export function startRound(mode: PlayMode, seed: number, now: number, fits: boolean): CatchRound {
  const swarm = filled(seed, 0, START_CELL, []);
  return { mode, seed, draws: swarm.draws, player: START_CELL, bugs: swarm.bugs, score: 0, caught: 0, playedMs: 0, wanders: 0, turns: 0, lastAt: now, paused: !fits };
}

export function isRoundOver(round: CatchRound): boolean {
  return round.mode === 'live' ? round.playedMs >= ROUND_MS : round.turns >= ROUND_TURNS;
}

/** What is left: milliseconds of a live round, moves of a turn-based one. */
export function roundLeft(round: CatchRound): number {
  return round.mode === 'live' ? ROUND_MS - round.playedMs : ROUND_TURNS - round.turns;
}

/** A bug under the player is caught (its points scored) and a new one appears elsewhere. */
function catchUnderPlayer(round: CatchRound): CatchRound {
  const caught = round.bugs.find((bug) => sameCell(bug, round.player));
  if (!caught) return round;
  const rest = round.bugs.filter((bug) => bug !== caught);
  const swarm = filled(round.seed, round.draws, round.player, rest);
  return { ...round, bugs: swarm.bugs, draws: swarm.draws, score: addPoints(round.score, bugPoints(caught.golden)), caught: round.caught + 1 };
}

function wandered(round: CatchRound): CatchRound {
  const swarm = wander(round.seed, round.draws, round.bugs);
  return catchUnderPlayer({ ...round, bugs: swarm.bugs, draws: swarm.draws });
}

/**
 * Brings the round to `now`: a live round counts the time since its last moment (none while paused, at
 * most MAX_STEP_MS at once, none for a clock gone back) and its bugs take the steps that time allows.
 * `fits` says whether the window holds the field from now on.
 */
export function advanceRound(round: CatchRound, now: number, fits: boolean): CatchRound {
  let next: CatchRound = { ...round, lastAt: now, paused: !fits };
  if (round.mode === 'live' && !round.paused && !isRoundOver(round)) {
    const step = Math.min(MAX_STEP_MS, Math.max(0, now - round.lastAt));
    next = { ...next, playedMs: Math.min(ROUND_MS, round.playedMs + step) };
    const due = Math.floor(next.playedMs / WANDER_MS);
    while (next.wanders < due) next = wandered({ ...next, wanders: next.wanders + 1 });
  }
  return next;
}

/** The player moves one cell (a wall stops it and costs no turn); nothing moves while paused or over. */
export function moveInRound(round: CatchRound, direction: Direction, now: number, fits: boolean): CatchRound {
  const current = advanceRound(round, now, fits);
  if (current.paused || isRoundOver(current)) return current;
  const player = stepFrom(current.player, direction);
  if (player === current.player) return current;
  const moved = catchUnderPlayer({ ...current, player });
  return moved.mode === 'turns' ? wandered({ ...moved, turns: moved.turns + 1 }) : moved;
}
