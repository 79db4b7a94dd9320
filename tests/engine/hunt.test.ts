// `buddy hunt`: candidate salts, and the decision on a salt from its first three draws. Expected
// decisions come from recorded rolls (tests/fixtures/roll-v1-golden.jsonl and docs/roll-v1.md).
import { describe, expect, it } from 'vitest';
import { arc4Random } from '../../src/engine/arc4.js';
import { huntSalt, saltMatches } from '../../src/engine/hunt.js';

// sha256("salted") and sha256("buddy-12").
const SALTED = 'fff8183339f0018181a3bf8eee82afddfe501781c1d76b02f4ea9b75f1701097';
const BUDDY_12 = 'f5ecd9b81191326771448fdc1d70f9365831d9343a742212a4f0fb59cfec6614';

describe('huntSalt', () => {
  it('counts in base 36', () => {
    expect([0, 9, 10, 35, 71, 1_295, 1_296].map(huntSalt)).toEqual(['hunt-0', 'hunt-9', 'hunt-a', 'hunt-z', 'hunt-1z', 'hunt-zz', 'hunt-100']);
  });
});

describe('saltMatches', () => {
  // "salted" with hunt-1z is a plain common Pebblecrab, with custom-salt a common Puddlepup and with the
  // empty salt an epic Stormwyrm;
  // buddy-12 with the default salt is a shiny common Pebblecrab.
  it.each([
    [SALTED, 'hunt-1z', {}, true],
    [SALTED, 'hunt-1z', { rarity: 'common' }, true],
    [SALTED, 'hunt-1z', { rarity: 'uncommon' }, false],
    [SALTED, 'hunt-1z', { species: 'Pebblecrab' }, true],
    [SALTED, 'hunt-1z', { species: 'Dustbunny' }, false],
    [SALTED, 'hunt-1z', { rarity: 'common', species: 'Pebblecrab' }, true],
    [SALTED, 'hunt-1z', { shiny: true }, false],
    [SALTED, 'hunt-1z', { shiny: false }, true],
    [SALTED, 'hunt-1z', { species: 'Pebblecrab', shiny: true }, false],
    [SALTED, 'custom-salt', { species: 'Puddlepup' }, true],
    [SALTED, 'custom-salt', { species: 'Pebblecrab' }, false],
    [SALTED, '', { rarity: 'epic' }, true],
    [SALTED, '', { rarity: 'epic', species: 'Voidcat' }, false],
    [SALTED, '', { species: 'Stormwyrm' }, true],
    [BUDDY_12, 'friend-2026-401', { shiny: true }, true],
    [BUDDY_12, 'friend-2026-401', { species: 'Pebblecrab', shiny: true }, true],
    [BUDDY_12, 'friend-2026-401', { rarity: 'common', species: 'Mossfrog', shiny: true }, false],
  ] as const)('%s with salt %j and target %j: %s', (idHash, salt, target, expected) => {
    expect(saltMatches(idHash, salt, target)).toBe(expected);
    expect(saltMatches(idHash, salt, target, arc4Random)).toBe(expected);
  });
});
