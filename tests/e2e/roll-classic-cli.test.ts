// The classic roll from the command line: `roll --classic` (one ID, --json, --batch on both paths),
// `odds --classic`, `hunt --classic` and the classic section of `dex`. Roll v1's defaults do not change.
import { afterEach, describe, expect, it } from 'vitest';
import { classicBonesToJson, rollClassic } from '../../src/engine/classic.js';
import { makeSandbox, runBuddy } from '../helpers/cli.js';

const PUBLIC_ID = '29c6aedc-5463-411c-991c-a386d9a93570';
const sandboxes: Array<{ cleanup: () => void }> = [];
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const created = makeSandbox();
  sandboxes.push(created);
  return { ...created.env, ...extra };
}
afterEach(() => sandboxes.splice(0).forEach((created) => created.cleanup()));

describe('buddy roll --classic', () => {
  it('prints the JSON form with version "classic" and the seed function, wyhash by default', async () => {
    const wyhash = await runBuddy(['roll', '--classic', PUBLIC_ID, '--json'], { env: env() });
    expect(wyhash.stdout).toBe(`${classicBonesToJson(rollClassic(PUBLIC_ID), PUBLIC_ID)}\n`);
    expect(JSON.parse(wyhash.stdout)).toMatchObject({ version: 'classic', hashFn: 'wyhash', species: 'penguin' });
    const fnv1a = await runBuddy(['roll', '--classic', PUBLIC_ID, '--hash-fn', 'fnv1a', '--json'], { env: env() });
    expect(JSON.parse(fnv1a.stdout)).toMatchObject({ hashFn: 'fnv1a', rarity: 'legendary', species: 'dragon', shiny: true, inspirationSeed: 796917891 });
  });

  it('prints a card naming the roll, and rolls my own ID without one', async () => {
    const card = await runBuddy(['roll', '--classic', PUBLIC_ID, '--hash-fn', 'fnv1a'], { env: env() });
    expect(card.stdout).toContain('★★★★★  dragon  LEGENDARY');
    expect(card.stdout).toContain('SHINY');
    expect(card.stdout).toContain('roll classic (fnv1a)');
    const mine = await runBuddy(['roll', '--classic', '--json'], { env: env({ BUDDY_USER_ID: PUBLIC_ID }) });
    expect(mine.stdout).toBe(`${classicBonesToJson(rollClassic(PUBLIC_ID))}\n`);
  });

  it('leaves roll v1 as it was', async () => {
    const v1 = await runBuddy(['roll', PUBLIC_ID, '--json'], { env: env() });
    expect(JSON.parse(v1.stdout).version).toBe(1);
  });

  it.each([
    [['roll', '--classic', '--hash', 'a'.repeat(64)], '--classic rolls from an ID, not from --hash'],
    [['roll', PUBLIC_ID, '--hash-fn', 'fnv1a'], '--hash-fn goes with --classic'],
    [['roll', '--classic', PUBLIC_ID, '--hash-fn', 'murmur'], '--hash-fn must be one of wyhash, fnv1a'],
  ])('refuses %j in one line', async (args, message) => {
    const result = await runBuddy(args, { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`buddy: roll: ${message} (see buddy roll --help)\n`);
  });
});

describe('buddy roll --batch --classic', () => {
  it('rolls every line by the classic roll, reporting bad lines', async () => {
    const ids = [PUBLIC_ID, 'José', '', 'anon'];
    const result = await runBuddy(['roll', '--batch', '--classic', '--hash-fn', 'fnv1a'], { env: env(), input: ids.join('\n') });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(classicBonesToJson(rollClassic(PUBLIC_ID, undefined, 'fnv1a'), PUBLIC_ID));
    expect(lines[1]).toBe(classicBonesToJson(rollClassic('José', undefined, 'fnv1a'), 'José'));
    expect(JSON.parse(lines[2]!)).toEqual({ line: 3, error: 'user ID is empty' });
    expect(lines[3]).toBe(classicBonesToJson(rollClassic('anon', undefined, 'fnv1a'), 'anon'));
  });

  it('keeps input order on the worker path, with another salt', async () => {
    const ids = Array.from({ length: 15_000 }, (_, index) => `classic-worker-path-${String(index).padStart(6, '0')}-padding-padding`);
    const result = await runBuddy(['roll', '--batch', '--classic', '--salt', 'bulk'], { env: env(), input: ids.join('\n'), timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(ids.length);
    for (const index of [0, 1, 4_999, 10_001, 14_999]) {
      expect(lines[index]).toBe(classicBonesToJson(rollClassic(ids[index]!, 'bulk', 'wyhash'), ids[index]));
    }
  });
});

describe('buddy odds --classic', () => {
  it('gives the exact odds: five tiers, eighteen species at 1 in 18 each', async () => {
    const result = await runBuddy(['odds', '--classic', '--json'], { env: env() });
    const odds = JSON.parse(result.stdout);
    expect(odds.version).toBe('classic');
    expect(odds.rarities).toEqual({ common: 0.6, uncommon: 0.25, rare: 0.1, epic: 0.04, legendary: 0.01 });
    expect(odds.species).toHaveLength(18);
    expect(odds.species[0]).toMatchObject({ species: 'duck', odds: 1 / 18 });
  });

  it('agrees with a sample of generated IDs', async () => {
    const result = await runBuddy(['odds', '--classic', '--sample', '4000', '--hash-fn', 'fnv1a', '--json'], { env: env() });
    const { sample } = JSON.parse(result.stdout);
    expect(sample).toMatchObject({ size: 4000, hashFn: 'fnv1a' });
    for (const test of Object.values(sample.tests) as Array<{ pValue: number }>) expect(test.pValue).toBeGreaterThan(0.001);
    const text = await runBuddy(['odds', '--classic'], { env: env() });
    expect(text.stdout).toContain('Every classic species: 5.56% (1 in 18)');
  });
});

describe('buddy hunt --classic', () => {
  it('finds a salt for a legendary dragon, and the classic roll agrees', async () => {
    const result = await runBuddy(['hunt', '--classic', '--species', 'Dragon', '--rarity', 'legendary', '--user', 'hunter', '--json'], { env: env(), timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    const found = JSON.parse(result.stdout);
    expect(found.roll).toMatchObject({ version: 'classic', hashFn: 'wyhash', species: 'dragon', rarity: 'legendary' });
    expect(rollClassic('hunter', found.salt, 'wyhash')).toMatchObject({ species: 'dragon', rarity: 'legendary' });
    const unknown = await runBuddy(['hunt', '--classic', '--species', 'Emberfox'], { env: env() });
    expect(unknown.code).toBe(2);
  });
});

describe('buddy dex', () => {
  it('shows the classic family in its own section, and one classic species with its lore', async () => {
    const all = await runBuddy(['dex'], { env: env() });
    const classic = all.stdout.slice(all.stdout.indexOf('classic  the Claude Code family'));
    expect(classic.length).toBeLessThan(all.stdout.length);
    for (const species of ['duck', 'capybara', 'chonk']) expect(classic).toContain(species);
    const one = await runBuddy(['dex', '--species', 'Chonk', '--hat', 'crown', '--frame', 'sleepy'], { env: env() });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('chonk  CLASSIC  any rarity');
    expect(one.stdout).toContain('A chonk is a cat of great roundness');
  });
});
