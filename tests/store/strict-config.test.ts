// The strict reading of a config brought in by `buddy import`: what an ordinary read would repair is refused.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SALT } from '../../src/engine/constants.js';
import { hashUserId } from '../../src/engine/hash.js';
import { rollFromHash } from '../../src/engine/roll.js';
import { makeStoredBuddy } from '../../src/store/buddy-store.js';
import { isLaterVersion, strictConfigProblem } from '../../src/store/strict-config.js';

const buddy = makeStoredBuddy(rollFromHash(hashUserId('strict-1'), DEFAULT_SALT), { name: 'Pip', personality: 'Quiet and kind.' }, 'offline', new Date('2026-01-02T03:04:05.000Z'));
const good = { __internal__: { migrations: { version: '1.1.0' } }, settings: { muted: false }, buddy, archive: [{ ...buddy, archivedAt: '2026-02-01T00:00:00.000Z' }] };

describe('strictConfigProblem', () => {
  it('passes a config every part of which is valid', () => {
    expect(strictConfigProblem(good, '1.1.0')).toBeUndefined();
    expect(strictConfigProblem({}, '1.1.0')).toBeUndefined();
  });

  it.each([
    [{ ...good, extra: 1 }, 'the config holds "extra", which this Buddy does not know (it was written by a newer Buddy?)'],
    [{ ...good, __internal__: { migrations: { version: '1.2.0' } } }, "the config is of schema 1.2.0, newer than this Buddy's 1.1.0: update Buddy first"],
    [{ ...good, settings: { muted: 'no' } }, 'settings.muted is not valid'],
    [{ ...good, settings: { colour: true } }, 'settings.colour is not a setting this Buddy knows'],
    [{ ...good, localUserId: '' }, 'localUserId is not valid (user ID is empty)'],
    [{ ...good, buddy: { ...buddy, memory: [{ at: 'x', user: 1 }] } }, 'buddy.memory holds an exchange that is not valid'],
    [{ ...good, buddy: { ...buddy, soulLanguage: 'not a tag!' } }, 'buddy.soulLanguage is not valid'],
    [{ ...good, buddy: { ...buddy, growth: { version: 1 } } }, 'buddy.growth is not valid'],
    [{ ...good, archive: [buddy] }, 'archive.0.archivedAt is missing'],
    [{ ...good, archive: {} }, 'archive is not a list'],
    [{ ...good, events: { offset: -1 } }, 'events is not valid'],
    [[], 'the config is not an object'],
  ])('refuses %#: %s', (config, problem) => {
    expect(strictConfigProblem(config, '1.1.0')).toBe(problem);
  });
});

describe('isLaterVersion', () => {
  it('compares each part as a number, on both sides of equal', () => {
    expect(isLaterVersion('1.10.0', '1.9.0')).toBe(true);
    expect(isLaterVersion('1.1.0', '1.1.0')).toBe(false);
    expect(isLaterVersion('1.1', '1.1.0')).toBe(false);
    expect(isLaterVersion('1.1.1', '1.1.0')).toBe(true);
    expect(isLaterVersion('1.0.9', '1.1.0')).toBe(false);
  });
});
