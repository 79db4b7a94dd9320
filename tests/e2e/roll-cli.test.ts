// The roll checker end to end: the built bin, real processes, isolated homes: a roll, a wrong invocation,
// and what needs the files of the bundle beside the bin, the worker threads of a large batch and of
// `buddy hunt`. Every roll the bin prints is compared with a literal record (the spec's vectors, the
// golden and boundary fixtures). The other rolls, batches, whoami, odds and refusals run in process:
// tests/cli/roll-commands.test.ts.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const sandboxes: Array<{ cleanup: () => void }> = [];
function sandbox() {
  const created = makeSandbox();
  sandboxes.push(created);
  return created;
}
afterEach(() => sandboxes.splice(0).forEach((created) => created.cleanup()));

function expectOneLineError(stderr: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines[0]).toMatch(/^buddy: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const DEFAULT_SALT = 'friend-2026-401';
const fixtureLines = (name: string): string[] => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8').trim().split('\n');

interface RecordedRoll {
  readonly userId: string;
  readonly salt: string;
  readonly line: string;
}

/** Every recorded roll: the golden table and the boundary rolls, each with its exact expected line. */
const RECORDED: readonly RecordedRoll[] = [
  ...fixtureLines('roll-v1-golden.jsonl').map((line) => {
    const { userId, salt } = JSON.parse(line) as { userId: string; salt: string };
    return { userId, salt, line };
  }),
  ...fixtureLines('roll-v1-boundaries.jsonl').map((text) => {
    const { roll } = JSON.parse(text) as { roll: { userId: string; salt: string } };
    return { userId: roll.userId, salt: roll.salt, line: JSON.stringify(roll) };
  }),
];

// The spec's test vector for buddy-0 (docs/roll-v1.md), as the bin must print it.
const BUDDY_0_LINE =
  '{"version":1,"idHash":"32f35a91e82b6ca6153c4ee94025a8defc62b45c742d78e53d596183fdae5781","salt":"friend-2026-401","rarity":"uncommon","species":"Emberfox","shiny":false,"peak":"SNARK","dump":"DEBUGGING","stats":{"DEBUGGING":6,"PATIENCE":41,"CHAOS":35,"WISDOM":39,"SNARK":93},"eye":"@","hat":"none","inspirationSeed":604395053,"userId":"buddy-0"}';

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
