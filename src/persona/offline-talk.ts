// Offline talk: without a model, the buddy still listens. It reads what was said first (intents.ts: what
// kind of talk, bad or good news, a topic), then answers from the lines for exactly that, in its species'
// voice, saying the topic back only where a line has room for one. It never repeats one of its last twenty
// replies, and never changes the subject to avoid it: every kind of talk has more lines than that. Its lines
// are English; when another language is set, the first reply it remembers saying tells so, once.
// Deterministic: the same buddy, memory, message and language always give the same reply.
import type { BuddyBones } from '../engine/bones.js';
import type { Mood } from '../game/state.js';
import { SPECIES_VOICES, type SpeciesVoice, type TalkIntent } from '../species/voice.js';
import { readMessage, type News } from './intents.js';
import { isEnglish, languageName } from './language.js';
import { OFFLINE_LINES, OFFLINE_PAIRS, TOPIC_NEWS_LINES } from './offline-lines.js';
import { soulRng } from './soul-rng.js';
import { temperamentOf } from './temperament.js';
import { OFFLINE_REPLIES } from './words.js';

/**
 * A reply is not said again while it is one of the buddy's last this many. The store remembers at least as
 * many exchanges (MEMORY_SIZE), so the rule holds from one process to the next.
 */
export const NO_REPEAT_WINDOW = 20;

export interface OfflineSpeaker {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly memory: readonly { readonly buddy: string }[];
  /** Its mood now, from its growth (what `buddy status` shows); content when not known. */
  readonly mood?: Mood | undefined;
}

const FALLBACK_VOICE: SpeciesVoice = {
  sounds: ['*blinks*', '*tilts its head*', '*wiggles*'],
  refuge: 'my corner',
  treasure: 'a shiny thing',
  move: 'do a little dance',
  kin: 'buddies',
  lines: {},
};

/** What the offline voice says, in English, when another language is set: it has only English lines. */
export function englishOnlyNote(tag: string): string {
  return `(Offline I speak only English, not ${languageName(tag)}.)`;
}

const NOTE_AT_END = /\s*\(Offline I speak only English, not [^()]*\.\)$/;

/** A remembered reply as the line it was, without the language note. */
function withoutNote(reply: string): string {
  return reply.replace(NOTE_AT_END, '');
}

/** "a Pebblecrab", "an Emberfox", "an uncommon": every species and rarity says its sound this way. */
function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** The same at the start of a sentence. */
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function slotValues(speaker: OfflineSpeaker, word: string | undefined): Readonly<Record<string, string>> {
  const { bones } = speaker;
  const voice = SPECIES_VOICES[bones.species] ?? FALLBACK_VOICE;
  return {
    refuge: voice.refuge,
    treasure: voice.treasure,
    move: voice.move,
    kin: voice.kin,
    name: speaker.name,
    species: bones.species,
    rarity: bones.rarity,
    aSpecies: withArticle(bones.species),
    aRarity: withArticle(bones.rarity),
    mood: speaker.mood ?? 'content',
    temperament: temperamentOf(bones),
    peak: bones.peak.toLowerCase(),
    peakValue: String(bones.stats[bones.peak]),
    dump: bones.dump.toLowerCase(),
    dumpValue: String(bones.stats[bones.dump]),
    ...(word ? { word } : {}),
  };
}

function fill(template: string, values: Readonly<Record<string, string>>, sound: string): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole, key: string) => (key === 'sound' ? sound : (values[key] ?? whole)));
  return capitalised(filled);
}

interface Candidates {
  /** Said first: the lines that say the topic back, and the species' own lines. */
  readonly first: readonly string[];
  readonly rest: readonly string[];
  /** Said once the whole lines were said lately: the lines made of two halves. */
  readonly later: readonly string[];
}

/**
 * The shared banks for what was said. A work topic with bad news adds its bad-news lines and the general
 * ones to its own; with good news only good-news lines fit (its own are about dealing with trouble).
 */
function banksFor(intent: TalkIntent, news: News | undefined): { shared: readonly (readonly string[])[]; own: readonly TalkIntent[] } {
  const topicNews = TOPIC_NEWS_LINES[intent];
  if (news === 'bad' && topicNews) return { shared: [OFFLINE_LINES[intent], topicNews.bad, OFFLINE_LINES.badNews], own: [intent, 'badNews'] };
  if (news === 'good' && topicNews) return { shared: [topicNews.good, OFFLINE_LINES.goodNews], own: ['goodNews'] };
  return { shared: [OFFLINE_LINES[intent]], own: [intent] };
}

