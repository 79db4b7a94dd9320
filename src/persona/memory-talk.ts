// How the buddy answers about its memory, in its species' voice: keeping a fact (and which one it let go
// to make room), listing what it keeps, letting one go, and quoting a fact back when a question is about
// it. These answers never come from the model, so keeping a fact can never be forgotten by one. Pure and
// deterministic: the same buddy, facts and message give the same line.
import type { BuddyBones } from '../engine/bones.js';
import { SPECIES_VOICES } from '../species/voice.js';
import { bestFact } from './fact-match.js';
import type { MemoryRequest } from './memory-requests.js';
import { factDay, MAX_FACTS, type RememberedFact } from './prompt/remembered.js';
import { choose, soulRng } from './soul-rng.js';

/** What a turn changes in the buddy's facts, for the caller to store with the exchange. */
export type FactChange =
  | { readonly kind: 'remember'; readonly fact: RememberedFact }
  | { readonly kind: 'forget'; readonly text: string };

export interface MemoryAnswer {
  readonly text: string;
  readonly change?: FactChange;
}

export interface MemorySpeaker {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly facts: readonly RememberedFact[];
}

/** The list in a reply names at most this many (the latest); `buddy memory` lists them all. */
export const MAX_LISTED_FACTS = 5;
/** A fact said back in a reply is cut to this many characters. */
const QUOTED_LENGTH = 80;

const KEEP_LINES = [
  "{sound} I'll keep that: \"{fact}\".",
  'Kept, with today\'s date: "{fact}". {sound}',
  '{sound} Tucked into {refuge}: "{fact}".',
  'Noted. "{fact}" goes with {treasure}. {sound}',
];
const ALREADY_LINES = ['{sound} I already keep that one: "{fact}".', 'Already kept, since {day}: "{fact}". {sound}'];
const FORGOT_LINES = ['{sound} Let go of "{fact}".', 'Gone from {refuge}: "{fact}". {sound}'];
const NOT_KEPT_LINES = ["{sound} I don't keep anything like that.", 'Nothing like that in {refuge}. {sound}'];
const RECALL_LINES = ['{sound} You told me on {day}: "{fact}".', 'I kept it on {day}: "{fact}". {sound}', '{sound} From {refuge}, dated {day}: "{fact}".'];

function quoted(text: string): string {
  return text.length <= QUOTED_LENGTH ? text : `${text.slice(0, QUOTED_LENGTH - 1).trimEnd()}…`;
}

function say(speaker: MemorySpeaker, lines: readonly string[], purpose: string, values: Readonly<Record<string, string>>): string {
  const voice = SPECIES_VOICES[speaker.bones.species];
  const rng = soulRng(speaker.bones.inspirationSeed, `memory:${purpose}`);
  const line = choose(lines, rng) ?? lines[0] ?? '';
  const sound = choose(voice?.sounds ?? [], rng) ?? '';
  const slots: Readonly<Record<string, string>> = { sound, refuge: voice?.refuge ?? 'my corner', treasure: voice?.treasure ?? 'my shiny things', ...values };
  const filled = line.replace(/\{(\w+)\}/g, (whole, key: string) => slots[key] ?? whole).replace(/\s+/g, ' ').trim();
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function listing(speaker: MemorySpeaker): string {
  const { facts, name } = speaker;
  if (facts.length === 0) return say(speaker, ["{sound} You haven't asked me to keep anything yet. Say \"{name}, remember that …\"."], 'recall-none', { name });
  const first = Math.max(0, facts.length - MAX_LISTED_FACTS);
  const items = facts.slice(first).map((fact, offset) => `${first + offset + 1}. ${quoted(fact.text)} (${factDay(fact.at)})`);
  const older = first > 0 ? ` And ${first} older: buddy memory lists them all.` : '';
  const count = facts.length === 1 ? 'one thing' : `${facts.length} things`;
  return `${say(speaker, [`{sound} I keep ${count}:`], 'recall', {})} ${items.join('; ')}.${older}`;
}

/** The answer to a request about the buddy's memory, and what it changes. `now` dates a new fact. */
export function answerMemoryRequest(speaker: MemorySpeaker, request: MemoryRequest, now: Date): MemoryAnswer {
  switch (request.kind) {
    case 'remember': {
      const kept = speaker.facts.find((fact) => sameText(fact.text, request.text));
      if (kept) return { text: say(speaker, ALREADY_LINES, `already:${kept.text}`, { fact: quoted(kept.text), day: factDay(kept.at) }) };
      const fact = { text: request.text, at: now.toISOString() };
      const kept1 = say(speaker, KEEP_LINES, `keep:${request.text}`, { fact: quoted(request.text) });
      const oldest = speaker.facts.length >= MAX_FACTS ? speaker.facts[0] : undefined;
      // Full: the oldest makes room, and the buddy says which.
      const note = oldest ? ` (To make room I let go of the oldest: "${quoted(oldest.text)}".)` : '';
      return { text: `${kept1}${note}`, change: { kind: 'remember', fact } };
    }
    case 'recall':
      return { text: listing(speaker) };
    case 'forgetAll':
      return { text: say(speaker, ['{sound} To let go of everything I keep, run buddy forget --all.'], 'forget-all', {}) };
    case 'forget': {
      const match = bestFact(request.text, speaker.facts, [speaker.name]);
      if (!match) return { text: say(speaker, NOT_KEPT_LINES, `not-kept:${request.text}`, {}) };
      return { text: say(speaker, FORGOT_LINES, `forgot:${match.fact.text}`, { fact: quoted(match.fact.text) }), change: { kind: 'forget', text: match.fact.text } };
    }
  }
}

/** A question about a kept fact, answered by quoting it with its day; undefined when no fact is close enough. */
export function recallReply(speaker: MemorySpeaker, question: string): string | undefined {
  const match = bestFact(question, speaker.facts, [speaker.name]);
  if (!match) return undefined;
  return say(speaker, RECALL_LINES, `answer:${match.fact.text}:${question}`, { fact: quoted(match.fact.text), day: factDay(match.fact.at) });
}
