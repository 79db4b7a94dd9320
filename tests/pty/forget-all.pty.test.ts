// `buddy forget --all` on a real pseudo-terminal: the question is on the screen while every fact is still
// kept; `n` keeps them all and says so (exit 1), `y` lets every one go (exit 0).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { drawnRows, TerminalSession } from '../helpers/terminal.js';

const USER_ID = 'pty-forget-1';
const FACTS = [
  { text: 'I deploy on Fridays', at: '2026-12-01T10:00:00.000Z' },
  { text: 'Bob owns billing', at: '2026-12-02T10:00:00.000Z' },
];

let hatched: ReturnType<typeof makeSandbox>;
const cleanups: Array<() => void> = [];
beforeAll(async () => {
  hatched = makeSandbox();
  const result = await runBuddy(['hatch'], { env: { ...hatched.env, BUDDY_USER_ID: USER_ID } });
  expect(result.code, result.stderr).toBe(0);
});
afterAll(() => hatched.cleanup());
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A home with the hatched buddy keeping two facts. */
function home(): { env: NodeJS.ProcessEnv; name: string } {
  const sandbox = makeSandbox();
  cleanups.push(sandbox.cleanup);
  fs.cpSync(hatched.env.BUDDY_CONFIG_DIR!, sandbox.env.BUDDY_CONFIG_DIR!, { recursive: true });
  const file = path.join(sandbox.env.BUDDY_CONFIG_DIR!, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { buddy: { name: string } };
  fs.writeFileSync(file, JSON.stringify({ ...config, buddy: { ...config.buddy, facts: FACTS } }));
  return { env: { ...sandbox.env, BUDDY_USER_ID: USER_ID }, name: config.buddy.name };
}

function open(env: NodeJS.ProcessEnv): TerminalSession {
  const term = new TerminalSession({ args: ['forget', '--all'], env, columns: 120, rows: 20 });
  cleanups.push(() => term.kill());
  return term;
}

describe('buddy forget --all asks on the terminal', () => {
  it('n keeps every fact and says so, exit 1', async () => {
    const { env, name } = home();
    const question = `Let go of all 2 facts ${name} keeps? This cannot be undone. [y/N] `;
    const term = open(env);
    const asking = await term.waitForOutput('[y/N] ');
    expect(drawnRows(asking)).toEqual([question]);
    expect(readConfigSnapshot(env).buddy?.facts).toEqual(FACTS);
    term.type('n\r');
    expect(await term.exited).toBe(1);
    expect(drawnRows(term.snapshot()).slice(-2)).toEqual([`${question}n`, 'buddy: forget --all: not confirmed (answer y, or pass --yes). Nothing was forgotten.']);
    expect(readConfigSnapshot(env).buddy?.facts).toEqual(FACTS);
  });

  it('y lets every fact go, exit 0', async () => {
    const { env, name } = home();
    const term = open(env);
    await term.waitForOutput('[y/N] ');
    term.type('y\r');
    expect(await term.exited).toBe(0);
    expect(drawnRows(term.snapshot()).at(-1)).toBe(`${name} let go of all 2 facts.`);
    expect(readConfigSnapshot(env).buddy?.facts).toEqual([]);
  });
});
