// The offline remarks' templates: what the buddy says about what it saw, with slots for the facts it saw
// (which test, which file, the error's first words). One shared bank per kind, said in every species'
// voice: the filler (persona/offline-remark.ts) may open a line with one of the species' own sounds, and
// the {refuge}, {treasure} and {kin} slots are the species' own words (voice.ts). Pure data.
//
// How the slots read, so that no line reads wrong whatever fills them:
//   {test}     a failing test's own name, in quotes                     "\"rejects an empty cart\""
//   {file}     a file's last part                                       "orders.test.ts"
//   {error}    the error's first meaningful words                       "TypeError: x is undefined"
//   {command}  the command that ran, its first words                    "npm test"
//   {failed}   how many failed, with its noun: "1 test", "3 tests"
//   {passed}   how many passed, with its noun: "1 test", "12 tests"
//   {lines}    how many lines an edit wrote: "120 lines"
//   {minutes}  how long it was quiet: "20 minutes"
//   {nth}      the how-many-th time today, only from the second: "2nd", "3rd", "11th"
//   {refuge}, {treasure}, {kin}   the species' own words, articles included: "my shell", "crabs"
// A slot stands where a whole noun phrase may stand: never after an article, never before a noun.
import type { RemarkKind } from './remark-facts.js';

export const REMARK_SLOTS = ['test', 'file', 'error', 'command', 'failed', 'passed', 'lines', 'minutes', 'nth', 'refuge', 'treasure', 'kin'] as const;
export type RemarkSlot = (typeof REMARK_SLOTS)[number];

/** The longest remark the statusline is given: a compact line's room beside the face and name at 80 columns. */
export const REMARK_MAX_LENGTH = 60;

/**
 * How specific each slot is: a remark names the most specific fact it can. A command and a count say as
 * much as each other; the day's count says little of what happened, and the species' own words nothing:
 * they rank with a line that names no fact at all (-1).
 */
export const SLOT_RANK: Readonly<Record<RemarkSlot, number>> = {
  test: 6,
  error: 5,
  file: 4,
  command: 2,
  failed: 2,
  passed: 2,
  lines: 2,
  minutes: 2,
  nth: 1,
  refuge: -1,
  treasure: -1,
  kin: -1,
};

/**
 * At least six per kind, from the most specific to one with no fact at all, so some line always fits.
 * Every line starts with a word of its own (a fact may start in lower case) and ends with its own stop (a
 * fact's closing stop is dropped).
 */
export const REMARK_TEMPLATES: Readonly<Record<RemarkKind, readonly string[]>> = {
  testsFailed: [
    'Red: {test}.',
    'Oh no, {test} failed.',
    'I saw {test} wobble and fall.',
    'Red again: {test}. The {nth} time today.',
    'A red one in {file}.',
    'Oof, {failed} failed.',
    'After {command}: {failed} red.',
    'The {nth} red run today. Deep breath.',
    'I will hide in {refuge} until {test} passes.',
    'Red tests. Even {kin} have those days.',
    'Some tests went red.',
  ],
  testsPassed: [
    'All green after {command}!',
    'Green: {passed}. Lovely.',
    'I counted: {passed} passed.',
    'Back to green, all {passed}!',
    'Green again in {file}.',
    'Green for the {nth} time today.',
    'Green! I am saving {treasure} for this.',
    'Green! Every last one.',
  ],
  error: [
    'Ouch: {error}.',
    'Eek. {error}.',
    'Said {command}: {error}.',
    'It broke in {file}.',
    'Hm, {command} stumbled.',
    'The {nth} error today. Tea?',
    'An error. I am in {refuge} if you need me.',
    'Something snapped.',
  ],
  bigDiff: [
    'Whoa, {lines} into {file}!',
    'A big edit to {file}.',
    'So {file} grew by {lines}.',
    'Wow, {lines} at once. Brave.',
    'That is the {nth} big edit today.',
    'So many lines. Even {kin} would need a nap.',
    'A big edit. I will read it slowly.',
  ],
  longSilence: [
    'Quiet for {minutes}. Still there?',
    'After {minutes} of nothing: hello?',
    'Last I saw, {file} was open.',
    'Still here, keeping {refuge} warm.',
    'It has been {minutes}. Hello?',
    'So quiet. Hello?',
  ],
  turnEnd: [
    'Done with {file}? Nice.',
    'Turn done. I watched {file} change.',
    'Finished, after {command}.',
    'That is the {nth} turn today.',
    'All done. I kept {treasure} safe.',
    'Done! Even {kin} would be proud.',
    'Done. Nice work.',
  ],
};
