// The offline talk's evaluation: every message of the fixed set (offline-eval.cases.ts) goes through the
// real reading and reply, is scored by whether it was understood (a fitting kind of talk, the right news,
// the word it may say back), and the score is printed per kind of talk and overall, with a floor it must
// stay above. Whatever it understood, every reply of every species must be a finished line of that kind.
import { describe, expect, it } from 'vitest';
import { EVERY_SPECIES, type BuddyBones, type BuddySpecies } from '../../src/engine/bones.js';
import { isClassicSpecies } from '../../src/engine/classic-constants.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { readMessage, type Reading } from '../../src/persona/intents.js';
import { offlineReply, repliesFor, type OfflineSpeaker } from '../../src/persona/offline-talk.js';
import { EVAL_CASES, type EvalCase } from './offline-eval.cases.js';

/** The share of the set it must understand. */
const FLOOR = 0.9;
/** Longer than any line with its slots filled: a reply never grows with the message. */
const MAX_REPLY_LENGTH = 160;
const NAME = 'Pip';

// buddy-0: an uncommon Emberfox whose peak is SNARK (93) and dump DEBUGGING (6).
const EMBERFOX = rollFromUserId('buddy-0');
const asSpecies = (species: BuddySpecies): BuddyBones =>
  isClassicSpecies(species) ? { ...EMBERFOX, version: 'classic', hashFn: 'wyhash', species } : { ...EMBERFOX, species };
const speaker = (bones: BuddyBones, memory: readonly string[]): OfflineSpeaker => ({ bones, name: NAME, memory: memory.map((buddy) => ({ buddy })) });

/** What is wrong with how a case was read, if anything. */
function misread(test: EvalCase, reading: Reading): string | undefined {
  if (!test.intents.includes(reading.intent)) return `read as ${reading.intent}, not ${test.intents.join(' or ')}`;
  const news = reading.news ?? 'none';
  if (test.news !== undefined && news !== test.news) return `news ${news}, not ${test.news}`;
  if (test.topic !== undefined && reading.topic !== test.topic) return `topic ${String(reading.topic)}, not ${test.topic}`;
  return undefined;
}

interface Score {
  readonly right: number;
  readonly total: number;
}

/** Per kind of talk (a case counts under the first it accepts), and overall. */
function scoreOf(results: readonly { test: EvalCase; wrong: string | undefined }[]): { byIntent: Map<string, Score>; overall: Score } {
  const byIntent = new Map<string, Score>();
  for (const { test, wrong } of results) {
    const key = test.intents[0] as string;
    const before = byIntent.get(key) ?? { right: 0, total: 0 };
    byIntent.set(key, { right: before.right + (wrong ? 0 : 1), total: before.total + 1 });
  }
  const right = results.filter(({ wrong }) => wrong === undefined).length;
  return { byIntent, overall: { right, total: results.length } };
}

const percent = ({ right, total }: Score): string => `${((100 * right) / total).toFixed(1)} % (${right}/${total})`;

describe('the offline evaluation set', () => {
  it('holds at least 120 messages, none twice', () => {
    expect(EVAL_CASES.length).toBeGreaterThanOrEqual(120);
    expect(new Set(EVAL_CASES.map(({ message }) => message)).size).toBe(EVAL_CASES.length);
  });

  it(`is understood at least ${FLOOR * 100} % of the time, overall`, () => {
    const results = EVAL_CASES.map((test) => ({ test, wrong: misread(test, readMessage(test.message, NAME)) }));
    const { byIntent, overall } = scoreOf(results);
    const lines = [
      `offline talk understood ${percent(overall)}`,
      ...[...byIntent.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([intent, score]) => `  ${intent.padEnd(11)} ${percent(score)}`),
      ...results.filter(({ wrong }) => wrong).map(({ test, wrong }) => `  missed ${JSON.stringify(test.message.slice(0, 60))}: ${wrong}`),
    ];
    console.log(lines.join('\n'));
    expect(overall.right / overall.total).toBeGreaterThanOrEqual(FLOOR);
  });

  it('answers every message, in every species, with one finished line of the kind it read', () => {
    const flaws: string[] = [];
    for (const species of EVERY_SPECIES) {
      const bones = asSpecies(species);
      const said: string[] = [];
      for (const { message } of EVAL_CASES) {
        const reply = offlineReply(speaker(bones, said.slice(-20)), message);
        const { intent, news, topic } = readMessage(message, NAME);
        const where = `${species} ${JSON.stringify(message.slice(0, 40))}: ${reply}`;
        if (!repliesFor(speaker(bones, []), intent, topic, news).includes(reply)) flaws.push(`not a ${intent} line: ${where}`);
        if (/[\n\r{}]|\bundefined\b|""|\s{2}|^\s|\s$/.test(reply)) flaws.push(`not a finished line: ${where}`);
        if (reply.length > MAX_REPLY_LENGTH) flaws.push(`too long: ${where}`);
        said.push(reply);
      }
    }
    expect(flaws).toEqual([]);
  });
});
