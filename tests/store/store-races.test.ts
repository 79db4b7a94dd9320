// Two processes writing one config at once never lose each other's work: the real store, bundled, runs in
// two child processes that meet at a barrier before their first write and again halfway. These tests live
// apart from the store's other tests because their writers run a bundle, which carries no mutants:
// mutation testing (vitest.mutate.config.ts) leaves this file out rather than start the races per mutant.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { makeStoredBuddy, MEMORY_SIZE, saveBuddy } from '../../src/store/buddy-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import type { StoredBuddy } from '../../src/store/schema.js';
import { raceTwoWriters } from '../helpers/store-child.js';

const HATCHED_AT = new Date('2025-01-02T03:04:05.000Z');
const bones = rollFromUserId('buddy-0');
const soul = { name: 'Pimble', personality: 'Pimble reads stack traces like bedtime stories.' };

// Both races start before the tests of this file and run side by side (each in its own directory).
const counters = raceTwoWriters('buddy-counter-race-', 'count', 100);
const memories = raceTwoWriters('buddy-remember-race-', 'remember', 30, (raceEnv) =>
  saveBuddy(makeStoredBuddy(bones, soul, 'offline', HATCHED_AT), raceEnv),
);

describe('two processes updating at once', () => {
  it('loses no update when both bump a counter 100 times', { timeout: 60_000 }, async () => {
    const race = counters;
    const results = await race.results;
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    // The writers overlapped: both met at the start and halfway, and their stored values interleave.
    expect(race.meetings()).toEqual(['a.half', 'a.start', 'b.half', 'b.start']);
    const [a, b] = [race.written('a'), race.written('b')];
    expect(Math.min(...a)).toBeLessThan(Math.max(...b));
    expect(Math.min(...b)).toBeLessThan(Math.max(...a));
    // Between them they stored every value from 1 to 200 once: none twice, none lost.
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(readConfigSnapshot({ BUDDY_CONFIG_DIR: race.dir }).settings.model).toBe('200');
    expect(fs.existsSync(path.join(race.dir, 'config.lock'))).toBe(false);
  });
});

describe('two processes remembering at once', () => {
  it('keeps the buddy, a parseable file and a full memory after 2 x 30 concurrent exchanges', { timeout: 60_000 }, async () => {
    const race = memories;
    const results = await race.results;
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    // The writers overlapped: both met before their first exchange and again halfway through.
    expect(race.meetings()).toEqual(['a.half', 'a.start', 'b.half', 'b.start']);

    const raw = fs.readFileSync(path.join(race.dir, 'config.json'), 'utf8');
    const parsed = JSON.parse(raw) as { buddy?: StoredBuddy };
    expect(parsed.buddy?.name).toBe('Pimble');
    expect(parsed.buddy?.personality).toBe(soul.personality);
    expect(parsed.buddy?.memory).toHaveLength(MEMORY_SIZE);
    const users = (parsed.buddy?.memory ?? []).map((entry) => entry.user);
    expect(new Set(users).size).toBe(MEMORY_SIZE);
    // Whichever process wrote last, its final exchange is the newest entry.
    expect(['a-29', 'b-29']).toContain(users.at(-1));
    // Nothing was ever found corrupt and moved aside.
    expect(fs.readdirSync(race.dir).filter((name) => name.includes('corrupt') || name.includes('invalid'))).toEqual([]);
  });
});
