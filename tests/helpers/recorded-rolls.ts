// The roll checker's literal records, shared by the in-process cases (tests/cli/roll-commands.test.ts) and
// the built-bin cases (tests/e2e/roll-cli.test.ts): every roll printed is compared with these, never with
// the source's own roll function.
import { readFileSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { makeSandbox } from './cli.js';

/** A fresh sandbox each call, every one of them cleaned up after the test that made it. */
export function sandboxesPerTest(): () => ReturnType<typeof makeSandbox> {
  const sandboxes: Array<{ cleanup: () => void }> = [];
  afterEach(() => sandboxes.splice(0).forEach((created) => created.cleanup()));
  return () => {
    const created = makeSandbox();
    sandboxes.push(created);
    return created;
  };
}

export function expectOneLineError(stderr: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines[0]).toMatch(/^buddy: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const fixtureLines = (name: string): string[] => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8').trim().split('\n');

export interface RecordedRoll {
  readonly userId: string;
  readonly salt: string;
  readonly line: string;
}

/** Every recorded roll: the golden table and the boundary rolls, each with its exact expected line. */
export const RECORDED: readonly RecordedRoll[] = [
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
export const BUDDY_0_LINE =
  '{"version":1,"idHash":"32f35a91e82b6ca6153c4ee94025a8defc62b45c742d78e53d596183fdae5781","salt":"friend-2026-401","rarity":"uncommon","species":"Emberfox","shiny":false,"peak":"SNARK","dump":"DEBUGGING","stats":{"DEBUGGING":6,"PATIENCE":41,"CHAOS":35,"WISDOM":39,"SNARK":93},"eye":"@","hat":"none","inspirationSeed":604395053,"userId":"buddy-0"}';
