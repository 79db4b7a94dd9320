// One round at its edges: moves at each wall (a wall costs no turn), catches worth 1 or 3 and the bug
// replaced elsewhere, spawns decided by the seed, the live timer and its guards (a stalled clock, a clock
// gone back, a pause), the turn-based round's 40 moves, and the score's cap.
import { describe, expect, it } from 'vitest';
import type { Bug } from '../../src/game/catch/bugs.js';
import { sameCell, START_CELL } from '../../src/game/catch/field.js';
import { advanceRound, isRoundOver, moveInRound, roundLeft, startRound, type CatchRound } from '../../src/game/catch/round.js';

const T0 = 1_000_000;
const far: Bug[] = [
  { x: 0, y: 0, golden: false },
  { x: 23, y: 0, golden: false },
  { x: 0, y: 7, golden: false },
];

function round(mode: 'live' | 'turns', patch: Partial<CatchRound> = {}): CatchRound {
  return { ...startRound(mode, 11, T0, true), ...patch };
}

/** Lets a live round run in steps of `step` ms up to `ms`. */
function runFor(start: CatchRound, ms: number, step = 500): CatchRound {
  let current = start;
  for (let t = step; t <= ms; t += step) current = advanceRound(current, start.lastAt + t, true);
  return current;
}

describe('a new round', () => {
  it('starts in the middle with three bugs, nothing scored and nothing played', () => {
    const live = startRound('live', 5, T0, true);
    expect(live).toMatchObject({ mode: 'live', seed: 5, draws: 6, player: START_CELL, score: 0, caught: 0, playedMs: 0, wanders: 0, turns: 0, lastAt: T0, paused: false });
    expect(live.bugs).toHaveLength(3);
    expect(live.bugs.some((bug) => sameCell(bug, START_CELL))).toBe(false);
    expect(startRound('turns', 5, T0, false)).toMatchObject({ mode: 'turns', paused: true });
  });

  it('the same seed gives the same round; another seed another', () => {
    expect(startRound('live', 42, T0, true)).toEqual(startRound('live', 42, T0, true));
    expect(startRound('live', 42, T0, true).bugs).not.toEqual(startRound('live', 43, T0, true).bugs);
    const play = (seed: number) => runFor(startRound('live', seed, T0, true), 10_000).bugs;
    expect(play(42)).toEqual(play(42));
    expect(play(42)).not.toEqual(play(43));
  });

  it('has its whole time or all its moves left', () => {
    expect(roundLeft(startRound('live', 1, T0, true))).toBe(45_000);
    expect(roundLeft(startRound('turns', 1, T0, true))).toBe(40);
    expect(isRoundOver(startRound('live', 1, T0, true))).toBe(false);
    expect(isRoundOver(startRound('turns', 1, T0, true))).toBe(false);
  });
});

describe('moves', () => {
  it('moves one cell each way', () => {
    const start = round('turns', { bugs: far });
    expect(moveInRound(start, 'up', T0, true).player).toEqual({ x: 12, y: 3 });
    expect(moveInRound(start, 'down', T0, true).player).toEqual({ x: 12, y: 5 });
    expect(moveInRound(start, 'left', T0, true).player).toEqual({ x: 11, y: 4 });
    expect(moveInRound(start, 'right', T0, true).player).toEqual({ x: 13, y: 4 });
  });

  it('a wall stops the player and costs no turn, at each of the four walls', () => {
    const walls = [
      { cell: { x: 5, y: 0 }, into: 'up' },
      { cell: { x: 5, y: 7 }, into: 'down' },
      { cell: { x: 0, y: 3 }, into: 'left' },
      { cell: { x: 23, y: 3 }, into: 'right' },
    ] as const;
    const bugs: Bug[] = [
      { x: 10, y: 2, golden: false },
      { x: 12, y: 5, golden: false },
      { x: 15, y: 3, golden: false },
    ];
    for (const { cell, into } of walls) {
      const start = round('turns', { player: cell, bugs });
      const after = moveInRound(start, into, T0, true);
      expect(after.player).toEqual(cell);
      expect(after.turns).toBe(0);
      expect(after.bugs).toEqual(bugs);
      expect(after.draws).toBe(start.draws);
    }
  });
});

