// The buddy's remark on what it saw, offline: a template of the shared bank (species/remark-bank.ts) whose
// every slot has a fact, filled with the facts and said in the species' voice, chosen by the buddy's
// seeded generator. Pure: the same buddy, facts and variety always give the same line.
//
// Which template: only one whose every slot can be filled (no blanks, no "1 tests"); of those that fit the
// room, the ones naming the most specific fact (a test's name before its file, a file before a count);
// then one of them at random. A fact too long for the room is cut (ending in "…") rather than dropped,
// down to a dozen columns; below that a shorter template is taken.
import type { BuddyBones } from '../engine/bones.js';
import { REMARK_MAX_LENGTH, REMARK_TEMPLATES, SLOT_RANK, type RemarkSlot } from '../species/remark-bank.js';
import type { RemarkFacts } from '../species/remark-facts.js';
import { SPECIES_VOICES } from '../species/voice.js';
import { displayWidth } from '../text/display-width.js';
import { sanitizeLine } from '../text/sanitize.js';
import { ELLIPSIS, truncateToWidth } from '../text/wrap.js';
import { choose, soulRng } from './soul-rng.js';

/** The narrowest a cut fact may become and still say something. */
const MIN_CUT_FACT = 12;
/** Each fact's own cap inside a remark, before the room is even measured: a remark is one short line. */
const SLOT_CAP: Readonly<Record<RemarkSlot, number>> = {
  test: 40,
  file: 32,
  error: 52,
  command: 28,
  failed: 16,
  passed: 16,
  lines: 16,
  minutes: 16,
  nth: 6,
  refuge: 40,
  treasure: 40,
  kin: 24,
};
const SLOT = /\{([a-z]+)\}/g;

/** One line of text, its runs of white space single, no closing stop (the template has its own). */
function clean(text: string): string {
  return sanitizeLine(text, 1_000).replace(/\s+/g, ' ').trim().replace(/[\s.,;:!?]+$/, '');
}

function counted(count: number | undefined, one: string, many: string): string | undefined {
  return count !== undefined && Number.isSafeInteger(count) && count >= 1 ? `${count} ${count === 1 ? one : many}` : undefined;
}

/** 2nd, 3rd, 11th, 22nd. */
export function ordinal(count: number): string {
  const tens = count % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][count % 10] ?? 'th');
  return `${count}${suffix}`;
}

/** The last part of a path, either slash. */
function lastPart(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').pop() ?? '';
}

/** A runner's full test name reads "file > suite > test": the test's own name is its last part. */
function ownName(test: string): string {
  return test.split(/\s+(?:>|›|::)\s+|::/).filter((part) => part.trim() !== '').pop() ?? '';
}

/** A test's name reads as a name in a sentence ("Red: "adds two numbers"."), its quotes kept when it is cut. */
const quoted = (text: string): string => `"${text}"`;

/** What each slot would say for these facts; a slot without a fact (or with a blank one) is absent. */
export function slotValues(bones: BuddyBones, facts: RemarkFacts): Partial<Record<RemarkSlot, string>> {
  const voice = SPECIES_VOICES[bones.species];
  const raw: Record<RemarkSlot, string | undefined> = {
    test: facts.tests?.[0] === undefined ? undefined : ownName(clean(facts.tests[0])),
    file: facts.file === undefined ? undefined : lastPart(clean(facts.file)),
    error: facts.error,
    command: facts.command,
    failed: counted(facts.failed, 'test', 'tests'),
    passed: counted(facts.passed, 'test', 'tests'),
    lines: counted(facts.lines, 'line', 'lines'),
    minutes: counted(facts.quietMinutes, 'minute', 'minutes'),
    nth: Number.isSafeInteger(facts.timesToday) && facts.timesToday >= 2 ? ordinal(facts.timesToday) : undefined,
    refuge: voice?.refuge,
    treasure: voice?.treasure,
    kin: voice?.kin,
  };
  const values: Partial<Record<RemarkSlot, string>> = {};
  for (const [slot, value] of Object.entries(raw) as [RemarkSlot, string | undefined][]) {
    const text = value === undefined ? '' : truncateToWidth(clean(value), SLOT_CAP[slot]);
    if (text !== '' && text !== ELLIPSIS) values[slot] = slot === 'test' ? quoted(text) : text;
  }
  return values;
}

const slotsOf = (template: string): RemarkSlot[] => [...template.matchAll(SLOT)].map((match) => match[1] as RemarkSlot);

function fill(template: string, values: Partial<Record<RemarkSlot, string>>): string {
  // One pass: a fact that happens to hold "{test}" is left as it is.
  return template.replace(SLOT, (_whole, slot: string) => values[slot as RemarkSlot] ?? '').replaceAll(`${ELLIPSIS}.`, ELLIPSIS);
}

interface Candidate {
  readonly text: string;
  /** The most specific slot it names; -1 for none. */
  readonly rank: number;
}

/** The template filled to fit `room`, cutting its most specific fact if it must (not below MIN_CUT_FACT). */
function fitted(template: string, values: Partial<Record<RemarkSlot, string>>, room: number): Candidate | undefined {
  const slots = slotsOf(template);
  if (slots.some((slot) => values[slot] === undefined)) return undefined;
  const rank = Math.max(-1, ...slots.map((slot) => SLOT_RANK[slot]));
  const text = fill(template, values);
  const over = displayWidth(text) - room;
  if (over <= 0) return { text, rank };
  if (slots.length === 0) return undefined;
  const top = slots.reduce((best, slot) => (SLOT_RANK[slot] > SLOT_RANK[best] ? slot : best));
  const value = values[top] as string;
  const inner = top === 'test' ? value.slice(1, -1) : value;
  const width = displayWidth(inner) - over;
  if (width < MIN_CUT_FACT || slots.filter((slot) => slot === top).length > 1) return undefined;
  const shorter = truncateToWidth(inner, width);
  const cut = fill(template, { ...values, [top]: top === 'test' ? quoted(shorter) : shorter });
  return displayWidth(cut) <= room ? { text: cut, rank } : undefined;
}

/**
 * The buddy's offline remark on `facts`: one line of at most `room` columns (REMARK_MAX_LENGTH unless the
 * caller has less), never empty. `variety` varies the choice (the statusline passes the moment).
 */
export function offlineRemark(bones: BuddyBones, facts: RemarkFacts, variety: number, room: number = REMARK_MAX_LENGTH): string {
  const rng = soulRng(bones.inspirationSeed, `remark:${facts.kind}:${variety}`);
  const values = slotValues(bones, facts);
  const candidates = REMARK_TEMPLATES[facts.kind].map((template) => fitted(template, values, room)).filter((candidate): candidate is Candidate => candidate !== undefined);
  const best = Math.max(-1, ...candidates.map((candidate) => candidate.rank));
  const pool = candidates.filter((candidate) => candidate.rank === best).map((candidate) => candidate.text);
  // The species' own sound opens the line half the time, with one of the lines it leaves room for.
  const sound = choose(SPECIES_VOICES[bones.species]?.sounds ?? [], rng);
  const voiced = rng() < 0.5 && sound !== undefined ? pool.filter((text) => displayWidth(`${sound} ${text}`) <= room) : [];
  if (voiced.length > 0) return `${sound} ${choose(voiced, rng) as string}`;
  return choose(pool, rng) ?? truncateToWidth(fill(REMARK_TEMPLATES[facts.kind].at(-1) as string, values), room);
}
