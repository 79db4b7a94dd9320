// One turn of talk. Called by name: the model answers in character (validated, one retry, else a
// placeholder or an offline line); not called by name: no model call, a short emote instead.
// Every answer is sanitised and remembered with the buddy. A request about its memory ("remember that …",
// "what do you remember?", "forget that …") is answered before any model call, by the buddy's own lines,
// so the fact is kept whether or not a model is there; offline, a question about a kept fact quotes it.
import type { BuddyBones } from '../engine/bones.js';
import type { Mood } from '../game/state.js';
import type { Pose } from '../sprites/parse.js';
import { addressesBuddy } from './addressing.js';
import { checkAnswer, placeholderAnswer } from './answer.js';
import { languageName } from './language.js';
import { ModelCallError, TALK_TIMEOUT_MS, type ModelClient } from './model-client.js';
import { readMessage } from './intents.js';
import { answerMemoryRequest, recallReply, type FactChange } from './memory-talk.js';
import { readMemoryRequest, withoutCall } from './memory-requests.js';
import { offlineReply } from './offline-talk.js';
import type { RememberedFact, SessionHighlight } from './prompt/remembered.js';
import { speciesLine } from './species-line.js';
import type { PromptLanguage } from './prompt/hatch-prompt.js';
import { STAY_IN_CHARACTER_REMINDER, talkMessages, talkSystem, type ChatMessage } from './prompt/talk-prompt.js';
import { sanitizeLine } from '../text/sanitize.js';
import { temperamentAt } from './temperament.js';

export const MAX_MESSAGE_LENGTH = 500;

export interface TalkTurn {
  /** The person's message as it was understood (sanitised, capped): what gets remembered. */
  readonly heard: string;
  readonly text: string;
  readonly pose: Pose;
  /** Whether the buddy was called by name (only then is it an answer worth remembering). */
  readonly addressed: boolean;
  readonly source: 'model' | 'offline' | 'emote' | 'fallback';
  readonly warning?: string;
  /** A fact to keep or let go: the caller stores it with the exchange (rememberExchange). */
  readonly factChange?: FactChange;
}

/** Failed calls are not remembered: the buddy should not learn to answer with silence. */
export function worthRemembering(turn: TalkTurn): boolean {
  return turn.addressed && turn.warning === undefined;
}

/** What talking needs to know about a buddy (the stored buddy has all of it; persona never reads the store). */
export interface TalkingBuddy {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly personality: string;
  readonly memory: readonly { readonly at: string; readonly user: string; readonly buddy: string }[];
  /** What the person asked it to keep, oldest first (none when absent). */
  readonly facts?: readonly RememberedFact[] | undefined;
}

/** How the buddy feels now, from its growth: the mood every face shows, and the talk prompt's words for it. */
export interface Feeling {
  readonly mood: Mood;
  /** The mood with its needs and level, for the talk prompt (src/game/view.ts: moodPhrase). */
  readonly phrase: string;
}

export interface TalkInput {
  readonly buddy: TalkingBuddy;
  readonly message: string;
  readonly client: ModelClient | undefined;
  /** The moment of the talk: its hour colours the temperament. */
  readonly now: Date;
  /** Its mood, from its growth (needs, care, what it witnessed); the prompt then names it beside the temperament. */
  readonly feeling?: Feeling | undefined;
  /**
   * The language set: the model answers in it; offline lines are English, and the first offline reply the
   * buddy remembers says so. Its name is looked up only when it is needed.
   */
  readonly language?: TalkLanguage | undefined;
  /** The last days' coding sessions (from the journal), for the model; read by the caller only when a model will answer. */
  readonly highlights?: readonly SessionHighlight[] | undefined;
}

export interface TalkLanguage {
  readonly tag: string;
  /** Its English name, when the caller has it already. */
  readonly name?: string;
}

/** How the buddy answers when the model is not reachable: a small in-character silence. */
export function silentAnswer(name: string): string {
  return `… (${name} tilts its head, lost in thought)`;
}

interface ModelAsk {
  readonly feeling: Feeling | undefined;
  readonly language: TalkLanguage | undefined;
  readonly highlights: readonly SessionHighlight[];
}

