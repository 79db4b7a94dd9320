// Recovering a stored buddy that fails the schema, case by case: which backup may come back, when the
// bones can be rolled again (a valid idHash and salt) and when they are set aside, what of the soul, its
// source, model, hatch date, memory and growth is kept, and the one line that says so.
import { describe, expect, it } from 'vitest';
import { rollClassic } from '../../src/engine/classic.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { initialGrowth } from '../../src/game/state.js';
import type { Soul } from '../../src/persona/prompt/soul.js';
import { makeStoredBuddy } from '../../src/store/buddy-store.js';
import { toStoredGrowth } from '../../src/store/growth-schema.js';
import { placeholderSoul, recoverBuddy } from '../../src/store/recover.js';

const NOW = new Date('2026-04-02T11:40:00.000Z');
const HATCHED_AT = new Date('2025-01-02T03:04:05.000Z');
const ID = '29c6aedc-5463-411c-991c-a386d9a93570';
const v1 = makeStoredBuddy(rollFromUserId(ID), { name: 'Pimble', personality: 'Pimble is calm.' }, 'model', HATCHED_AT, 'claude-haiku-4-5');
const classic = makeStoredBuddy(rollClassic(ID, undefined, 'fnv1a'), { name: 'Waddles', personality: 'Waddles is calm.' }, 'claude-code', HATCHED_AT);
const SET_ASIDE = 'the stored buddy did not match the expected shape (a problem) and could not be rebuilt; it was set aside';
const copy = <T>(value: T): any => JSON.parse(JSON.stringify(value));
/** A raw roll v1 buddy whose bones were damaged, changed further by `change`. */
const damaged = (change: (raw: any) => void = () => undefined): unknown => {
  const raw = copy(v1);
  raw.bones = { broken: true };
  change(raw);
  return raw;
};
const writer = (soul: Soul) => {
  const calls: unknown[] = [];
  return { calls, write: (bones: unknown) => (calls.push(bones), soul) };
};

describe('the backup', () => {
  it('comes back when it is the same buddy, or when the damaged one has no roll keys left', () => {
    expect(recoverBuddy(damaged(), 'a problem', { buddy: v1 }, NOW)).toEqual({
      buddy: v1,
      note: 'the stored buddy did not match the expected shape (a problem); restored Pimble from the last good backup',
    });
    expect(recoverBuddy({ name: 'Pimble' }, 'a problem', { buddy: v1 }, NOW).buddy).toEqual(v1);
  });

  it('comes back when the damaged buddy names no roll this version knows', () => {
    expect(recoverBuddy(damaged((raw) => (raw.rollVersion = 7)), 'a problem', { buddy: v1 }, NOW)).toEqual({
      buddy: v1,
      note: 'the stored buddy did not match the expected shape (a problem); restored Pimble from the last good backup',
    });
  });

  it('comes back, whoever it is, when the damaged buddy\'s idHash or salt could not be rolled from', () => {
    const other = makeStoredBuddy(rollFromUserId('buddy-7'), { name: 'Fennet', personality: 'Fennet is calm.' }, 'offline', HATCHED_AT);
    for (const change of [(raw: any) => (raw.idHash = `x${raw.idHash}`), (raw: any) => (raw.idHash = `${raw.idHash}x`), (raw: any) => (raw.salt = 'a\u0007b')]) {
      expect(recoverBuddy(damaged(change), 'a problem', { buddy: other }, NOW).buddy).toEqual(other);
    }
  });

  it('does not come back over a buddy of another roll of the same identity', () => {
    expect(classic.idHash).toBe(v1.idHash);
    const recovery = recoverBuddy(damaged(), 'a problem', { buddy: classic }, NOW);
    expect(recovery.buddy).toMatchObject({ rollVersion: 1, name: 'Pimble', bones: v1.bones });
  });
});

