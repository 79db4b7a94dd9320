// What a fold writes and what it leaves alone: events handed over directly are folded even with an empty
// log, a fold before the hatch or with nothing to take writes nothing (the file is not even replaced), a
// buddy stored before growth gets its growth written only when something was folded, a shiny buddy earns
// its achievement on the first fold, and the backup is refreshed on a level-up or a new achievement only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import type { GameEvent } from '../../src/game/events.js';
import { initialGrowth, MOODS } from '../../src/game/state.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { openConfigStore } from '../../src/store/config-store.js';
import { appendEvent } from '../../src/store/event-log.js';
import { toStoredGrowth } from '../../src/store/growth-schema.js';
import { foldEventsIntoStore } from '../../src/store/growth-store.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

const HATCHED = new Date('2025-06-01T10:00:00.000Z');
const NOW = Date.parse('2026-03-02T12:00:00.000Z');
const clock = { now: NOW, offsetMinutes: 0 };
/** An ID whose roll v1 buddy is shiny (and one whose is not). */
const SHINY_ID = 'buddy-12';
const PLAIN_ID = 'growth-user';

let temp: TempConfig;
beforeEach(() => {
  temp = makeTempConfig('buddy-growth-writes-');
});
afterEach(() => removeTempConfig(temp));

const configPath = (): string => path.join(temp.dir, 'config.json');
const backupPath = (): string => path.join(temp.dir, 'config.backup.json');
const readJson = (file: string): Record<string, any> => JSON.parse(fs.readFileSync(file, 'utf8'));
const pet = (at: number): GameEvent => ({ kind: 'pet', at, offsetMinutes: 0 });
const buddyFor = (userId = PLAIN_ID) => makeStoredBuddy(rollFromUserId(userId), { name: 'Pim', personality: 'Pim keeps watch.' }, 'offline', HATCHED);

/** A buddy that has seen every mood (and earned its achievement): a fold of nothing changes nothing but its needs. */
function hatchSettled(userId = PLAIN_ID): void {
  const start = initialGrowth(HATCHED.getTime(), HATCHED.getTime());
  const growth = toStoredGrowth({ ...start, moodsSeen: [...MOODS], achievements: { 'every-mood': HATCHED.getTime() }, wardrobe: { unlocked: { flower: HATCHED.getTime() }, worn: {} } });
  saveBuddy({ ...buddyFor(userId), growth }, temp.env);
}

/** A buddy that has been petted before (its first-pet achievement earned) with `xp` XP. */
function hatchGrown(xp: number): void {
  const start = initialGrowth(HATCHED.getTime(), HATCHED.getTime());
  const growth = toStoredGrowth({ ...start, xp, counts: { ...start.counts, pets: 1 }, achievements: { 'first-pet': HATCHED.getTime() }, wardrobe: { unlocked: { bow: HATCHED.getTime() }, worn: {} } });
  saveBuddy({ ...buddyFor(), growth }, temp.env);
}

