// Roll v1 is frozen: these vectors (from the spec and a recorded table) must never change.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { hashUserId } from '../../src/engine/hash.js';
import { bonesToJson, rollFromHash, rollFromUserId, sameBones } from '../../src/engine/roll.js';

describe('roll v1 spec vectors', () => {
  it('buddy-0 is an uncommon Emberfox with the documented stats', () => {
    const bones = rollFromUserId('buddy-0');
    expect(bones).toMatchObject({ rarity: 'uncommon', species: 'Emberfox', shiny: false, eye: '@', hat: 'none' });
    expect(Object.values(bones.stats)).toEqual([6, 41, 35, 39, 93]);
  });

  it('buddy-12 is a shiny common Pebblecrab', () => {
    expect(rollFromUserId('buddy-12')).toMatchObject({ rarity: 'common', species: 'Pebblecrab', shiny: true, eye: '·' });
  });

  it('buddy-93 is a legendary Nebulynx with CHAOS 100 and a halo', () => {
    const bones = rollFromUserId('buddy-93');
    expect(bones).toMatchObject({ rarity: 'legendary', species: 'Nebulynx', eye: '×', hat: 'halo' });
    expect(bones.stats.CHAOS).toBe(100);
  });

  it('alice@example.com hashes and rolls as documented', () => {
    expect(hashUserId('alice@example.com')).toBe('ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976');
    const bones = rollFromUserId('alice@example.com');
    expect(bones).toMatchObject({ rarity: 'common', species: 'Twigmouse', inspirationSeed: 689326082 });
    expect(Object.values(bones.stats)).toEqual([77, 24, 30, 4, 22]);
  });

  it('tells the same roll from a different one', () => {
    expect(sameBones(rollFromUserId('buddy-0'), rollFromHash('32f35a91e82b6ca6153c4ee94025a8defc62b45c742d78e53d596183fdae5781'))).toBe(true);
    expect(sameBones(rollFromUserId('buddy-0'), rollFromUserId('buddy-0', 'other'))).toBe(false);
    expect(sameBones(rollFromUserId('buddy-0'), { ...rollFromUserId('buddy-0'), hat: 'crown' })).toBe(false);
  });

  it('rolling from the hash equals rolling from the ID', () => {
    expect(rollFromHash(hashUserId('buddy-93'))).toEqual(rollFromUserId('buddy-93'));
  });

  it('prints the JSON form with exactly the documented keys in order', () => {
    const json = JSON.parse(bonesToJson(rollFromUserId('buddy-0')));
    expect(Object.keys(json)).toEqual([
      'version', 'idHash', 'salt', 'rarity', 'species', 'shiny', 'peak', 'dump', 'stats', 'eye', 'hat', 'inspirationSeed',
    ]);
    expect(Object.keys(json.stats)).toEqual(['DEBUGGING', 'PATIENCE', 'CHAOS', 'WISDOM', 'SNARK']);
    expect(JSON.parse(bonesToJson(rollFromUserId('buddy-0'), 'buddy-0')).userId).toBe('buddy-0');
  });
});

describe('roll v1 recorded table', () => {
  const rows = readFileSync(new URL('../fixtures/roll-v1-golden.jsonl', import.meta.url), 'utf8').trim().split('\n');

  it.each(rows.map((row) => [JSON.parse(row).userId as string, row]))('%s rolls exactly as recorded', (_id, row) => {
    const expected = JSON.parse(row);
    expect(bonesToJson(rollFromUserId(expected.userId, expected.salt), expected.userId)).toBe(row);
  });
});

describe('the JSON form in a fresh process', () => {
  // bonesToJson quotes the salt once per batch; the very first line of a process must be right too.
  it.each([['the empty salt', ''], ['the default salt', 'friend-2026-401'], ['a salt that needs escaping', 'a "quoted"\\salt']])('prints %s correctly on the first roll', async (_label, salt) => {
    vi.resetModules();
    const fresh = await import('../../src/engine/roll.js');
    const json = fresh.bonesToJson(fresh.rollFromUserId('salted', salt));
    expect(JSON.parse(json).salt).toBe(salt);
  });

  it('prints each salt of a run of rolls with changing salts', () => {
    const salts = ['x', 'x', '', 'y', ''];
    expect(salts.map((salt) => JSON.parse(bonesToJson(rollFromUserId('salted', salt))).salt)).toEqual(salts);
  });
});
