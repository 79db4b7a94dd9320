// The roll checker end to end: the built bin, real processes, isolated homes: a roll, a wrong invocation,
// and what needs the files of the bundle beside the bin, the worker threads of a large batch and of
// `buddy hunt`. Every roll the bin prints is compared with a literal record (the spec's vectors, the
// golden and boundary fixtures). The other rolls, batches, whoami, odds and refusals run in process:
// tests/cli/roll-commands.test.ts.
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { BUDDY_0_LINE, expectOneLineError, RECORDED, sandboxesPerTest } from '../helpers/recorded-rolls.js';

const sandbox = sandboxesPerTest();
const DEFAULT_SALT = 'friend-2026-401';

describe('buddy roll', () => {
  it('prints the JSON form of an ID, with the ID', async () => {
    const result = await runBuddy(['roll', 'buddy-0', '--json'], { env: sandbox().env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${BUDDY_0_LINE}\n`);
  });

});

describe('buddy roll --batch', () => {
  it('keeps input order on the worker path for large inputs, and rolls there exactly as recorded', async () => {
    // About 1 MB of input: past the inline limit, so the slices go to the worker threads. The recorded
    // IDs are spread through it, so that every slice carries some whose lines are known exactly.
    const recorded = RECORDED.filter((roll) => roll.salt === DEFAULT_SALT);
    const spacing = Math.floor(80_000 / recorded.length);
    const placed = new Map(recorded.map((roll, index) => [index * spacing + 7, roll]));
    const emptyAt = 25_001;
    const ids = Array.from({ length: 80_000 }, (_, i) => (i === emptyAt ? '' : placed.get(i)?.userId ?? `bulk-user-${i}`));
    const result = await runBuddy(['roll', '--batch'], { env: sandbox().env, input: ids.join('\n'), timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(80_000);
    expect(placed.has(emptyAt)).toBe(false);
    for (const [index, roll] of placed) expect(lines[index], `line ${index + 1}`).toBe(roll.line);
    // Every line is in its place: the IDs come back in input order.
    const order = lines.map((line) => (JSON.parse(line) as { userId?: string }).userId);
    expect(order.every((id, index) => index === emptyAt || id === ids[index])).toBe(true);
    expect(JSON.parse(lines[emptyAt] as string)).toEqual({ line: emptyAt + 1, error: 'user ID is empty' });
  });
});

describe('bad input gets one line and exit 2', () => {
  it('an unknown flag', async () => {
    const result = await runBuddy(['roll', '--bogus'], { env: sandbox().env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr);
  });
});

describe('buddy hunt', () => {
  it('finds a salt that gives the wanted species, and the roll checker agrees', async () => {
    const { env } = sandbox();
    const result = await runBuddy(['hunt', '--species', 'gustowl', '--user', 'hunter', '--json'], { env, timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    const found = JSON.parse(result.stdout);
    expect(found.roll.species).toBe('Gustowl');
    const check = await runInProcess(['roll', 'hunter', '--salt', found.salt, '--json'], { env });
    expect(JSON.parse(check.stdout).species).toBe('Gustowl');
  });
});