describe('catches', () => {
  it('a plain bug scores 1 and a new one appears elsewhere, not under the player', () => {
    const bugs: Bug[] = [{ x: 13, y: 4, golden: false }, ...far.slice(1)];
    const after = moveInRound(round('live', { bugs }), 'right', T0, true);
    expect(after.score).toBe(1);
    expect(after.caught).toBe(1);
    expect(after.bugs).toHaveLength(3);
    expect(after.bugs.some((bug) => sameCell(bug, after.player))).toBe(false);
    expect(after.draws).toBe(8);
  });

  it('a golden bug scores 3', () => {
    const bugs: Bug[] = [{ x: 11, y: 4, golden: true }, ...far.slice(1)];
    const after = moveInRound(round('live', { bugs }), 'left', T0, true);
    expect(after.score).toBe(3);
    expect(after.caught).toBe(1);
  });

  it('a move onto an empty cell scores nothing', () => {
    const after = moveInRound(round('live', { bugs: far }), 'left', T0, true);
    expect(after.score).toBe(0);
    expect(after.caught).toBe(0);
    expect(after.bugs).toEqual(far);
  });

  it('the score stops at 99', () => {
    const golden: Bug[] = [{ x: 13, y: 4, golden: true }, ...far.slice(1)];
    expect(moveInRound(round('live', { bugs: golden, score: 96 }), 'right', T0, true).score).toBe(99);
    expect(moveInRound(round('live', { bugs: golden, score: 97 }), 'right', T0, true).score).toBe(99);
    const plain: Bug[] = [{ x: 13, y: 4, golden: false }, ...far.slice(1)];
    expect(moveInRound(round('live', { bugs: plain, score: 98 }), 'right', T0, true).score).toBe(99);
    expect(moveInRound(round('live', { bugs: plain, score: 99 }), 'right', T0, true)).toMatchObject({ score: 99, caught: 1 });
  });

  it('a wandering bug that walks under the player is caught too', () => {
    // A bug beside the player: some seed makes it step onto the player on the first wander.
    let caught = 0;
    for (let seed = 1; seed < 200; seed++) {
      const start = { ...startRound('live', seed * 7919, T0, true), bugs: [{ x: 13, y: 4, golden: false }, ...far.slice(1)] };
      const after = advanceRound(start, T0 + 500, true);
      if (after.caught === 1) {
        caught++;
        expect(after.score).toBe(1);
        expect(after.bugs.some((bug) => sameCell(bug, START_CELL))).toBe(false);
      }
    }
    expect(caught).toBeGreaterThan(0);
  });
});

