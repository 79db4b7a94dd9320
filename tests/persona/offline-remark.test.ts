// The offline remark writer: for every species, every kind and every combination of facts, a line that
// reads right (no slot left, no blank, no "1 tests", no double space) and fits; the most specific fact
// named; the same line for the same buddy, facts and variety; each species in its own voice.
import { describe, expect, it } from 'vitest';
import { EVERY_SPECIES, type BuddyBones } from '../../src/engine/bones.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { offlineRemark, ordinal, slotValues } from '../../src/persona/offline-remark.js';
import { REMARK_MAX_LENGTH, REMARK_SLOTS, REMARK_TEMPLATES, SLOT_RANK } from '../../src/species/remark-bank.js';
import { MAX_FACT_LENGTH, REMARK_KINDS, type RemarkFacts, type RemarkKind } from '../../src/species/remark-facts.js';
import { SPECIES_VOICES } from '../../src/species/voice.js';
import { displayWidth } from '../../src/text/display-width.js';

const BASE = rollFromUserId('remark-1');
const as = (species: BuddyBones['species']): BuddyBones => ({ ...BASE, species }) as BuddyBones;
const NEBULYNX = as('Nebulynx');

/** Every optional fact, short and at its longest. */
const SHORT = { tests: ['cart > adds'], file: 'a.ts', error: 'TypeError: x', command: 'npm test', failed: 1, passed: 1, lines: 1, quietMinutes: 1 } as const;
const LONG = {
  tests: [`suite > ${'very long test name '.repeat(4)}`.slice(0, MAX_FACT_LENGTH)],
  file: `/home/dev/${'deep/'.repeat(10)}${'component-name-'.repeat(3)}.tsx`.slice(-MAX_FACT_LENGTH),
  error: `TypeError: ${'cannot read properties of an empty cart '.repeat(3)}`.slice(0, MAX_FACT_LENGTH),
  command: `npm run ${'test:everything-and-more '.repeat(4)}`.slice(0, MAX_FACT_LENGTH),
  failed: 1234,
  passed: 98765,
  lines: 4321,
  quietMinutes: 180,
} as const;
type FactName = keyof typeof SHORT;
const FACT_NAMES = Object.keys(SHORT) as FactName[];
/** The fact behind each slot a template may use. */
const FACT_OF_SLOT: Readonly<Record<string, FactName>> = { test: 'tests', file: 'file', error: 'error', command: 'command', failed: 'failed', passed: 'passed', lines: 'lines', minutes: 'quietMinutes' };

/** The facts a kind's templates use: every combination of them matters; the others only all at once or none. */
function factsUsedBy(kind: RemarkKind): FactName[] {
  const slots = REMARK_TEMPLATES[kind].flatMap((template) => [...template.matchAll(/\{([a-z]+)\}/g)].map((match) => match[1] as string));
  return FACT_NAMES.filter((name) => slots.some((slot) => FACT_OF_SLOT[slot] === name));
}

function* combinations(kind: RemarkKind, values: typeof SHORT | typeof LONG): Generator<RemarkFacts> {
  const used = factsUsedBy(kind);
  const unused = FACT_NAMES.filter((name) => !used.includes(name));
  for (let mask = 0; mask < 1 << used.length; mask++) {
    for (const others of [[], unused]) {
      const chosen = Object.fromEntries([...used.filter((_, bit) => mask & (1 << bit)), ...others].map((name) => [name, values[name]]));
      for (const timesToday of [1, 2, 23]) yield { kind, timesToday, ...chosen } as RemarkFacts;
    }
  }
}

/** What never reads right in a remark. */
function problemsOf(line: string, room: number): string[] {
  const problems: string[] = [];
  if (/[{}]/.test(line)) problems.push('a slot left');
  if (/\b(?:undefined|null|NaN)\b/.test(line)) problems.push('a missing value');
  if (/ {2}/.test(line) || line !== line.trim()) problems.push('a blank');
  if (/(?:^|\s)[:,.!?]|\(\s*\)|""/.test(line)) problems.push('an empty slot');
  if (/\b1 (?:tests|lines|minutes)\b/.test(line)) problems.push('one, plural');
  if (/\b(?:[02-9]|\d{2,}) (?:test|line|minute)\b(?!s)/.test(line)) problems.push('many, singular');
  if (/\b(?:a|an|the) (?:a|an|the|my)\b/i.test(line)) problems.push('a doubled article');
  if (/\.\.|…\./.test(line)) problems.push('a doubled stop');
  if (displayWidth(line) > room || line === '') problems.push(`width ${displayWidth(line)}`);
  return problems;
}

