// The bugs: where a new one lands (a free cell, now and then a golden one) and how they wander (a step
// in a random direction or a pause; never onto another bug). Every choice is a draw of the round's seed,
// so the same seed and the same moves give the same round.
import { drawAt, pick } from './random.js';
import { DIRECTIONS, freeCells, sameCell, stepFrom, type Cell } from './field.js';
import { GOLDEN_ONE_IN } from './rules.js';

export interface Bug extends Cell {
  readonly golden: boolean;
}

/** Bugs and how many draws of the seed they have used. */
export interface Swarm {
  readonly bugs: readonly Bug[];
  readonly draws: number;
}

/** A new bug on a free cell (not the player's, not another bug's). */
export function spawnBug(seed: number, draws: number, player: Cell, bugs: readonly Bug[]): Swarm {
  const free = freeCells([player, ...bugs]);
  const cell = free[pick(drawAt(seed, draws), free.length)] as Cell;
  const golden = pick(drawAt(seed, draws + 1), GOLDEN_ONE_IN) === 0;
  return { bugs: [...bugs, { x: cell.x, y: cell.y, golden }], draws: draws + 2 };
}

/** Each bug in turn stays put or takes one step (a wall or another bug stops it). The player does not. */
export function wander(seed: number, draws: number, bugs: readonly Bug[]): Swarm {
  const moved: Bug[] = [...bugs];
  let used = draws;
  for (let index = 0; index < moved.length; index++) {
    const bug = moved[index] as Bug;
    // Five choices: stay, or one of the four directions.
    const choice = pick(drawAt(seed, used), DIRECTIONS.length + 1);
    used += 1;
    if (choice === 0) continue;
    const target = stepFrom(bug, DIRECTIONS[choice - 1] as (typeof DIRECTIONS)[number]);
    if (moved.some((other) => sameCell(other, target))) continue;
    moved[index] = { ...target, golden: bug.golden };
  }
  return { bugs: moved, draws: used };
}
