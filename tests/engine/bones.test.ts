// Either roll's bones, through the one door every face uses: the JSON form, the label, the roll key and
// whether two rolls are the same buddy.
import { describe, expect, it } from 'vitest';
import { buddyBonesToJson, EVERY_SPECIES, rollKey, rollLabel, sameBuddyBones } from '../../src/engine/bones.js';
import { CLASSIC_SPECIES } from '../../src/engine/classic-constants.js';
import { classicBonesToJson, rollClassic } from '../../src/engine/classic.js';
import { ALL_SPECIES } from '../../src/engine/constants.js';
import { bonesToJson, rollFromUserId } from '../../src/engine/roll.js';

const v1 = rollFromUserId('buddy-0');
const wyhash = rollClassic('buddy-0', 'friend-2026-401', 'wyhash');
const fnv1a = rollClassic('buddy-0', 'friend-2026-401', 'fnv1a');

describe('buddyBonesToJson', () => {
  it('writes each roll in its own form, with the ID only when given', () => {
    expect(buddyBonesToJson(v1)).toBe(bonesToJson(v1));
    expect(buddyBonesToJson(v1, 'buddy-0')).toBe(bonesToJson(v1, 'buddy-0'));
    expect(buddyBonesToJson(wyhash)).toBe(classicBonesToJson(wyhash));
    expect(buddyBonesToJson(fnv1a, 'buddy-0')).toBe(classicBonesToJson(fnv1a, 'buddy-0'));
    expect(JSON.parse(buddyBonesToJson(v1))).toMatchObject({ version: 1 });
    expect(JSON.parse(buddyBonesToJson(fnv1a, 'buddy-0'))).toMatchObject({ version: 'classic', hashFn: 'fnv1a', userId: 'buddy-0' });
  });
});

describe('sameBuddyBones', () => {
  it('holds for a roll and its copy, and not across rolls, seed functions, IDs or salts', () => {
    expect(sameBuddyBones(v1, { ...v1 })).toBe(true);
    expect(sameBuddyBones(wyhash, rollClassic('buddy-0', 'friend-2026-401', 'wyhash'))).toBe(true);
    expect(sameBuddyBones(v1, wyhash)).toBe(false);
    expect(sameBuddyBones(wyhash, fnv1a)).toBe(false);
    expect(sameBuddyBones(v1, rollFromUserId('buddy-1'))).toBe(false);
    expect(sameBuddyBones(v1, rollFromUserId('buddy-0', 'another-salt'))).toBe(false);
  });

  it('notices a single changed bone', () => {
    expect(sameBuddyBones(v1, { ...v1, shiny: !v1.shiny })).toBe(false);
    expect(sameBuddyBones(v1, { ...v1, stats: { ...v1.stats, SNARK: v1.stats.SNARK + 1 } })).toBe(false);
  });
});

describe('rollLabel', () => {
  it('names roll v1 by its number and the classic roll by its seed function', () => {
    expect(rollLabel(v1)).toBe('v1');
    expect(rollLabel(wyhash)).toBe('classic (wyhash)');
    expect(rollLabel(fnv1a)).toBe('classic (fnv1a)');
  });
});

describe('rollKey', () => {
  it('tells apart rolls, seed functions, IDs and salts', () => {
    const keys = [v1, wyhash, fnv1a, rollFromUserId('buddy-1'), rollFromUserId('buddy-0', 'another-salt'), rollClassic('buddy-0', 'another-salt', 'fnv1a')].map(rollKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is the same for the same roll, whatever else differs', () => {
    expect(rollKey({ ...v1, shiny: !v1.shiny })).toBe(rollKey(v1));
    expect(rollKey(fnv1a)).toBe(`classic|fnv1a|${fnv1a.idHash}|friend-2026-401`);
    expect(rollKey(v1)).toBe(`1||${v1.idHash}|friend-2026-401`);
  });
});

describe('EVERY_SPECIES', () => {
  it('lists roll v1 species first, then the classic family, each once', () => {
    expect(EVERY_SPECIES).toEqual([...ALL_SPECIES, ...CLASSIC_SPECIES]);
    expect(new Set(EVERY_SPECIES).size).toBe(EVERY_SPECIES.length);
  });
});
