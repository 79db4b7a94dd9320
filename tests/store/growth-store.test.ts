// Growth in the config store: folding the log into the buddy with its position in the same write, the
// schema version and migration (an existing buddy keeps everything and starts at level 1 from its hatch
// date), a damaged growth field repaired on its own, care off, events that wait for the hatch, a new soul
// that keeps its growth, and folds with nothing to do that write nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import type { GameEvent } from '../../src/game/events.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { openConfigStore } from '../../src/store/config-store.js';
import { appendEvent } from '../../src/store/event-log.js';
import { growthOf } from '../../src/store/growth-schema.js';
import { foldEventsIntoStore } from '../../src/store/growth-store.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

const HATCHED = new Date('2025-06-01T10:00:00.000Z');
const NOW = Date.parse('2026-03-02T12:00:00.000Z');
const clock = { now: NOW, offsetMinutes: 0 };

let temp: TempConfig;
beforeEach(() => {
  temp = makeTempConfig('buddy-growth-store-');
});
afterEach(() => removeTempConfig(temp));

const configPath = (): string => path.join(temp.dir, 'config.json');
const readFile = (): Record<string, any> => JSON.parse(fs.readFileSync(configPath(), 'utf8'));
const buddyFor = (userId = 'growth-user') => makeStoredBuddy(rollFromUserId(userId), { name: 'Pim', personality: 'Pim keeps watch.' }, 'offline', HATCHED);
const event = (kind: GameEvent['kind'], at: number, id?: string): GameEvent => ({ kind, at, offsetMinutes: 0, ...(id ? { id } : {}) });

function hatch(): void {
  saveBuddy(buddyFor(), temp.env);
}

describe('folding the log into the store', () => {
  it('folds new events into the buddy and stores where it stopped in the same write', () => {
    hatch();
    appendEvent(temp.env, event('pet', NOW - 1_000));
    appendEvent(temp.env, event('recovered', NOW - 500, 's1:10:recovered'));
    appendEvent(temp.env, event('recovered', NOW - 500, 's1:10:recovered'));
    const first = foldEventsIntoStore(temp.env, { clock, announce: true });
    expect(first.folded).toBe(3);
    expect(first.growth?.counts).toMatchObject({ pets: 1, recoveries: 1 });
    expect(first.announcements.map((item) => (item.kind === 'level' ? item.level : item.id))).toEqual(['first-pet', 'bow', 'red-to-green', 'goggles']);
    const onDisk = readFile();
    expect(onDisk.buddy.growth.counts.pets).toBe(1);
    expect(onDisk.events.offset).toBe(fs.statSync(path.join(temp.dir, 'events.log')).size);
    const again = foldEventsIntoStore(temp.env, { clock, announce: true });
    expect(again.folded).toBe(0);
    expect(again.growth?.counts.pets).toBe(1);
  });

  it('keeps announcements for a face that can show them, and drops them unseen with care off', () => {
    hatch();
    appendEvent(temp.env, event('pet', NOW));
    expect(foldEventsIntoStore(temp.env, { clock, announce: false }).announcements).toEqual([]);
    expect(readFile().buddy.growth.pending).toEqual([{ kind: 'achievement', id: 'first-pet' }, { kind: 'item', id: 'bow' }]);
    expect(foldEventsIntoStore(temp.env, { clock, announce: true }).announcements).toEqual([{ kind: 'achievement', id: 'first-pet' }, { kind: 'item', id: 'bow' }]);
    expect(readFile().buddy.growth.pending).toEqual([]);

    openConfigStore(temp.env).update((config) => {
      config.settings = { ...config.settings, care: false };
    });
    appendEvent(temp.env, event('feed', NOW));
    const silent = foldEventsIntoStore(temp.env, { clock, announce: true });
    expect(silent.announcements).toEqual([]);
    expect(silent.growth?.achievements['first-snack']).toBe(NOW);
    expect(readFile().buddy.growth.pending).toEqual([]);
  });

  it('leaves events recorded before the hatch in the log, and counts them for the buddy once it hatches', () => {
    appendEvent(temp.env, event('session', NOW - 5_000, 's0:session'));
    expect(foldEventsIntoStore(temp.env, { clock, announce: false }).growth).toBeUndefined();
    hatch();
    expect(foldEventsIntoStore(temp.env, { clock, announce: false }).growth?.counts.sessions).toBe(1);
  });

  it('takes events dated before the hatch out of the log and counts them for nothing', () => {
    hatch();
    appendEvent(temp.env, event('recovered', HATCHED.getTime() - 1));
    appendEvent(temp.env, event('recovered', HATCHED.getTime()));
    const folded = foldEventsIntoStore(temp.env, { clock, announce: false });
    expect(folded.folded).toBe(2);
    expect(folded.turnedAway).toEqual([{ event: event('recovered', HATCHED.getTime() - 1), why: 'beforeHatch' }]);
    expect(folded.growth).toMatchObject({ xp: 25, counts: { recoveries: 1 } });
    expect(readFile().events.offset).toBe(fs.statSync(path.join(temp.dir, 'events.log')).size);
  });

  it('writes nothing when there is nothing to fold', () => {
    hatch();
    appendEvent(temp.env, event('pet', NOW));
    foldEventsIntoStore(temp.env, { clock, announce: true });
    const before = fs.readFileSync(configPath(), 'utf8');
    const stat = fs.statSync(configPath());
    const quiet = foldEventsIntoStore(temp.env, { clock: { now: NOW + 60_000, offsetMinutes: 0 }, announce: true });
    expect(quiet.folded).toBe(0);
    expect(fs.readFileSync(configPath(), 'utf8')).toBe(before);
    expect(fs.statSync(configPath()).mtimeMs).toBe(stat.mtimeMs);
  });

  it('refreshes the backup on a level-up or an achievement', () => {
    hatch();
    appendEvent(temp.env, event('pet', NOW));
    foldEventsIntoStore(temp.env, { clock, announce: true });
    const backup = JSON.parse(fs.readFileSync(path.join(temp.dir, 'config.backup.json'), 'utf8'));
    expect(backup.buddy.growth.achievements['first-pet']).toBe(NOW);
  });
});