describe('the template bank', () => {
  it('has at least six templates per kind, one without any fact, and only known slots', () => {
    for (const kind of REMARK_KINDS) {
      const templates = REMARK_TEMPLATES[kind];
      expect(templates.length, kind).toBeGreaterThanOrEqual(6);
      expect(templates.some((template) => !template.includes('{')), kind).toBe(true);
      for (const template of templates) {
        for (const [, slot] of template.matchAll(/\{([^}]*)\}/g)) expect(REMARK_SLOTS, template).toContain(slot);
        expect(template, 'starts with a word of its own').toMatch(/^[A-Z]/);
        expect(template, 'ends with its own stop').toMatch(/[.!?]$/);
      }
    }
  });

  it('ranks a test over an error over a file over a command or a count over the day', () => {
    expect(SLOT_RANK.test).toBeGreaterThan(SLOT_RANK.error);
    expect(SLOT_RANK.error).toBeGreaterThan(SLOT_RANK.file);
    expect(SLOT_RANK.file).toBeGreaterThan(SLOT_RANK.command);
    expect(SLOT_RANK.command).toBe(SLOT_RANK.failed);
    expect(SLOT_RANK.failed).toBeGreaterThan(SLOT_RANK.nth);
    expect(SLOT_RANK.nth).toBeGreaterThan(SLOT_RANK.kin);
  });
});

