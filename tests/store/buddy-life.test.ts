// The stored buddy's life in the config, in one process: the record a hatch makes, a first hatch that
// never overwrites, a new soul that keeps what the buddy has grown, and switching and adopting, where the
// buddy replaced is archived with the moment it was put away and each roll is kept once.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollClassic } from '../../src/engine/classic.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { initialGrowth } from '../../src/game/state.js';
import { adoptBuddy, archived, claimBuddy, makeStoredBuddy, renameBuddy, saveBuddy, switchBuddy } from '../../src/store/buddy-store.js';
import { openConfigStore } from '../../src/store/config-store.js';
import { toStoredGrowth } from '../../src/store/growth-schema.js';
import type { StoredBuddy } from '../../src/store/schema.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

const HATCHED_AT = new Date('2025-01-02T03:04:05.000Z');
const NOW = new Date('2026-04-02T11:40:00.000Z');
const LATER = new Date('2026-04-03T08:00:00.000Z');

const buddyOf = (userId: string, name: string): StoredBuddy =>
  makeStoredBuddy(rollFromUserId(userId), { name, personality: `${name} is a test buddy.` }, 'offline', HATCHED_AT);
const first = buddyOf('buddy-1', 'Fennet');
const second = buddyOf('buddy-2', 'Quillo');
const third = buddyOf('buddy-3', 'Marl');

let temp: TempConfig;
const stored = (): ReturnType<ReturnType<typeof openConfigStore>['read']> => openConfigStore(temp.env).read();
const backup = (): { buddy?: StoredBuddy } => JSON.parse(fs.readFileSync(path.join(temp.dir, 'config.backup.json'), 'utf8')) as { buddy?: StoredBuddy };

beforeEach(() => {
  temp = makeTempConfig('buddy-store-life-');
});
afterEach(() => removeTempConfig(temp));

describe('makeStoredBuddy', () => {
  it('writes a roll v1 buddy\'s keys in the file\'s order, with no seed function', () => {
    const bones = rollFromUserId('buddy-1');
    const buddy = makeStoredBuddy(bones, { name: 'Fennet', personality: 'Calm.' }, 'offline', HATCHED_AT);
    expect(Object.keys(buddy)).toEqual(['rollVersion', 'idHash', 'salt', 'bones', 'name', 'personality', 'hatchedAt', 'soulSource', 'memory']);
    expect(buddy).toEqual({ rollVersion: 1, idHash: bones.idHash, salt: bones.salt, bones, name: 'Fennet', personality: 'Calm.', hatchedAt: '2025-01-02T03:04:05.000Z', soulSource: 'offline', memory: [] });
  });

  it('writes a classic buddy with the seed function it was rolled with', () => {
    const bones = rollClassic('29c6aedc-5463-411c-991c-a386d9a93570', undefined, 'wyhash');
    const buddy = makeStoredBuddy(bones, { name: 'Waddles', personality: 'Calm.' }, 'claude-code', HATCHED_AT);
    expect(Object.keys(buddy).slice(0, 5)).toEqual(['rollVersion', 'hashFn', 'idHash', 'salt', 'bones']);
    expect(buddy).toMatchObject({ rollVersion: 'classic', hashFn: 'wyhash', idHash: bones.idHash, salt: bones.salt, soulSource: 'claude-code' });
  });

  it('records a generation above 0 and a language other than English, and neither otherwise', () => {
    const bones = rollFromUserId('buddy-1');
    const soul = { name: 'Fennet', personality: 'Calm.' };
    const rewritten = makeStoredBuddy(bones, soul, 'model', HATCHED_AT, 'a-model', 2, 'de');
    expect(rewritten).toMatchObject({ model: 'a-model', generation: 2, soulLanguage: 'de' });
    const plain = makeStoredBuddy(bones, soul, 'model', HATCHED_AT, 'a-model', 0, 'en');
    expect(['generation' in plain, 'soulLanguage' in plain]).toEqual([false, false]);
    const unsaid = makeStoredBuddy(bones, soul, 'offline', HATCHED_AT, undefined, 1);
    expect([unsaid.generation, 'soulLanguage' in unsaid, 'model' in unsaid]).toEqual([1, false, false]);
  });
});

describe('saving and claiming', () => {
  it('claims the first hatch, and gives back the buddy already stored to every later one', () => {
    expect(claimBuddy(first, temp.env)).toEqual(first);
    expect(backup().buddy?.name).toBe('Fennet');
    expect(claimBuddy(second, temp.env)).toEqual(first);
    expect(stored().buddy).toEqual(first);
  });

  it('gives a new soul for the same buddy the growth it had, and a new buddy none', () => {
    const grown = { ...first, growth: toStoredGrowth({ ...initialGrowth(HATCHED_AT.getTime(), HATCHED_AT.getTime()), xp: 345 }) };
    saveBuddy(grown, temp.env);
    const renewed = saveBuddy({ ...first, name: 'Renewed' }, temp.env);
    expect(renewed.name).toBe('Renewed');
    expect(renewed.growth?.xp).toBe(345);
    expect(stored().buddy?.growth?.xp).toBe(345);
    // A soul that brings its own growth keeps it.
    const given = { ...first, growth: toStoredGrowth({ ...initialGrowth(HATCHED_AT.getTime(), HATCHED_AT.getTime()), xp: 7 }) };
    expect(saveBuddy(given, temp.env).growth?.xp).toBe(7);
    // Another roll starts from nothing of the old buddy's.
    expect(saveBuddy(second, temp.env)).toEqual(second);
    expect(stored().buddy?.growth).toBeUndefined();
  });

  it('renames only a hatched buddy, marking the name as chosen', () => {
    expect(renameBuddy('Nobody', temp.env)).toBeUndefined();
    expect(stored().buddy).toBeUndefined();
    saveBuddy(first, temp.env);
    expect(renameBuddy('Bramble', temp.env)).toEqual({ ...first, name: 'Bramble', renamed: true });
  });
});