describe('what a fold takes', () => {
  it('folds events handed over directly, with nothing in the log', () => {
    hatchSettled();
    const folded = foldEventsIntoStore(temp.env, { clock, announce: false, extra: [pet(NOW)] });
    expect(folded.folded).toBe(1);
    expect(folded.growth?.counts.pets).toBe(1);
    expect(readJson(configPath()).buddy.growth.counts.pets).toBe(1);
  });

  it('gives the settings and nothing else before the hatch, with an empty log or a full one, and writes no backup', () => {
    const settingsOnly = {
      buddy: undefined,
      growth: undefined,
      settings: { animation: true, statuslineLayout: 'compact', muted: false, care: true, watch: 'on', remarksPerHour: 6, remarkTokensPerDay: 20_000 },
      announcements: [],
      folded: 0,
      turnedAway: [],
      capped: [],
    };
    expect(foldEventsIntoStore(temp.env, { clock, announce: true })).toEqual(settingsOnly);
    appendEvent(temp.env, pet(NOW));
    expect(foldEventsIntoStore(temp.env, { clock, announce: true })).toEqual(settingsOnly);
    expect(fs.existsSync(backupPath())).toBe(false);
  });

  it('with nothing to fold, answers from a read, and does not replace the file', () => {
    saveBuddy(buddyFor(), temp.env);
    appendEvent(temp.env, pet(NOW));
    foldEventsIntoStore(temp.env, { clock, announce: true });
    const inode = fs.statSync(configPath()).ino;
    const quiet = foldEventsIntoStore(temp.env, { clock: { now: NOW + 60_000, offsetMinutes: 0 }, announce: true });
    expect(quiet).toMatchObject({ folded: 0, announcements: [], turnedAway: [], capped: [] });
    expect(quiet.growth?.counts.pets).toBe(1);
    expect(fs.statSync(configPath()).ino).toBe(inode);
  });

  it('keeps an announcement for later without writing, when not asked to announce it', () => {
    saveBuddy(buddyFor(), temp.env);
    appendEvent(temp.env, pet(NOW));
    foldEventsIntoStore(temp.env, { clock, announce: false });
    expect(readJson(configPath()).buddy.growth.pending).toEqual([{ kind: 'achievement', id: 'first-pet' }, { kind: 'item', id: 'bow' }]);
    const inode = fs.statSync(configPath()).ino;
    const quiet = foldEventsIntoStore(temp.env, { clock: { now: NOW + 60_000, offsetMinutes: 0 }, announce: false });
    expect(quiet.announcements).toEqual([]);
    expect(fs.statSync(configPath()).ino).toBe(inode);
    expect(readJson(configPath()).buddy.growth.pending).toEqual([{ kind: 'achievement', id: 'first-pet' }, { kind: 'item', id: 'bow' }]);
  });

  it('writes the growth again only when it changed beyond the needs, or when events were folded', () => {
    // Every mood already seen (and its achievement earned), so that a fold of nothing changes nothing but
    // the needs' reckoning.
    hatchSettled();
    const log = path.join(temp.dir, 'events.log');
    // A line still being written: something new in the log, but no whole event to fold.
    fs.writeFileSync(log, '{"k":"pet","at":1');
    expect(foldEventsIntoStore(temp.env, { clock, announce: false }).folded).toBe(0);
    expect(readJson(configPath()).buddy.growth.needsAt).toBe(HATCHED.getTime());
    expect(readJson(configPath()).events).toMatchObject({ offset: 0 });
    // An event turned away (dated before the hatch) changes nothing, but it was folded: the growth is written.
    fs.writeFileSync(log, `{"k":"pet","at":${HATCHED.getTime() - 1},"tz":0}\n`);
    const folded = foldEventsIntoStore(temp.env, { clock, announce: false });
    expect(folded.turnedAway).toHaveLength(1);
    expect(readJson(configPath()).buddy.growth.needsAt).toBe(NOW);
  });
});

describe('a shiny buddy', () => {
  it('earns its achievement on the first fold, with nothing in the log, and says so with care on', () => {
    expect(rollFromUserId(SHINY_ID).shiny).toBe(true);
    saveBuddy(buddyFor(SHINY_ID), temp.env);
    const first = foldEventsIntoStore(temp.env, { clock, announce: true });
    expect(first.growth?.achievements.shiny).toBe(NOW);
    expect(first.announcements).toEqual([{ kind: 'achievement', id: 'shiny' }, { kind: 'item', id: 'star-clip' }]);
    expect(readJson(configPath()).buddy.growth.achievements.shiny).toBe(NOW);
  });

  it('earns it on the first fold even when nothing else would change', () => {
    hatchSettled(SHINY_ID);
    expect(foldEventsIntoStore(temp.env, { clock, announce: false }).growth?.achievements.shiny).toBe(NOW);
    expect(readJson(configPath()).buddy.growth.achievements.shiny).toBe(NOW);
  });

  it('earns it as well on a fold that takes events', () => {
    saveBuddy(buddyFor(SHINY_ID), temp.env);
    appendEvent(temp.env, pet(NOW));
    const first = foldEventsIntoStore(temp.env, { clock, announce: false });
    expect(first.growth?.achievements).toEqual({ 'first-pet': NOW, shiny: NOW });
  });

  it('with care off, earns it silently and keeps no announcement for later', () => {
    saveBuddy(buddyFor(SHINY_ID), temp.env);
    openConfigStore(temp.env).update((config) => void (config.settings = { ...config.settings, care: false }));
    const first = foldEventsIntoStore(temp.env, { clock, announce: false });
    expect(first.growth?.achievements.shiny).toBe(NOW);
    expect(first.announcements).toEqual([]);
    expect(readJson(configPath()).buddy.growth.pending).toEqual([]);
  });
});

describe('the backup after a fold', () => {
  it('is refreshed by a level-up that earns no achievement', () => {
    hatchGrown(39);
    appendEvent(temp.env, pet(NOW));
    const folded = foldEventsIntoStore(temp.env, { clock, announce: false });
    // 2 for the pet and 10 for the day's first care: level 2 at 40.
    expect(folded.growth?.xp).toBe(51);
    expect(Object.keys(folded.growth?.achievements ?? {})).toEqual(['first-pet']);
    expect(readJson(backupPath()).buddy.growth.xp).toBe(51);
  });

  it('is left as it was by a fold that earns neither a level nor an achievement', () => {
    hatchGrown(10);
    appendEvent(temp.env, pet(NOW));
    const folded = foldEventsIntoStore(temp.env, { clock, announce: false });
    expect(folded.growth?.xp).toBe(22);
    expect(readJson(configPath()).buddy.growth.xp).toBe(22);
    expect(readJson(backupPath()).buddy.growth.xp).toBe(10);
  });
});
