// The daily greeting's offline words: every species with every kind of fact says a clean, true line (no
// blanks, no `undefined`, no braces, no double spaces, plurals right, one short line), the numbers it says
// are the fact's, and the same buddy, fact and date always say the same.
import { describe, expect, it } from 'vitest';
import { ALL_SPECIES } from '../../src/engine/constants.js';
import { CLASSIC_SPECIES } from '../../src/engine/classic-constants.js';
import { rollFromHash } from '../../src/engine/roll.js';
import { rollClassic } from '../../src/engine/classic.js';
import type { BuddyBones } from '../../src/engine/bones.js';
import type { DailyFact } from '../../src/game/daily.js';
import { DAILY_FACT_WIDTH, dailyWords, quotedFact, sessionsWord, timesWord } from '../../src/persona/daily-words.js';

/** The longest greeting said: one line of a bubble or a statusline reaction. */
const MAX_GREETING = 110;

const FACTS: readonly DailyFact[] = [
  { kind: 'green', sessions: 0, failed: 0, green: 1 },
  { kind: 'green', sessions: 1, failed: 1, green: 1 },
  { kind: 'green', sessions: 2, failed: 2, green: 2 },
  { kind: 'green', sessions: 12, failed: 7, green: 3 },
  { kind: 'sessions', sessions: 1 },
  { kind: 'sessions', sessions: 2 },
  { kind: 'streak', days: 2, best: false },
  { kind: 'streak', days: 14, best: true },
  { kind: 'remembered', text: 'the deploy freeze starts on Friday.' },
  { kind: 'remembered', text: `a very long fact ${'that goes on '.repeat(20)}` },
  { kind: 'hello' },
];

const template = rollFromHash('0'.repeat(64), 'daily-test');
/** One buddy of every species of both rolls, their bones otherwise from one roll. */
const BUDDIES: BuddyBones[] = [
  ...ALL_SPECIES.map((species) => ({ ...template, species })),
  ...CLASSIC_SPECIES.map((species) => ({ ...rollClassic('someone', 'daily-test', 'wyhash'), species })),
];
const DATES = ['2026-12-06', '2026-12-07', '2027-01-01'];

describe('the daily words', () => {
  it('says a clean line for every species, fact and date', () => {
    expect(BUDDIES.length).toBeGreaterThan(20);
    for (const bones of BUDDIES) {
      for (const fact of FACTS) {
        for (const date of DATES) {
          const line = dailyWords(bones, fact, date);
          const where = `${bones.species} ${JSON.stringify(fact)} ${date}: ${line}`;
          expect(line, where).not.toMatch(/undefined|null|NaN|[{}]|\s{2}|^\s|\s$|\s[.,!?:]|…\.|\.\./);
          expect(line, where).not.toMatch(/\b1 (sessions|times|days)\b|\b(\d{2,}|[2-9]) session\b/);
          expect(line.length, where).toBeLessThanOrEqual(MAX_GREETING);
          expect(line, where).not.toContain('\n');
        }
      }
    }
  });

  it('says the fact\'s own numbers, and nothing the fact does not hold', () => {
    const bones = BUDDIES[0]!;
    for (const date of DATES) {
      const twelve = dailyWords(bones, { kind: 'green', sessions: 12, failed: 7, green: 3 }, date);
      expect(twelve).toMatch(/7 times|3 times|12 sessions/);
      // Without a failure, never a red run; without sessions, never a count of them.
      expect(dailyWords(bones, { kind: 'green', sessions: 0, failed: 0, green: 1 }, date)).toMatch(/green once/);
      expect(dailyWords(bones, { kind: 'green', sessions: 0, failed: 0, green: 1 }, date)).not.toMatch(/red|session/);
      expect(dailyWords(bones, { kind: 'sessions', sessions: 1 }, date)).toContain('one session');
      expect(dailyWords(bones, { kind: 'streak', days: 14, best: true }, date)).toContain('14 days in a row: our best run yet!');
      expect(dailyWords(bones, { kind: 'streak', days: 2, best: false }, date)).toMatch(/\b2 (days )?in a row/);
      expect(dailyWords(bones, { kind: 'remembered', text: 'tabs, not spaces.' }, date)).toContain(': tabs, not spaces.');
    }
  });

  it('is the same for the same buddy, fact and date, and varies over dates', () => {
    const bones = BUDDIES[3]!;
    const fact: DailyFact = { kind: 'hello' };
    expect(dailyWords(bones, fact, '2026-12-06')).toBe(dailyWords(bones, fact, '2026-12-06'));
    const lines = new Set(Array.from({ length: 30 }, (_, day) => dailyWords(bones, fact, `2026-11-${String(day + 1).padStart(2, '0')}`)));
    expect(lines.size).toBeGreaterThan(1);
  });

  it('counts in words', () => {
    expect([1, 2, 3, 10].map(timesWord)).toEqual(['once', 'twice', '3 times', '10 times']);
    expect([1, 2, 11].map(sessionsWord)).toEqual(['one session', '2 sessions', '11 sessions']);
  });

  it('quotes a fact on one line, without its closing stop, cut to its width', () => {
    expect(quotedFact('  the  build\tis slow!!  ')).toBe('the build is slow');
    expect(quotedFact('line one\nline two.')).toBe('line one line two');
    const long = quotedFact('x'.repeat(200));
    expect(long).toHaveLength(DAILY_FACT_WIDTH);
    expect(long.endsWith('…')).toBe(true);
  });
});
