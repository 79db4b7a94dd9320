// The daily greeting in the live pet on a real pseudo-terminal: opened on a buddy hatched before today, the
// pet greets in its bubble (journaled once, source `daily`); opened again the same day, it does not.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { screenText } from '../helpers/pet-screens.js';
import { TerminalSession } from '../helpers/terminal.js';
import { readJournal } from '../../src/journal/read-back.js';

/** The words of the hello templates: with nothing else to tell, the pet says one of them. */
const HELLO = /A new day! Hello|Good to see you|I waited in/;

let sandbox: ReturnType<typeof makeSandbox>;
let session: TerminalSession | undefined;

beforeAll(async () => {
  sandbox = makeSandbox();
  sandbox.env.BUDDY_USER_ID = 'pty-daily-1';
  const hatched = await runBuddy(['hatch'], { env: sandbox.env });
  expect(hatched.code).toBe(0);
  const file = path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  config.buddy.hatchedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
});

afterAll(() => sandbox.cleanup());
afterEach(() => {
  session?.kill();
  session = undefined;
});

const open = (): TerminalSession => {
  session = new TerminalSession({ env: sandbox.env, columns: 100, rows: 30 });
  return session;
};

describe('the daily greeting in the pet', () => {
  it('greets on the first opening of the day, and not on the next', async () => {
    const first = open();
    await first.waitFor((screen) => HELLO.test(screenText(screen)), 'the daily greeting');
    const daily = () => readJournal(sandbox.env).filter((record) => record.source === 'daily');
    expect(daily()).toHaveLength(1);
    first.type('q');
    first.kill();

    const second = open();
    await second.waitFor((screen) => screenText(screen).includes('?'), 'the pet');
    // Long enough for the greeting to have come (it comes right after the first frame).
    await second.waitFor(() => second.screens.length >= 4, 'a few frames', 15_000);
    expect(second.screens.some((screen) => HELLO.test(screenText(screen)))).toBe(false);
    expect(daily()).toHaveLength(1);
  });
});
