// A classic buddy in the config: the schema keeps it with its seed function, recovery never turns it into
// another buddy, a switch or an adoption never loses a buddy of the same identity, and the check on every
// start uses the classic roll (an account without any ID rolls as `anon`).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rerollStored } from '../../src/buddy/reroll.js';
import { mismatchWarning } from '../../src/buddy/warning.js';
import { rollClassic } from '../../src/engine/classic.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { adoptBuddy, makeStoredBuddy, switchBuddy } from '../../src/store/buddy-store.js';
import { openConfigStore } from '../../src/store/config-store.js';
import { recoverBuddy } from '../../src/store/recover.js';
import { checkConfig } from '../../src/store/schema.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

const NOW = new Date('2026-04-02T11:40:00.000Z');
const ID = '29c6aedc-5463-411c-991c-a386d9a93570';
const soul = { name: 'Waddles', personality: 'Waddles keeps a tiny bow tie for release days.' };
const classic = makeStoredBuddy(rollClassic(ID, undefined, 'fnv1a'), soul, 'claude-code', NOW);
const v1 = makeStoredBuddy(rollFromUserId(ID), { name: 'Pimble', personality: 'Pimble reads stack traces.' }, 'offline', NOW);

describe('the schema', () => {
  it('keeps a classic buddy exactly as written, seed function and all', () => {
    expect(classic).toMatchObject({ rollVersion: 'classic', hashFn: 'fnv1a', bones: { version: 'classic', hashFn: 'fnv1a', species: 'dragon' } });
    expect(checkConfig({ buddy: classic }).data.buddy).toEqual(classic);
    expect(JSON.stringify(checkConfig({ buddy: classic }).data.buddy)).toBe(JSON.stringify(classic));
  });

  it.each([
    ['bones of the other seed function', (b: any) => (b.hashFn = 'wyhash'), 'the buddy: bones belong to another roll'],
    ['an unknown seed function', (b: any) => (b.hashFn = 'murmur'), 'hashFn is not one of the allowed values'],
    ['a roll v1 species', (b: any) => (b.bones.species = 'Emberfox'), 'bones.species is not one of the allowed values'],
    ['an unknown roll version', (b: any) => (b.rollVersion = 2), 'rollVersion is not one of the allowed values'],
    ['classic bones under roll v1', (b: any) => (b.rollVersion = 1), 'bones.version is not one of the allowed values'],
  ])('refuses %s', (_label, change, problem) => {
    const copy = JSON.parse(JSON.stringify(classic));
    change(copy);
    expect(checkConfig({ buddy: copy }).invalidBuddy?.problem).toBe(problem);
  });
});

describe('recovery', () => {
  it('keeps classic bones that pass and writes what else is missing', () => {
    const raw = { ...JSON.parse(JSON.stringify(classic)), name: 'not one word' };
    const recovery = recoverBuddy(raw, 'name', undefined, NOW);
    expect(recovery.buddy).toMatchObject({ rollVersion: 'classic', hashFn: 'fnv1a', bones: classic.bones, personality: soul.personality });
    expect(recovery.note).toContain('kept');
  });

  it('never rolls damaged classic bones by roll v1: they are set aside, and a backup of the same roll comes back', () => {
    const raw = { ...JSON.parse(JSON.stringify(classic)), bones: {} };
    expect(recoverBuddy(raw, 'bones', undefined, NOW)).toMatchObject({ buddy: undefined });
    expect(recoverBuddy(raw, 'bones', undefined, NOW).note).toContain('buddy rescue');
    expect(recoverBuddy(raw, 'bones', { buddy: v1 }, NOW).buddy).toBeUndefined();
    expect(recoverBuddy(raw, 'bones', { buddy: classic }, NOW).buddy).toEqual(classic);
  });
});

describe('switching and adopting', () => {
  let temp: TempConfig;
  beforeEach(() => {
    temp = makeTempConfig('buddy-classic-stored-');
  });
  afterEach(() => removeTempConfig(temp));

  it('keeps a classic and a roll v1 buddy of the same identity apart', () => {
    switchBuddy(v1, temp.env, NOW);
    switchBuddy(classic, temp.env, NOW);
    switchBuddy(v1, temp.env, NOW);
    const data = openConfigStore(temp.env).read();
    expect(data.buddy).toEqual(v1);
    expect(data.archive?.map((buddy) => buddy.name)).toEqual(['Waddles']);
  });

  it('adopts, restores from the archive, and changes nothing the second time', () => {
    switchBuddy(v1, temp.env, NOW);
    expect(adoptBuddy(classic, { mute: true }, temp.env, NOW)).toMatchObject({ kind: 'adopted', archived: v1 });
    expect(openConfigStore(temp.env).read().settings.muted).toBe(true);
    expect(adoptBuddy(classic, { mute: true }, temp.env, NOW).kind).toBe('already');
    switchBuddy(v1, temp.env, NOW);
    const remembered = { ...classic, memory: [] };
    expect(adoptBuddy({ ...classic, name: 'Other' }, { mute: false }, temp.env, NOW)).toMatchObject({ kind: 'restored', buddy: remembered });
  });
});

describe('the check on every start', () => {
  it('re-rolls a classic buddy by the classic roll with its seed function', () => {
    expect(rerollStored(classic, ID)).toEqual(classic.bones);
    expect(mismatchWarning(classic, rerollStored(classic, ID))).toBeUndefined();
    const other = rerollStored(classic, 'someone-else');
    expect(mismatchWarning(classic, other, rollFromUserId('someone-else'))).toMatch(/hatched for another identity.*to hatch this identity's \w+/);
  });

  it('re-rolls a buddy of an account without any ID as anon, whoever runs Buddy', () => {
    const anon = makeStoredBuddy(rollClassic('anon'), soul, 'claude-code', NOW);
    expect(rerollStored(anon, 'a-random-local-id')).toEqual(anon.bones);
  });
});
