// The bulk generator must be seedrandom's, draw for draw: roll v1 is defined by seedrandom 3.x.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { arc4Random } from '../../src/engine/arc4.js';
import { hashUserId } from '../../src/engine/hash.js';
import { huntSalt, saltMatches } from '../../src/engine/hunt.js';
import { rollFromHash } from '../../src/engine/roll.js';

function seeds(): string[] {
  const list = ['', 'a', 'x'.repeat(255), 'x'.repeat(256), 'x'.repeat(257), 'y'.repeat(700), '用户-🐢-ünï', '\u0000\uffff'];
  for (let i = 0; i < 2_000; i++) {
    // Real seeds are a 64-character hash plus a salt of any length (up to 256), so keys wrap past 256.
    list.push(hashUserId(`arc4-${i}`) + 'salt-'.repeat(i % 60));
  }
  return list;
}

describe('arc4Random', () => {
  it('draws exactly what seedrandom draws, for 2,000+ seeds of every length', () => {
    const mismatched = seeds().filter((seed) => {
      const reference = seedrandom(seed);
      const fast = arc4Random(seed);
      return Array.from({ length: 40 }, () => reference() === fast()).includes(false);
    });
    expect(mismatched).toEqual([]);
  });

  it('draws what seedrandom draws for an empty seed after longer ones (the key buffer is reused)', () => {
    for (const before of ['z', 'zzzz', 'x'.repeat(300)]) {
      arc4Random(before);
      const reference = seedrandom('');
      const fast = arc4Random('');
      for (let i = 0; i < 10; i++) expect(fast()).toBe(reference());
    }
  });

  it('gives the same bones as the reference engine', () => {
    for (let i = 0; i < 500; i++) {
      const idHash = hashUserId(`bones-${i}`);
      expect(rollFromHash(idHash, 'friend-2026-401', arc4Random)).toEqual(rollFromHash(idHash));
    }
  });

  it('keeps the state of each generator when several are used interleaved', () => {
    const first = arc4Random('first');
    const second = arc4Random('second');
    const firstReference = seedrandom('first');
    const secondReference = seedrandom('second');
    for (let i = 0; i < 10; i++) {
      expect(first()).toBe(firstReference());
      expect(second()).toBe(secondReference());
    }
  });

  it('makes the same hunting decisions as seedrandom', () => {
    const idHash = hashUserId('hunter');
    const targets = [{ species: 'Gustowl' as const }, { rarity: 'rare' as const }, { shiny: true }];
    for (const target of targets) {
      for (let n = 0; n < 1_500; n++) {
        expect(saltMatches(idHash, huntSalt(n), target, arc4Random)).toBe(saltMatches(idHash, huntSalt(n), target));
      }
    }
  });
});