describe('rolling the bones again', () => {
  it('rolls a roll v1 buddy again from its idHash and salt, keeping its soul, source, model, date and memory', () => {
    const memory = [{ at: '2026-01-01T00:00:00.000Z', user: 'hi', buddy: 'hello' }];
    const soulWriter = writer({ name: 'Unused', personality: 'Unused.' });
    const recovery = recoverBuddy(damaged((raw) => (raw.memory = [memory[0], { at: 5 }])), 'a problem', undefined, NOW, soulWriter.write);
    expect(recovery).toEqual({
      buddy: { ...v1, memory },
      note: "the stored buddy did not match the expected shape (a problem); rolled Pimble's bones again from its idHash and salt and kept its name and personality",
    });
    expect(soulWriter.calls).toEqual([]);
  });

  it('keeps what can be read of its growth', () => {
    const growth = { ...toStoredGrowth(initialGrowth(HATCHED_AT.getTime())), xp: 12, counts: 'damaged' };
    const recovery = recoverBuddy(damaged((raw) => (raw.growth = growth)), 'a problem', undefined, NOW);
    expect(recovery.buddy?.growth).toMatchObject({ xp: 12, counts: { pets: 0 } });
    expect(recoverBuddy(damaged(), 'a problem', undefined, NOW).buddy?.growth).toBeUndefined();
  });

  it('dates a buddy whose hatch date is lost from now', () => {
    expect(recoverBuddy(damaged((raw) => (raw.hatchedAt = 'long ago')), 'a problem', undefined, NOW).buddy?.hatchedAt).toBe('2026-04-02T11:40:00.000Z');
  });

  it('sets the buddy aside when its idHash is not 64 lowercase hex characters, or its salt would not pass', () => {
    for (const change of [(raw: any) => (raw.idHash = `x${raw.idHash}`), (raw: any) => (raw.idHash = `${raw.idHash}x`), (raw: any) => (raw.salt = 'a\u0007b'), (raw: any) => delete raw.salt]) {
      expect(recoverBuddy(damaged(change), 'a problem', undefined, NOW)).toEqual({ buddy: undefined, note: SET_ASIDE });
    }
  });

  it('keeps classic bones that pass and belong to it, and sets them aside when they belong to another roll', () => {
    const raw = { ...copy(classic), name: 'two words' };
    const recovery = recoverBuddy(raw, 'a problem', undefined, NOW, () => ({ name: 'Newname', personality: 'New.' }));
    expect(recovery.buddy).toMatchObject({ rollVersion: 'classic', hashFn: 'fnv1a', bones: classic.bones, name: 'Newname' });
    expect(recovery.note).toBe("the stored buddy did not match the expected shape (a problem); kept Newname's classic bones and wrote a new soul offline");
    const elsewhere = 'the stored buddy did not match the expected shape (a problem) and its classic bones could not be rebuilt; it was set aside (buddy rescue brings a Claude Code buddy back)';
    const otherHash = { ...raw, bones: { ...raw.bones, idHash: 'f'.repeat(64) } };
    expect(recoverBuddy(otherHash, 'a problem', undefined, NOW)).toEqual({ buddy: undefined, note: elsewhere });
    const otherSalt = { ...raw, bones: { ...raw.bones, salt: 'another-salt' } };
    expect(recoverBuddy(otherSalt, 'a problem', undefined, NOW)).toEqual({ buddy: undefined, note: elsewhere });
  });

  it('sets the buddy aside when even the rebuilt one would not pass', () => {
    const recovery = recoverBuddy(damaged((raw) => (raw.name = 'two words')), 'a problem', undefined, NOW, () => ({ name: 'two words', personality: 'x' }));
    expect(recovery).toEqual({ buddy: undefined, note: SET_ASIDE });
  });
});

describe('the soul of a rebuilt buddy', () => {
  it('keeps a valid name and writes the rest, saying so; the source is then offline and the model is dropped', () => {
    const soulWriter = writer({ name: 'Written', personality: 'Written offline.' });
    const recovery = recoverBuddy(damaged((raw) => (raw.personality = '')), 'a problem', undefined, NOW, soulWriter.write);
    expect(recovery.buddy).toMatchObject({ name: 'Pimble', personality: 'Written offline.', soulSource: 'offline' });
    expect('model' in recovery.buddy!).toBe(false);
    expect(recovery.note).toBe("the stored buddy did not match the expected shape (a problem); rolled Pimble's bones again from its idHash and salt and kept its name");
    expect(soulWriter.calls).toEqual([v1.bones]);
  });

  it('writes a new name when the name is lost (keeping a valid personality), whatever the source and model said', () => {
    const recovery = recoverBuddy(damaged((raw) => (raw.name = 'two words')), 'a problem', undefined, NOW, () => ({ name: 'Written', personality: 'Written offline.' }));
    expect(recovery.buddy).toMatchObject({ name: 'Written', personality: 'Pimble is calm.', soulSource: 'offline' });
    expect('model' in recovery.buddy!).toBe(false);
    expect(recovery.note).toBe("the stored buddy did not match the expected shape (a problem); rolled Written's bones again from its idHash and salt and wrote a new soul offline");
  });

  it('reads a source that is not one of the known ones as offline, and drops a model that is no model name', () => {
    const recovery = recoverBuddy(damaged((raw) => Object.assign(raw, { soulSource: 'dream', model: 'not a model!' })), 'a problem', undefined, NOW);
    expect(recovery.buddy).toMatchObject({ name: 'Pimble', soulSource: 'offline' });
    expect('model' in recovery.buddy!).toBe(false);
  });

  it('by default is the species\' name and a plain line, until a writer repairs the file', () => {
    const bones = rollFromUserId(ID);
    expect(placeholderSoul(bones)).toEqual({ name: bones.species, personality: `A ${bones.rarity} ${bones.species}.` });
    expect(placeholderSoul(bones).personality).toMatch(/^A [a-z]+ [A-Za-z]+\.$/);
  });
});