describe('switching', () => {
  it('archives the buddy it replaces, dated now, and brings an archived one back whole', () => {
    expect(switchBuddy(first, temp.env, NOW)).toEqual(first);
    expect(stored().archive).toBeUndefined();
    switchBuddy(second, temp.env, NOW);
    expect(stored()).toMatchObject({ buddy: second, archive: [{ ...first, archivedAt: '2026-04-02T11:40:00.000Z' }] });
    // Back to the first, passed as its archived record: it leaves the archive and loses its archive date.
    const [archivedFirst] = stored().archive!;
    expect(switchBuddy(archivedFirst!, temp.env, LATER)).toEqual(first);
    const data = stored();
    expect(data.buddy).toEqual(first);
    expect('archivedAt' in data.buddy!).toBe(false);
    expect('archivedAt' in (JSON.parse(fs.readFileSync(path.join(temp.dir, 'config.json'), 'utf8')) as { buddy: object }).buddy).toBe(false);
    expect(data.archive).toEqual([archived(second, LATER)]);
    expect(backup().buddy).toEqual(first);
  });

  it('gives back the buddy as stored and read: a broken exchange in its memory is dropped', () => {
    const remembered = { ...first, memory: [{ at: '2026-01-01T00:00:00.000Z', user: 'hi', buddy: 'hello' }] };
    const withBroken = { ...first, memory: [...remembered.memory, { at: 5 } as never] };
    expect(switchBuddy(withBroken, temp.env, NOW)).toEqual(remembered);
  });

  it('keeps each roll once: a switch to the same roll replaces it, and puts nothing in the archive', () => {
    switchBuddy(first, temp.env, NOW);
    switchBuddy({ ...first, name: 'Again' }, temp.env, NOW);
    expect(stored().buddy?.name).toBe('Again');
    expect(stored().archive).toBeUndefined();
    switchBuddy(second, temp.env, NOW);
    switchBuddy(third, temp.env, NOW);
    switchBuddy(first, temp.env, LATER);
    expect(stored().archive?.map((buddy) => [buddy.name, buddy.archivedAt])).toEqual([
      ['Quillo', '2026-04-02T11:40:00.000Z'],
      ['Marl', '2026-04-03T08:00:00.000Z'],
    ]);
  });
});

describe('adopting', () => {
  it('adopts into an empty config, archiving nothing', () => {
    expect(adoptBuddy(first, { mute: false }, temp.env, NOW)).toEqual({ kind: 'adopted', buddy: first, archived: undefined });
    expect(stored()).toMatchObject({ buddy: first, settings: { muted: false } });
    expect(stored().archive).toBeUndefined();
    expect(backup().buddy).toEqual(first);
  });

  it('archives the buddy it replaces, and restores an archived one of the same roll with its memory', () => {
    saveBuddy(first, temp.env);
    expect(adoptBuddy(second, { mute: false }, temp.env, NOW)).toEqual({ kind: 'adopted', buddy: second, archived: first });
    expect(stored().archive).toEqual([archived(first, NOW)]);
    const remembered = { ...first, memory: [{ at: '2026-01-01T00:00:00.000Z', user: 'hi', buddy: 'hello' }] };
    openConfigStore(temp.env).update((config) => void (config.archive = [archived(third, NOW), archived(remembered, NOW)]));
    const adoption = adoptBuddy({ ...first, name: 'Candidate' }, { mute: false }, temp.env, LATER);
    expect(adoption).toEqual({ kind: 'restored', buddy: remembered, archived: second });
    // The other archived buddies stay where they were.
    expect(stored()).toMatchObject({ buddy: remembered, archive: [archived(third, NOW), archived(second, LATER)] });
  });

  it('changes nothing for the buddy already there, and only mutes it when asked and not muted yet', () => {
    saveBuddy(first, temp.env);
    const before = fs.readFileSync(path.join(temp.dir, 'config.json'), 'utf8');
    const inode = fs.statSync(path.join(temp.dir, 'config.json')).ino;
    expect(adoptBuddy({ ...first, name: 'Candidate' }, { mute: false }, temp.env, NOW)).toEqual({ kind: 'already', buddy: first });
    // Not even written again: a write replaces the file (a new inode).
    expect(fs.readFileSync(path.join(temp.dir, 'config.json'), 'utf8')).toBe(before);
    expect(fs.statSync(path.join(temp.dir, 'config.json')).ino).toBe(inode);
    expect(adoptBuddy({ ...first, name: 'Candidate' }, { mute: true }, temp.env, NOW)).toEqual({ kind: 'already', buddy: first });
    expect(stored()).toMatchObject({ buddy: first, settings: { muted: true } });
    expect(stored().archive).toBeUndefined();
    const muted = fs.readFileSync(path.join(temp.dir, 'config.json'), 'utf8');
    expect(adoptBuddy(first, { mute: true }, temp.env, NOW)).toEqual({ kind: 'already', buddy: first });
    expect(fs.readFileSync(path.join(temp.dir, 'config.json'), 'utf8')).toBe(muted);
  });

  it('mutes Buddy when it adopts with mute, and leaves the setting alone without', () => {
    expect(adoptBuddy(first, { mute: true }, temp.env, NOW).kind).toBe('adopted');
    expect(stored().settings.muted).toBe(true);
    openConfigStore(temp.env).update((config) => void (config.settings = { ...config.settings, muted: false }));
    adoptBuddy(second, { mute: false }, temp.env, NOW);
    expect(stored().settings.muted).toBe(false);
  });
});
