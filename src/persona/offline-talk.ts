// Offline talk: without a model, the buddy still listens. It reads what the message is about (intents.ts),
// answers from lines for that intent in its species' voice, picks up a word from the message where a line
// has room for one, and never repeats one of its last eight replies. Deterministic: the same buddy, memory
// and message always give the same reply.
import type { BuddyBones } from '../engine/bones.js';
import { SPECIES_VOICES, TALK_INTENTS, type SpeciesVoice, type TalkIntent } from '../species/voice.js';
import { readMessage } from './intents.js';
import { temperamentMood } from './mood.js';
import { OFFLINE_LINES } from './offline-lines.js';
import { soulRng } from './soul-rng.js';
import { OFFLINE_REPLIES } from './words.js';

/** A reply is not said again while it is one of the buddy's last this many. */
export const NO_REPEAT_WINDOW = 8;

export interface OfflineSpeaker {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly memory: readonly { readonly buddy: string }[];
}

const FALLBACK_VOICE: SpeciesVoice = {
  sounds: ['*blinks*', '*tilts its head*', '*wiggles*'],
  refuge: 'my corner',
  treasure: 'a shiny thing',
  move: 'do a little dance',
  kin: 'buddies',
  lines: {},
};

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
    mood: temperamentMood(bones),
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

interface IntentLines {
  /** Lines that say the picked-up word back (none without a word). */
  readonly withWord: readonly string[];
  readonly others: readonly string[];
}

/**
 * A buddy's lines for an intent: its species' own lines and the shared lines in its voice (those with a
 * picked-up word only when there is a word), and, for chat, the lines of its peak stat.
 */
function linesFor(speaker: OfflineSpeaker, intent: TalkIntent, word: string | undefined): IntentLines {
  const voice = SPECIES_VOICES[speaker.bones.species] ?? FALLBACK_VOICE;
  const values = slotValues(speaker, word);
  const shared = OFFLINE_LINES[intent];
  // Each shared line keeps its own sound, so a line reads the same every time it is said.
  const filled = (line: string): string => fill(line, values, voice.sounds[shared.indexOf(line) % voice.sounds.length] ?? '');
  const own = (voice.lines[intent] ?? []).map((line) => fill(line, values, voice.sounds[0]));
  const peak = intent === 'chat' ? OFFLINE_REPLIES[speaker.bones.peak].map((line) => fill(line, values, voice.sounds[0])) : [];
  const withWord = word ? shared.filter((line) => line.includes('{word}')).map(filled) : [];
  const others = [...own, ...shared.filter((line) => !line.includes('{word}')).map(filled), ...peak];
  return { withWord, others: others.filter((line) => !withWord.includes(line)) };
}

/** Every distinct reply a buddy has for an intent, the lines with the word first. */
export function repliesFor(speaker: OfflineSpeaker, intent: TalkIntent, word: string | undefined): string[] {
  const { withWord, others } = linesFor(speaker, intent, word);
  return [...new Set([...withWord, ...others])];
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

export function offlineReply(speaker: OfflineSpeaker, message: string): string {
  const { intent, word } = readMessage(message, speaker.name);
  const recent = new Set(speaker.memory.slice(-NO_REPEAT_WINDOW).map((exchange) => exchange.buddy));
  const rng = soulRng(speaker.bones.inspirationSeed, `reply:${speaker.memory.length}:${message}`);
  const { withWord, others } = linesFor(speaker, intent, word);
  // A picked-up word reads best straight away: those lines go first when there are any.
  const candidates = [...shuffled(withWord, rng), ...shuffled(others, rng)];
  const fresh = candidates.find((line) => !recent.has(line));
  if (fresh) return fresh;
  // Everything for this intent was said lately: small talk, then anything at all it has not just said.
  for (const other of ['chat', ...TALK_INTENTS] as const) {
    const spare = shuffled(repliesFor(speaker, other, undefined), rng).find((line) => !recent.has(line));
    if (spare) return spare;
  }
  return candidates[0] ?? '…';
}