describe('offlineRemark, every species × kind × facts', () => {
  // Thousands of remarks: every combination of the facts each kind uses, short and long, with the facts it
  // does not use and without, at the first and a later time today, for every species and kind.
  it('never leaves a slot, a blank, a missing value or a wrong plural, and always fits', () => {
    const bad: string[] = [];
    let count = 0;
    for (const species of EVERY_SPECIES) {
      const bones = as(species);
      for (const kind of REMARK_KINDS) {
        for (const values of [SHORT, LONG]) {
          for (const facts of combinations(kind, values)) {
            const line = offlineRemark(bones, facts, count % 4);
            count++;
            const problems = problemsOf(line, REMARK_MAX_LENGTH);
            if (problems.length > 0) bad.push(`${species} ${JSON.stringify(facts)}: ${line} (${problems.join(', ')})`);
          }
        }
      }
    }
    expect(count).toBe(18_480);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('checks what it says it checks', () => {
    expect(problemsOf('Fine: "adds", 1 test and 2 lines.', 60)).toEqual([]);
    expect(problemsOf('Red: {test}.', 60)).toEqual(['a slot left']);
    expect(problemsOf('Red: undefined.', 60)).toEqual(['a missing value']);
    expect(problemsOf('Red:  x.', 60)).toEqual(['a blank']);
    expect(problemsOf('Red: .', 60)).toEqual(['an empty slot']);
    expect(problemsOf('Oof, 1 tests failed.', 60)).toEqual(['one, plural']);
    expect(problemsOf('Oof, 3 test failed.', 60)).toEqual(['many, singular']);
    expect(problemsOf('A big edit to the my file.', 60)).toEqual(['a doubled article']);
    expect(problemsOf('Red: x….', 60)).toEqual(['a doubled stop']);
    expect(problemsOf('Red: x..', 60)).toEqual(['a doubled stop']);
    expect(problemsOf('x'.repeat(61), 60)).toEqual(['width 61']);
  });

  it('fits a narrower room too, cutting a fact rather than overflowing', () => {
    for (const room of [24, 32, 40]) {
      for (const kind of REMARK_KINDS) {
        for (const facts of combinations(kind, LONG)) {
          const line = offlineRemark(NEBULYNX, facts, 1, room);
          expect(displayWidth(line), line).toBeLessThanOrEqual(room);
          expect(line).not.toMatch(/[{}]|undefined| {2}/);
        }
      }
    }
  });
});

describe('offlineRemark, what it names', () => {
  const some = (facts: RemarkFacts, bones = NEBULYNX): string[] => Array.from({ length: 24 }, (_, variety) => offlineRemark(bones, facts, variety));

  it("names a failing test by its own name, in quotes, whenever it has one", () => {
    for (const line of some({ kind: 'testsFailed', timesToday: 1, tests: ['orders > rejects an empty cart', 'b'], file: 'src/orders.test.ts', failed: 2 })) {
      expect(line).toContain('"rejects an empty cart"');
      expect(line).not.toContain('orders >');
    }
    expect(some({ kind: 'testsFailed', timesToday: 1, tests: ['tests/test_x.py::test_parses'] })[0]).toContain('"test_parses"');
  });

  it('names the file by its last part when it has no test, and the error before the file', () => {
    for (const line of some({ kind: 'testsFailed', timesToday: 1, file: 'C:\\src\\orders.test.ts', failed: 2 })) expect(line).toContain('orders.test.ts');
    for (const line of some({ kind: 'error', timesToday: 1, file: 'src/a.ts', error: 'TypeError: x is not a function.' })) expect(line).toContain('TypeError: x is not a function');
    for (const line of some({ kind: 'bigDiff', timesToday: 1, file: '/repo/src/lib/states.ts', lines: 120 })) expect(line).toContain('states.ts');
  });

  it('says counts with their nouns, one and many', () => {
    const counts = new Set(some({ kind: 'testsPassed', timesToday: 1, passed: 1 }).concat(some({ kind: 'testsPassed', timesToday: 1, passed: 12 })));
    expect([...counts].filter((line) => /\b1 test\b/.test(line)).length).toBeGreaterThan(0);
    expect([...counts].filter((line) => /\b12 tests\b/.test(line)).length).toBeGreaterThan(0);
    expect(some({ kind: 'bigDiff', timesToday: 1, lines: 1 }).some((line) => line.includes('1 line ') || line.includes('1 line.'))).toBe(true);
    expect(some({ kind: 'longSilence', timesToday: 1, quietMinutes: 20 }).some((line) => line.includes('20 minutes'))).toBe(true);
  });

  it('counts the day from the second time, as an ordinal', () => {
    expect(some({ kind: 'error', timesToday: 1 }).join('\n')).not.toMatch(/\d(?:st|nd|rd|th)\b/);
    expect(some({ kind: 'error', timesToday: 3 }).some((line) => line.includes('The 3rd error today.'))).toBe(true);
    expect(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th'].map((text) => ordinal(Number.parseInt(text, 10)))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th',
    ]);
  });

  it('cuts a long test name inside its quotes, with an ellipsis', () => {
    const name = 'a test whose name goes on and on and on well past what any line can hold';
    for (const line of some({ kind: 'testsFailed', timesToday: 1, tests: [name] }).map((line) => line.replace(/^\*[^*]+\* /, ''))) {
      expect(line).toMatch(/"a test whose name[^"]*…"/);
      expect(displayWidth(line)).toBeLessThanOrEqual(REMARK_MAX_LENGTH);
    }
  });

  it('takes a fact as it is: a slot written inside one is not filled, escapes are dropped', () => {
    const lines = some({ kind: 'error', timesToday: 1, error: 'Unexpected {test} \u001b[31mnear\u001b[0m {' });
    expect(lines.every((line) => line.includes('Unexpected {test} near {'))).toBe(true);
    expect(lines.join('')).not.toContain('\u001b');
  });

  it('falls back to a line without facts when none has a value, never to a blank', () => {
    expect(slotValues(NEBULYNX, { kind: 'error', timesToday: 1, error: ' \n ', file: '/', tests: [' '], failed: 0, passed: -1, lines: 1.5, quietMinutes: Number.NaN })).toEqual({
      refuge: SPECIES_VOICES.Nebulynx!.refuge,
      treasure: SPECIES_VOICES.Nebulynx!.treasure,
      kin: SPECIES_VOICES.Nebulynx!.kin,
    });
    expect(offlineRemark(NEBULYNX, { kind: 'turnEnd', timesToday: 1 }, 0, 4)).toBe('Don…');
  });
});

describe('offlineRemark, voice and variety', () => {
  const facts: RemarkFacts = { kind: 'testsFailed', timesToday: 1, tests: ['adds'], failed: 1 };

  it('is the same for the same buddy, facts and variety, and varies with the variety', () => {
    expect(offlineRemark(NEBULYNX, facts, 7)).toBe(offlineRemark(NEBULYNX, facts, 7));
    expect(new Set(Array.from({ length: 30 }, (_, variety) => offlineRemark(NEBULYNX, facts, variety))).size).toBeGreaterThan(3);
    expect(offlineRemark({ ...NEBULYNX, inspirationSeed: NEBULYNX.inspirationSeed + 1 }, facts, 7) !== offlineRemark(NEBULYNX, facts, 7) || offlineRemark({ ...NEBULYNX, inspirationSeed: NEBULYNX.inspirationSeed + 1 }, facts, 8) !== offlineRemark(NEBULYNX, facts, 8)).toBe(true);
  });

  it("opens some lines with the species' own sounds, and only its own", () => {
    for (const species of EVERY_SPECIES) {
      const sounds = SPECIES_VOICES[species]!.sounds;
      const others = EVERY_SPECIES.filter((other) => other !== species).flatMap((other) => SPECIES_VOICES[other]!.sounds.filter((sound) => !sounds.includes(sound)));
      const lines = Array.from({ length: 40 }, (_, variety) => offlineRemark(as(species), { kind: 'error', timesToday: 1, error: 'boom' }, variety));
      expect(lines.some((line) => sounds.some((sound) => line.startsWith(`${sound} `))), species).toBe(true);
      expect(lines.some((line) => others.some((sound) => line.startsWith(`${sound} `))), species).toBe(false);
    }
  });
});
