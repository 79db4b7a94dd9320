// Hatching on a real pseudo-terminal: the egg in the pet screen, and `buddy hatch` with its spinner.
import { afterEach, describe, expect, it } from 'vitest';
import { buddyCardLines } from '../../src/cli/card-art.js';
import { viewNow } from '../../src/cli/growth-lines.js';
import { growthOf } from '../../src/store/growth-schema.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { makePalette } from '../../src/render/ansi.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { makeSandbox } from '../helpers/cli.js';
import { hatchScreens, petScreens, screenText, storedBuddy, type Size } from '../helpers/pet-screens.js';
import { drawnRows, TerminalSession } from '../helpers/terminal.js';

const WIDE: Size = { columns: 100, rows: 30 };
const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function sandboxFor(userId: string): NodeJS.ProcessEnv {
  const sandbox = makeSandbox();
  cleanups.push(sandbox.cleanup);
  return { ...sandbox.env, BUDDY_USER_ID: userId };
}

function open(env: NodeJS.ProcessEnv, args: string[] = []): TerminalSession {
  const term = new TerminalSession({ args, env, ...WIDE });
  cleanups.push(() => term.kill());
  return term;
}

describe('hatching on a real terminal', () => {
  it('wobbles and cracks the egg, then reveals the buddy saying hello, every screen whole', async () => {
    const env = sandboxFor('pty-hatch-1');
    const term = open(env);
    const egg = hatchScreens(rollFromUserId('pty-hatch-1').rarity, WIDE);
    await term.waitFor((screen) => egg.has(screenText(screen)), 'the egg');
    await term.waitFor((screen) => !egg.has(screenText(screen)), 'the buddy', 15_000);
    const buddy = storedBuddy(env);
    const greeting = petScreens(buddy, WIDE, { greeting: `Hello! I'm ${buddy.name}. ${buddy.personality}`, windowMs: 2_000 });
    for (const screen of term.screens) {
      const text = screenText(screen);
      if (!egg.has(text) && !greeting.has(text)) expect.fail(`a screen that is neither the egg nor the greeting:\n${text}`);
    }
    term.type('q');
    expect(await term.exited).toBe(0);
  });

  it('`buddy hatch` spins while it works, then leaves the card wrapped at word boundaries', async () => {
    const env = sandboxFor('pty-hatch-2');
    const started = Date.now();
    const term = open(env, ['hatch']);
    expect(await term.exited).toBe(0);
    expect(term.output).toContain('Something stirs inside the egg…');
    const stored = readConfigSnapshot(env).buddy;
    if (!stored) return expect.fail('nothing was hatched');
    // The card shows its growth (level 1, its needs): energy follows the clock, so either end of the run.
    const expected = [started, Date.now()].map((moment) => {
      const card = buddyCardLines(stored.bones, makePalette(false), stored, WIDE.columns, viewNow(growthOf(stored, moment), true, moment));
      return [`${stored.name} hatched!`, '', ...card].map((line) => line.trimEnd());
    });
    expect(expected).toContainEqual(drawnRows(term.snapshot()));
  });
});