async function askModel(client: ModelClient, buddy: TalkingBuddy, message: string, now: Date, { feeling, language, highlights }: ModelAsk): Promise<TalkTurn> {
  const { bones } = buddy;
  const named: PromptLanguage | undefined = language && { tag: language.tag, name: language.name ?? languageName(language.tag) };
  const facts = buddy.facts ?? [];
  const remembered = facts.length > 0 || highlights.length > 0 ? { facts, now, highlights } : undefined;
  const context = { bones, name: buddy.name, personality: buddy.personality, temperament: temperamentAt(bones, now.getHours()), mood: feeling?.phrase, memory: buddy.memory, language: named, remembered };
  const system = talkSystem(context);
  let messages: ChatMessage[] = talkMessages(context, message);
  // `now` only colours the temperament; the deadline runs on the real clock, like the SDK's own timeouts.
  const deadline = Date.now() + TALK_TIMEOUT_MS;
  for (let attempt = 0; attempt < 2; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new ModelCallError('timeout', 'the model took too long to answer');
    const raw = await client.complete(system, messages, 150, remaining);
    const checked = checkAnswer(raw, message);
    if (checked.ok) return { heard: message, text: checked.text, pose: 'talking', addressed: true, source: 'model' };
    if (checked.reason === 'empty') return { heard: message, text: placeholderAnswer(buddy.name), pose: 'sleepy', addressed: true, source: 'fallback' };
    messages = [...messages, { role: 'assistant', content: sanitizeLine(raw, 400) }, { role: 'user', content: STAY_IN_CHARACTER_REMINDER }];
  }
  // Twice out of character: say something of its own instead.
  return { heard: message, text: offlineReply({ ...buddy, mood: feeling?.mood }, message), pose: 'talking', addressed: true, source: 'fallback' };
}

/** Questions about the buddy itself are never answered from the facts: "what's your name?" is about it. */
const ABOUT_ITSELF = new Set(['askName', 'askSpecies', 'askStats', 'askMood']);

/** A question (not about the buddy itself) that a kept fact may answer. */
function asksAboutTheWorld(message: string, name: string): boolean {
  const said = withoutCall(message, name).toLowerCase();
  const asks = said.endsWith('?') || /^(?:what|why|how|when|where|who|which|whose|do|does|did|is|are|was|were|can|could|will|would)\b/.test(said);
  return asks && !ABOUT_ITSELF.has(readMessage(message, name).intent);
}

export async function talk({ buddy, message: rawMessage, client, now, feeling, language, highlights }: TalkInput): Promise<TalkTurn> {
  const message = sanitizeLine(rawMessage, MAX_MESSAGE_LENGTH).trim();
  const bones = buddy.bones;
  if (!addressesBuddy(message, buddy.name)) {
    return { heard: message, text: speciesLine(bones, 'ignored', message.length + buddy.memory.length), pose: 'happy', addressed: false, source: 'emote' };
  }
  const speaker = { bones, name: buddy.name, facts: buddy.facts ?? [] };
  const request = readMemoryRequest(message, buddy.name);
  if (request) {
    const answer = answerMemoryRequest(speaker, request, now);
    return { heard: message, text: answer.text, pose: 'talking', addressed: true, source: 'offline', ...(answer.change ? { factChange: answer.change } : {}) };
  }
  if (!client) {
    const recalled = asksAboutTheWorld(message, buddy.name) ? recallReply(speaker, withoutCall(message, buddy.name)) : undefined;
    if (recalled) return { heard: message, text: recalled, pose: 'talking', addressed: true, source: 'offline' };
    return { heard: message, text: offlineReply({ ...buddy, mood: feeling?.mood }, message, language?.tag), pose: 'talking', addressed: true, source: 'offline' };
  }
  try {
    return await askModel(client, buddy, message, now, { feeling, language, highlights: highlights ?? [] });
  } catch (error) {
    const warning = error instanceof ModelCallError ? error.message : 'the model call failed';
    const failure = error instanceof ModelCallError ? error.failure : 'other';
    return { heard: message, text: silentAnswer(buddy.name), pose: failure === 'auth' ? 'sad' : 'sleepy', addressed: true, source: 'fallback', warning };
  }
}