function candidatesFor(speaker: OfflineSpeaker, intent: TalkIntent, news: News | undefined, word: string | undefined): Candidates {
  const voice = SPECIES_VOICES[speaker.bones.species] ?? FALLBACK_VOICE;
  const values = slotValues(speaker, word);
  const { shared, own } = banksFor(intent, news);
  const withWord: string[] = [];
  const others: string[] = [];
  for (const bank of shared) {
    bank.forEach((line, index) => {
      // Each shared line keeps its own sound, so a line reads the same every time it is said.
      const sound = voice.sounds[index % voice.sounds.length] ?? '';
      if (!line.includes('{word}')) others.push(fill(line, values, sound));
      else if (word) withWord.push(fill(line, values, sound));
    });
  }
  const ownLines = own.flatMap((key) => voice.lines[key] ?? []).map((line) => fill(line, values, voice.sounds[0]));
  const peak = intent === 'chat' ? OFFLINE_REPLIES[speaker.bones.peak].map((line) => fill(line, values, voice.sounds[0])) : [];
  const first = [...new Set([...withWord, ...ownLines])];
  const rest = [...new Set([...others, ...peak])].filter((line) => !first.includes(line));
  const paired = own.flatMap((key) => pairedLines(key, values, voice));
  return { first, rest, later: [...new Set(paired)].filter((line) => !first.includes(line) && !rest.includes(line)) };
}

/** Every opener before every body, each pair with a sound of its own. */
function pairedLines(intent: TalkIntent, values: Readonly<Record<string, string>>, voice: SpeciesVoice): string[] {
  const { openers = [], bodies = [] } = OFFLINE_PAIRS[intent] ?? {};
  return openers.flatMap((opener, row) =>
    bodies.map((body, column) => fill(`${opener} ${body}`, values, voice.sounds[(row * bodies.length + column) % voice.sounds.length] ?? '')),
  );
}

/** Every distinct reply a buddy has for an intent and news, the lines with the topic first. */
export function repliesFor(speaker: OfflineSpeaker, intent: TalkIntent, word: string | undefined, news?: News): string[] {
  const { first, rest, later } = candidatesFor(speaker, intent, news, word);
  return [...first, ...rest, ...later];
}

/** A copy in the order this message and memory try it (Fisher-Yates with the buddy's seeded generator). */
function shuffled(lines: readonly string[], rng: () => number): string[] {
  const copy = [...lines];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(rng() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as string, copy[index] as string];
  }
  return copy;
}

/** The one said longest ago (or never), when every line was said lately. */
function leastRecent(lines: readonly string[], said: readonly string[]): string | undefined {
  return lines.reduce<string | undefined>((best, line) => (best === undefined || said.lastIndexOf(line) < said.lastIndexOf(best) ? line : best), undefined);
}

/**
 * The buddy's reply to a message. `language` is the language set (a BCP 47 tag): when it is not English and
 * no reply the buddy remembers said so, this one ends with a note that offline it speaks only English.
 */
export function offlineReply(speaker: OfflineSpeaker, message: string, language?: string): string {
  const { intent, news, topic } = readMessage(message, speaker.name);
  const said = speaker.memory.map((exchange) => withoutNote(exchange.buddy));
  const recent = new Set(said.slice(-NO_REPEAT_WINDOW));
  // The last reply seeds the order too: once the memory is full its length no longer changes, and the same
  // message would otherwise be answered in the same round of lines again and again.
  const last = said.at(-1);
  const rng = soulRng(speaker.bones.inspirationSeed, `reply:${speaker.memory.length}:${message}${last === undefined ? '' : `:${last}`}`);
  const { first, rest, later } = candidatesFor(speaker, intent, news, topic);
  // The topic said back, or the species' own words, read best straight away; the paired lines come last.
  const ordered = [...shuffled(first, rng), ...shuffled(rest, rng), ...shuffled(later, rng)];
  const line = ordered.find((candidate) => !recent.has(candidate)) ?? leastRecent(ordered, said) ?? '…';
  if (language === undefined || isEnglish(language)) return line;
  const note = englishOnlyNote(language);
  return speaker.memory.some((exchange) => exchange.buddy.endsWith(note)) ? line : `${line} ${note}`;
}
