// The hatched buddy on disk: saved with a backup, renamed, and given a short memory of recent exchanges
// (concurrent writers, which never lose the soul, are raced in store-races.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { NO_REPEAT_WINDOW } from '../../src/persona/offline-talk.js';
import { PROMPT_MEMORY_SIZE } from '../../src/persona/prompt/talk-prompt.js';
import { makeStoredBuddy, MEMORY_SIZE, rememberExchange, renameBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { BACKUP_FILE_NAME, openConfigStore } from '../../src/store/config-store.js';
import type { Exchange, StoredBuddy } from '../../src/store/schema.js';
import { makeTempConfig, removeTempConfig } from '../helpers/temp-config.js';

const HATCHED_AT = new Date('2025-01-02T03:04:05.000Z');
const bones = rollFromUserId('buddy-0');
const soul = { name: 'Pimble', personality: 'Pimble reads stack traces like bedtime stories.' };

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  ({ root, dir, env } = makeTempConfig('buddy-buddy-store-'));
});

afterEach(() => removeTempConfig({ root, dir, env }));

const exchange = (i: number): Exchange => ({ at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(), user: `message ${i}`, buddy: `reply ${i}` });
const storedBuddy = (): StoredBuddy | undefined => readConfigSnapshot(env).buddy;

describe('makeStoredBuddy', () => {
  it('records the bones, the soul, where the soul came from and when it hatched, with an empty memory', () => {
    const buddy = makeStoredBuddy(bones, soul, 'offline', HATCHED_AT);
    expect(buddy).toMatchObject({
      rollVersion: bones.version,
      idHash: bones.idHash,
      salt: bones.salt,
      bones,
      name: 'Pimble',
      personality: soul.personality,
      hatchedAt: '2025-01-02T03:04:05.000Z',
      soulSource: 'offline',
      memory: [],
    });
    expect('model' in buddy).toBe(false);
  });

  it('records the model only when one wrote the soul', () => {
    expect(makeStoredBuddy(bones, soul, 'model', HATCHED_AT, 'some-model').model).toBe('some-model');
    expect('model' in makeStoredBuddy(bones, soul, 'model', HATCHED_AT, '')).toBe(false);
  });
});

describe('saveBuddy and renameBuddy', () => {
  it('saves the buddy for later processes and keeps a backup of it', () => {
    const buddy = makeStoredBuddy(bones, soul, 'offline', HATCHED_AT);
    saveBuddy(buddy, env);
    expect(storedBuddy()).toEqual(buddy);
    expect(openConfigStore(env).read().buddy).toEqual(buddy);
    const backup = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_FILE_NAME), 'utf8')) as { buddy: StoredBuddy };
    expect(backup.buddy).toEqual(buddy);
  });

  it('keeps the settings when a buddy is saved', () => {
    openConfigStore(env).update((config) => {
      config.settings = { ...config.settings, muted: true };
    });
    saveBuddy(makeStoredBuddy(bones, soul, 'offline', HATCHED_AT), env);
    expect(readConfigSnapshot(env).settings.muted).toBe(true);
  });

  it('renames the buddy, keeps everything else, and backs up the new name', () => {
    saveBuddy(makeStoredBuddy(bones, soul, 'offline', HATCHED_AT), env);
    const renamed = renameBuddy('Thornby', env);
    expect(renamed?.name).toBe('Thornby');
    expect(renamed?.personality).toBe(soul.personality);
    expect(storedBuddy()?.name).toBe('Thornby');
    // A corrupt config now comes back with the new name.
    fs.writeFileSync(path.join(dir, 'config.json'), '{"buddy":');
    expect(openConfigStore(env).read().buddy?.name).toBe('Thornby');
  });

  it('does not invent a buddy when renaming with none hatched', () => {
    expect(renameBuddy('Ghost', env)).toBeUndefined();
    expect(storedBuddy()).toBeUndefined();
  });
});

describe('rememberExchange', () => {
  it('does nothing before a buddy has hatched', () => {
    rememberExchange(exchange(1), env);
    expect(storedBuddy()).toBeUndefined();
  });

  it('appends exchanges in order and keeps the soul', () => {
    saveBuddy(makeStoredBuddy(bones, soul, 'offline', HATCHED_AT), env);
    rememberExchange(exchange(1), env);
    rememberExchange(exchange(2), env);
    const buddy = storedBuddy();
    expect(buddy?.memory).toEqual([exchange(1), exchange(2)]);
    expect(buddy?.name).toBe('Pimble');
    expect(buddy?.personality).toBe(soul.personality);
  });

  it('remembers at least as many exchanges as offline talk must not repeat, and more than the model is shown', () => {
    expect(MEMORY_SIZE).toBe(20);
    expect(MEMORY_SIZE).toBeGreaterThanOrEqual(NO_REPEAT_WINDOW);
    expect(MEMORY_SIZE).toBeGreaterThan(PROMPT_MEMORY_SIZE);
  });

  it(`keeps only the last ${MEMORY_SIZE} exchanges, newest last`, () => {
    saveBuddy(makeStoredBuddy(bones, soul, 'offline', HATCHED_AT), env);
    const total = MEMORY_SIZE + 1;
    for (let i = 0; i < total; i++) rememberExchange(exchange(i), env);
    const memory = storedBuddy()?.memory ?? [];
    expect(memory).toHaveLength(MEMORY_SIZE);
    expect(memory).toEqual(Array.from({ length: MEMORY_SIZE }, (_, k) => exchange(total - MEMORY_SIZE + k)));
  });
});