describe('the live timer', () => {
  it('counts time and lets the bugs wander every 500 ms', () => {
    const start = round('live');
    const a = advanceRound(start, T0 + 499, true);
    expect(a).toMatchObject({ playedMs: 499, wanders: 0, lastAt: T0 + 499 });
    expect(a.draws).toBe(start.draws);
    const b = advanceRound(a, T0 + 500, true);
    expect(b).toMatchObject({ playedMs: 500, wanders: 1, draws: start.draws + 3 });
    expect(roundLeft(b)).toBe(44_500);
  });

  it('is not over at 44 999 ms and is over at 45 000 ms', () => {
    const almost = runFor(round('live'), 44_999, 999);
    const nearly = advanceRound(round('live', { playedMs: 44_000, wanders: 88 }), T0 + 999, true);
    expect(nearly.playedMs).toBe(44_999);
    expect(isRoundOver(nearly)).toBe(false);
    expect(roundLeft(nearly)).toBe(1);
    const over = advanceRound(nearly, T0 + 1_000, true);
    expect(over.playedMs).toBe(45_000);
    expect(isRoundOver(over)).toBe(true);
    expect(roundLeft(over)).toBe(0);
    expect(almost.playedMs).toBeLessThan(45_000);
  });

  it('never counts past 45 000 ms and stops everything once over', () => {
    const over = advanceRound(round('live', { playedMs: 44_800, wanders: 89 }), T0 + 1_000, true);
    expect(over.playedMs).toBe(45_000);
    expect(over.wanders).toBe(90);
    const later = advanceRound(over, T0 + 2_000, true);
    expect(later.playedMs).toBe(45_000);
    expect(later.bugs).toEqual(over.bugs);
    expect(later.draws).toBe(over.draws);
    const moved = moveInRound(over, 'left', T0 + 2_000, true);
    expect(moved.player).toEqual(over.player);
  });

  it('a stalled clock adds at most 1 s', () => {
    expect(advanceRound(round('live'), T0 + 1_000, true).playedMs).toBe(1_000);
    expect(advanceRound(round('live'), T0 + 1_001, true).playedMs).toBe(1_000);
    expect(advanceRound(round('live'), T0 + 60_000, true)).toMatchObject({ playedMs: 1_000, wanders: 2, lastAt: T0 + 60_000 });
  });

  it('a clock gone back adds nothing', () => {
    const back = advanceRound(round('live', { playedMs: 2_000, wanders: 4 }), T0 - 5_000, true);
    expect(back).toMatchObject({ playedMs: 2_000, wanders: 4, lastAt: T0 - 5_000 });
  });

  it('paused (the window does not fit) counts no time and nothing moves', () => {
    const start = round('live', { bugs: far });
    const paused = advanceRound(start, T0 + 300, false);
    expect(paused).toMatchObject({ paused: true, playedMs: 300, lastAt: T0 + 300 });
    const still = advanceRound(paused, T0 + 1_300, false);
    expect(still).toMatchObject({ paused: true, playedMs: 300, wanders: 0 });
    expect(still.bugs).toEqual(far);
    expect(moveInRound(still, 'left', T0 + 1_400, false).player).toEqual(START_CELL);
    // Fitting again: the pause is not counted, time runs from the moment it fits.
    const back = advanceRound(still, T0 + 2_000, true);
    expect(back).toMatchObject({ paused: false, playedMs: 300 });
    expect(advanceRound(back, T0 + 2_200, true).playedMs).toBe(500);
    // A round started in a small window is paused from the start.
    expect(advanceRound(startRound('live', 1, T0, false), T0 + 900, true).playedMs).toBe(0);
  });

  it('a move in a live round is no turn and the bugs do not answer it', () => {
    const after = moveInRound(round('live', { bugs: far }), 'left', T0, true);
    expect(after.turns).toBe(0);
    expect(after.bugs).toEqual(far);
    expect(roundLeft(after)).toBe(45_000);
  });
});

describe('the turn-based round', () => {
  it('bugs move only when the player moves', () => {
    const start = round('turns', { bugs: far });
    const waited = advanceRound(start, T0 + 10_000, true);
    expect(waited).toMatchObject({ playedMs: 0, wanders: 0, lastAt: T0 + 10_000 });
    expect(waited.bugs).toEqual(far);
    const moved = moveInRound(start, 'left', T0 + 10_000, true);
    expect(moved.turns).toBe(1);
    expect(moved.draws).toBe(start.draws + 3);
    expect(roundLeft(moved)).toBe(39);
  });

  it('is not over at 39 moves and is over at 40', () => {
    const at39 = round('turns', { bugs: far, turns: 39 });
    expect(isRoundOver(at39)).toBe(false);
    expect(roundLeft(at39)).toBe(1);
    const at40 = moveInRound(at39, 'left', T0, true);
    expect(at40.turns).toBe(40);
    expect(isRoundOver(at40)).toBe(true);
    expect(roundLeft(at40)).toBe(0);
    const after = moveInRound(at40, 'left', T0, true);
    expect(after.player).toEqual(at40.player);
    expect(after.turns).toBe(40);
  });

  it('forty moves end it', () => {
    let current = round('turns');
    const path = ['left', 'right'] as const;
    for (let move = 0; move < 40; move++) current = moveInRound(current, path[move % 2] as 'left' | 'right', T0, true);
    expect(current.turns).toBe(40);
    expect(isRoundOver(current)).toBe(true);
  });

  it('paused, a move does nothing', () => {
    const start = round('turns', { bugs: far });
    const after = moveInRound(start, 'left', T0, false);
    expect(after).toMatchObject({ paused: true, turns: 0, player: START_CELL });
    expect(after.bugs).toEqual(far);
  });
});
