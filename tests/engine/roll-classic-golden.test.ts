// The classic roll gives back the exact creature people had: the public vectors and a recorded table of
// both seed functions (non-ASCII IDs, other salts, every wyhash length branch) must never change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classicBonesToJson, classicSeed, rollClassic } from '../../src/engine/classic.js';
import { HASH_FNS } from '../../src/engine/classic-constants.js';
import { hashUserId } from '../../src/engine/hash.js';

const PUBLIC_ID = '29c6aedc-5463-411c-991c-a386d9a93570';

describe('classic roll public vectors', () => {
  it('fnv1a: a shiny legendary dragon with eye ◉ and a tophat', () => {
    const bones = rollClassic(PUBLIC_ID, 'friend-2026-401', 'fnv1a');
    expect(bones).toMatchObject({ version: 'classic', hashFn: 'fnv1a', rarity: 'legendary', species: 'dragon', eye: '◉', hat: 'tophat', shiny: true, inspirationSeed: 796917891 });
    expect(Object.values(bones.stats)).toEqual([45, 100, 87, 56, 74]);
  });

  it('wyhash: a common penguin with eye °, no hat, not shiny', () => {
    expect(rollClassic(PUBLIC_ID)).toMatchObject({ hashFn: 'wyhash', rarity: 'common', species: 'penguin', eye: '°', hat: 'none', shiny: false });
  });

  it('seeds from the key ID + salt', () => {
    expect(classicSeed(`${PUBLIC_ID}friend-2026-401`, 'fnv1a')).toBe(0xd1382f6c);
    expect(classicSeed(`${PUBLIC_ID}friend-2026-401`, 'wyhash')).toBe(0x868bb02a);
  });

  it('keeps the SHA-256 of the ID beside the bones, and prints the documented JSON keys in order', () => {
    const json = JSON.parse(classicBonesToJson(rollClassic(PUBLIC_ID), PUBLIC_ID));
    expect(json.idHash).toBe(hashUserId(PUBLIC_ID));
    expect(Object.keys(json)).toEqual([
      'version', 'hashFn', 'idHash', 'salt', 'rarity', 'species', 'shiny', 'peak', 'dump', 'stats', 'eye', 'hat', 'inspirationSeed', 'userId',
    ]);
  });
});

describe('classic roll recorded table', () => {
  const rows = readFileSync(new URL('../fixtures/roll-classic-golden.jsonl', import.meta.url), 'utf8').trim().split('\n');

  it('holds at least 40 vectors per seed function, non-ASCII IDs and other salts among them', () => {
    const parsed = rows.map((row) => JSON.parse(row) as { hashFn: string; userId: string; salt: string });
    for (const hashFn of HASH_FNS) expect(parsed.filter((row) => row.hashFn === hashFn).length).toBeGreaterThanOrEqual(40);
    expect(parsed.some((row) => /[^\x20-\x7e]/.test(row.userId))).toBe(true);
    expect(new Set(parsed.map((row) => row.salt)).size).toBeGreaterThan(3);
  });

  it.each(rows.map((row, index) => [index, row]))('line %i rolls exactly as recorded', (_index, row) => {
    const expected = JSON.parse(row);
    expect(classicBonesToJson(rollClassic(expected.userId, expected.salt, expected.hashFn), expected.userId)).toBe(row);
  });
});