describe('the schema version and migration', () => {
  /** A config as Buddy 1.0.0 wrote it: no growth anywhere. */
  function writeOldConfig(): { buddy: Record<string, unknown>; archived: Record<string, unknown> } {
    const buddy = JSON.parse(JSON.stringify(buddyFor()));
    const archived = { ...JSON.parse(JSON.stringify(buddyFor('someone-else'))), name: 'Old', archivedAt: '2025-07-01T00:00:00.000Z' };
    fs.mkdirSync(temp.dir, { recursive: true });
    fs.writeFileSync(configPath(), JSON.stringify({ __internal__: { migrations: { version: '1.0.0' } }, settings: { muted: true }, localUserId: 'local-1', buddy, archive: [archived] }, null, 2));
    return { buddy, archived };
  }

  it('reads a buddy stored before growth as level 1 from its hatch, before any migration', () => {
    writeOldConfig();
    const stored = readConfigSnapshot(temp.env).buddy!;
    const growth = growthOf(stored, NOW);
    expect(growth).toMatchObject({ xp: 0, startedAt: HATCHED.getTime() });
  });

  it('migrates to 1.1.0: the buddy and the archived one keep everything and start at level 1, dated from the hatch', () => {
    const { buddy, archived } = writeOldConfig();
    openConfigStore(temp.env);
    const migrated = readFile();
    expect(migrated.__internal__.migrations.version).toBe('1.1.0');
    const { growth, ...kept } = migrated.buddy;
    expect(kept).toEqual(buddy);
    expect(growth).toMatchObject({ version: 1, xp: 0, startedAt: HATCHED.getTime(), achievements: {}, streak: { current: 0, best: 0 } });
    const { growth: archivedGrowth, ...archivedKept } = migrated.archive[0];
    expect(archivedKept).toEqual(archived);
    expect(archivedGrowth.startedAt).toBe(HATCHED.getTime());
    expect(migrated.settings).toEqual({ muted: true });
    expect(migrated.localUserId).toBe('local-1');
    // Opening again changes nothing more.
    const once = fs.readFileSync(configPath(), 'utf8');
    openConfigStore(temp.env);
    expect(fs.readFileSync(configPath(), 'utf8')).toBe(once);
  });

  it('repairs one damaged growth field on its own, keeping the rest and the file as it was', () => {
    hatch();
    appendEvent(temp.env, event('pet', NOW));
    foldEventsIntoStore(temp.env, { clock, announce: true });
    const damaged = readFile();
    damaged.buddy.growth.counts.pets = -4;
    damaged.buddy.growth.streak = 'long';
    fs.writeFileSync(configPath(), JSON.stringify(damaged));
    const store = openConfigStore(temp.env);
    expect(store.warnings.join('\n')).toMatch(/buddy\.growth/);
    const repaired = readFile().buddy;
    expect(repaired.name).toBe('Pim');
    expect(repaired.growth.xp).toBe(damaged.buddy.growth.xp);
    expect(repaired.growth.achievements['first-pet']).toBe(NOW);
    expect(repaired.growth.counts.pets).toBe(0);
    expect(repaired.growth.streak).toEqual({ current: 0, best: 0 });
    expect(fs.readdirSync(temp.dir).some((name) => name.startsWith('config.json.invalid-'))).toBe(true);
  });

  it('keeps the streak when only the streak it broke is damaged, and keeps claims that pass', () => {
    hatch();
    appendEvent(temp.env, event('pet', NOW));
    foldEventsIntoStore(temp.env, { clock, announce: true });
    const damaged = readFile();
    damaged.buddy.growth.streak.broken = { current: -1 };
    damaged.buddy.growth.claims = { 'welcome-back': NOW, 'Not An Id': NOW };
    fs.writeFileSync(configPath(), JSON.stringify(damaged));
    openConfigStore(temp.env);
    const repaired = readFile().buddy.growth;
    expect(repaired.streak).toEqual({ current: 1, best: 1, lastDay: damaged.buddy.growth.streak.lastDay });
    expect(repaired.claims).toEqual({ 'welcome-back': NOW });
  });
});

describe('growth belongs to the buddy', () => {
  it('a new soul for the same buddy (hatch --again) keeps its growth and hatch date', () => {
    hatch();
    appendEvent(temp.env, event('pet', NOW));
    foldEventsIntoStore(temp.env, { clock, announce: true });
    const before = readFile().buddy.growth;
    saveBuddy(makeStoredBuddy(rollFromUserId('growth-user'), { name: 'Nova', personality: 'Nova is new.' }, 'offline', new Date(NOW), undefined, 1), temp.env);
    const after = readFile().buddy;
    expect(after.name).toBe('Nova');
    expect(after.growth).toEqual(before);
  });

  it('a buddy stored before growth keeps its hatch date when it gets a new soul', () => {
    hatch();
    saveBuddy(makeStoredBuddy(rollFromUserId('growth-user'), { name: 'Nova', personality: 'Nova is new.' }, 'offline', new Date(NOW), undefined, 1), temp.env);
    expect(readFile().buddy.growth.startedAt).toBe(HATCHED.getTime());
  });
});
