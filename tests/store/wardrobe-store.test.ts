// Wearing through the store: one locked read-modify-write of the current buddy's growth. An earned item is
// worn and kept; a locked or unknown one is refused and nothing is written; `none` takes everything off;
// with no buddy there is nothing to dress and nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { openConfigStore } from '../../src/store/config-store.js';
import { growthOf, toStoredGrowth } from '../../src/store/growth-schema.js';
import { changeWorn } from '../../src/store/wardrobe-store.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

const HATCHED = new Date('2026-06-01T10:00:00.000Z');
const NOW = Date.parse('2026-12-02T12:00:00.000Z');

let temp: TempConfig;
beforeEach(() => {
  temp = makeTempConfig('buddy-wardrobe-store-');
});
afterEach(() => removeTempConfig(temp));

const configPath = (): string => path.join(temp.dir, 'config.json');
const stored = (): Record<string, any> => JSON.parse(fs.readFileSync(configPath(), 'utf8')).buddy;

/** A buddy that has earned the bow (a head item) and the rose card. */
function dressable(): void {
  saveBuddy(makeStoredBuddy(rollFromUserId('wardrobe-store-user'), { name: 'Pim', personality: 'Pim keeps watch.' }, 'offline', HATCHED), temp.env);
  openConfigStore(temp.env).update((config) => {
    const buddy = config.buddy!;
    const growth = { ...growthOf(buddy, NOW), wardrobe: { unlocked: { bow: NOW - 1_000, rose: NOW - 500 }, worn: {} } };
    config.buddy = { ...buddy, growth: toStoredGrowth(growth) };
  });
}

describe('changeWorn', () => {
  it('wears an earned head item and keeps it, then a card accent beside it', () => {
    dressable();
    const worn = changeWorn(temp.env, { kind: 'wear', id: 'bow' }, NOW);
    expect(worn.kind).toBe('worn');
    expect(stored().growth.wardrobe).toEqual({ unlocked: { bow: NOW - 1_000, rose: NOW - 500 }, worn: { head: 'bow' } });
    expect(changeWorn(temp.env, { kind: 'wear', id: 'rose' }, NOW).kind).toBe('worn');
    expect(stored().growth.wardrobe.worn).toEqual({ head: 'bow', card: 'rose' });
  });

  it('takes everything off with none', () => {
    dressable();
    changeWorn(temp.env, { kind: 'wear', id: 'bow' }, NOW);
    expect(changeWorn(temp.env, { kind: 'none' }, NOW)).toEqual({ kind: 'none' });
    expect(stored().growth.wardrobe.worn).toEqual({});
    expect(Object.keys(stored().growth.wardrobe.unlocked).sort()).toEqual(['bow', 'rose']);
  });

  it('refuses a locked item and an unknown one, and writes nothing', () => {
    dressable();
    const before = fs.readFileSync(configPath(), 'utf8');
    const locked = changeWorn(temp.env, { kind: 'wear', id: 'tiara' }, NOW);
    expect(locked.kind).toBe('locked');
    expect(locked.kind === 'locked' && locked.item.id).toBe('tiara');
    expect(changeWorn(temp.env, { kind: 'wear', id: 'crown' }, NOW)).toEqual({ kind: 'unknown' });
    expect(fs.readFileSync(configPath(), 'utf8')).toBe(before);
  });

  it('has no buddy to dress before the hatch, and writes nothing', () => {
    expect(changeWorn(temp.env, { kind: 'wear', id: 'bow' }, NOW)).toEqual({ kind: 'noBuddy' });
    expect(changeWorn(temp.env, { kind: 'none' }, NOW)).toEqual({ kind: 'noBuddy' });
    expect(fs.existsSync(configPath()) ? stored() : undefined).toBeUndefined();
  });
});
