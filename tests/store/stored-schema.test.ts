// The stored config's schema: what passes, what fails and how a failure is described (never quoting the
// value it found), and how a failing buddy is recovered.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { makeStoredBuddy } from '../../src/store/buddy-store.js';
import { placeholderSoul, recoverBuddy } from '../../src/store/recover.js';
import { checkConfig } from '../../src/store/schema.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const bones = rollFromUserId('buddy-93');
const good = makeStoredBuddy(bones, { name: 'Pip', personality: 'Pip keeps watch.' }, 'offline', NOW);

function broken(change: (buddy: Record<string, any>) => void): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(good));
  change(copy);
  return copy;
}

describe('checkConfig', () => {
  it('passes a stored buddy as written', () => {
    expect(checkConfig({ buddy: good }).data.buddy).toEqual(good);
  });

  it.each([
    ['a species that does not exist', (b: any) => (b.bones.species = '\u001b[31mBogus'), 'bones.species is not one of the allowed values'],
    ['a missing rarity', (b: any) => delete b.bones.rarity, 'bones.rarity is missing'],
    ['stats that are null', (b: any) => (b.bones.stats = null), 'bones.stats is not an object'],
    ['a species of another rarity', (b: any) => (b.bones.rarity = b.bones.rarity === 'common' ? 'rare' : 'common'), 'bones: species and rarity disagree'],
    ['bones of another roll', (b: any) => (b.idHash = '0'.repeat(64)), 'the buddy: bones belong to another roll'],
    ['an escape in the personality', (b: any) => (b.personality = 'nice \u001b]0;x\u0007'), 'personality: personality has control characters'],
  ])('refuses %s and says so without quoting the value', (_label, change, problem) => {
    const checked = checkConfig({ buddy: broken(change) });
    expect(checked.data.buddy).toBeUndefined();
    expect(checked.invalidBuddy?.problem).toBe(problem);
  });

  it('drops a malformed exchange from memory, not the buddy', () => {
    const checked = checkConfig({ buddy: { ...good, memory: [{ at: 'x', user: 'hi', buddy: 'hello' }, { user: 5 }] } });
    expect(checked.data.buddy?.memory).toEqual([{ at: 'x', user: 'hi', buddy: 'hello' }]);
  });
});

describe('recoverBuddy', () => {
  it('prefers a backup of the same buddy', () => {
    const raw = broken((b) => (b.bones = {}));
    const recovery = recoverBuddy(raw, 'bones.version is missing', { buddy: good }, NOW);
    expect(recovery.buddy).toEqual(good);
    expect(recovery.note).toMatch(/restored Pip from the last good backup/);
  });

  it('ignores a backup of another buddy and rolls the bones again, keeping a valid soul', () => {
    const other = makeStoredBuddy(rollFromUserId('someone-else'), { name: 'Other', personality: 'Other.' }, 'offline', NOW);
    const recovery = recoverBuddy(broken((b) => (b.bones.eye = 'Q')), 'bones.eye', { buddy: other }, NOW);
    expect(recovery.buddy).toEqual(good);
  });

  it('writes a soul when the stored one is not valid either', () => {
    const recovery = recoverBuddy(broken((b) => { b.bones = {}; b.name = ''; }), 'bones', undefined, NOW);
    expect(recovery.buddy?.name).toBe(placeholderSoul(bones).name);
    expect(recovery.buddy?.bones).toEqual(bones);
  });

  it('gives up, saying so, when there is no idHash to roll from', () => {
    const recovery = recoverBuddy({ name: 'Pip' }, 'bones is missing', undefined, NOW);
    expect(recovery.buddy).toBeUndefined();
    expect(recovery.note).toMatch(/could not be rebuilt/);
  });
});
