// Catch the bug on a real terminal, motion off (the turn-based round, so every screen follows a key):
// g opens the round, a scripted player reads the field from the screen and steps toward the nearest bug
// one key at a time (waiting for the screen to change after each), the round ends after its moves with
// the result in a bubble, and the round is stored: one round, its score the best. A big window shows the
// game; one too small for the field says the size it needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { screenText } from '../helpers/pet-screens.js';
import { TerminalSession, type Screen } from '../helpers/terminal.js';
import { ROUND_TURNS } from '../../src/game/catch/rules.js';

let sandbox: ReturnType<typeof makeSandbox>;
let session: TerminalSession | undefined;

beforeAll(async () => {
  sandbox = makeSandbox();
  sandbox.env.BUDDY_USER_ID = 'pty-minigame-1';
  sandbox.env.NO_MOTION = '1';
  const hatched = await runBuddy(['hatch'], { env: sandbox.env });
  expect(hatched.code).toBe(0);
});

afterAll(() => sandbox.cleanup());

afterEach(() => {
  session?.kill();
  session = undefined;
});

function open(columns: number, rows: number): TerminalSession {
  session = new TerminalSession({ args: [], env: sandbox.env, columns, rows });
  return session;
}

const TITLE = 'Catch the bug!';
const playing = (screen: Screen): boolean => screenText(screen).includes(TITLE);

interface Field {
  readonly player: { x: number; y: number };
  readonly bugs: Array<{ x: number; y: number }>;
}

/** The field as the screen shows it: the rows between the two rules, inside the frame. */
function readField(screen: Screen): Field {
  const top = screen.lines.findIndex((line) => /^\+-+\+$/.test(line));
  expect(top, `no field on the screen:\n${screenText(screen)}`).toBeGreaterThanOrEqual(0);
  const bugs: Array<{ x: number; y: number }> = [];
  let player: { x: number; y: number } | undefined;
  for (let y = 0; y < 8; y++) {
    const row = (screen.lines[top + 1 + y] ?? '').slice(1, -1);
    [...row].forEach((cell, x) => {
      if (cell === '@') player = { x, y };
      if (cell === '*' || cell === '$') bugs.push({ x, y });
    });
  }
  expect(player, 'the player on the field').toBeDefined();
  return { player: player!, bugs };
}

/** One step toward the nearest bug: across first, then up or down. */
function stepTowardNearest({ player, bugs }: Field): string {
  const distance = (bug: { x: number; y: number }): number => Math.abs(bug.x - player.x) + Math.abs(bug.y - player.y);
  const target = [...bugs].sort((a, b) => distance(a) - distance(b))[0];
  if (!target) return player.x > 0 ? 'h' : 'l';
  if (target.x !== player.x) return target.x < player.x ? 'h' : 'l';
  return target.y < player.y ? 'k' : 'j';
}

describe('catch the bug on a real terminal', () => {
  it('g opens a turn-based round; playing it to the end shows a new best, stored as the turns best', async () => {
    const term = open(40, 20);
    await term.waitFor((screen) => screenText(screen).includes('g game') || screenText(screen).includes('q quit'), 'the pet');
    term.type('g');
    let screen = await term.waitFor(playing, 'the game');
    expect(screenText(screen)).toContain(`${TITLE} score 0 · ${ROUND_TURNS} moves left`);
    let moves = 0;
    while (playing(screen)) {
      const before = screenText(screen);
      term.type(stepTowardNearest(readField(screen)));
      moves++;
      screen = await term.waitFor((next) => screenText(next) !== before, `the screen after move ${moves}`);
    }
    expect(moves).toBe(ROUND_TURNS);
    const result = await term.waitFor((next) => /New best: \d+!/.test(screenText(next)), 'the result bubble');
    const best = Number(/New best: (\d+)!/.exec(screenText(result))?.[1]);
    expect(best).toBeGreaterThan(0);
    term.type('q');
    await term.exited;
    session = undefined;

    // The new best is kept in the journal, as the game's.
    const journal = readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR!, 'journal.jsonl'), 'utf8');
    expect(journal).toContain(`"source":"game"`);
    expect(journal).toContain(`New best: ${best}!`);

    const status = await runBuddy(['status', '--json'], { env: sandbox.env });
    expect(status.code).toBe(0);
    const game = (JSON.parse(status.stdout) as { game?: { rounds: number; best: { turns: number } } }).game;
    if (game) {
      expect(game.rounds).toBe(1);
      expect(game.best.turns).toBe(best);
    } else {
      // Before `buddy status` shows the game, the stored growth says the same.
      const exported = await runBuddy(['export', '-'], { env: sandbox.env });
      expect(exported.code).toBe(0);
      const play = /"play":\s*(\{[^{}]*\{[^{}]*\}[^{}]*\})/.exec(exported.stdout)?.[1];
      expect(play, exported.stdout.slice(0, 2000)).toBeDefined();
      expect(JSON.parse(play!)).toEqual({ rounds: 1, best: { live: 0, turns: best } });
    }
  }, 120_000);

  it('at 120×40 the game shows', async () => {
    const term = open(120, 40);
    await term.waitFor((screen) => screenText(screen).includes('q quit'), 'the pet');
    term.type('g');
    const screen = await term.waitFor(playing, 'the game');
    expect(screenText(screen)).toContain('hjkl or arrows move · q ends');
    term.type('q');
    await term.waitFor((next) => !playing(next) && screenText(next).includes('q quit'), 'the pet again');
  }, 40_000);

  it('at 20×8 the game says the size it needs', async () => {
    const term = open(20, 8);
    await term.waitFor((screen) => screenText(screen).length > 0, 'the pet');
    term.type('g');
    const screen = await term.waitFor((next) => screenText(next).includes('Paused: the game'), 'the size message');
    expect(screenText(screen).replace(/\s+/g, ' ')).toContain('needs 26×13');
  }, 40_000);
});
