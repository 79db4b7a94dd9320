// The request for an answer when the buddy is called by name: static rules (cached), boundary, then
// who this buddy is, its temperament and its mood, and the recent exchanges.
import type { BuddyBones } from '../../engine/bones.js';
import { SPECIES_LORE } from '../../species/lore.js';
import type { PromptLanguage } from './hatch-prompt.js';
import { highlightsLine, rememberedBlock, type RememberedFact, type SessionHighlight } from './remembered.js';
import { TALK_STATIC_PROMPT } from './static-prompts.js';
import { dynamicSection, staticSection, type SystemBlock } from './system-sections.js';

export interface TalkContext {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly personality: string;
  /** What its peak stat makes it, coloured by the hour, e.g. "wry, still waking up" (never called its mood). */
  readonly temperament: string;
  /**
   * Its mood now, the one every face shows, with its needs and level, e.g. "cheerful (fullness 80%, energy
   * 95%); level 3, a hatchling" (from its growth). Absent when the caller has no growth to tell it from.
   */
  readonly mood?: string | undefined;
  readonly memory: readonly { readonly user: string; readonly buddy: string }[];
  /** The language to answer in; only ever named after the boundary. */
  readonly language?: PromptLanguage | undefined;
  /**
   * What the person asked it to keep, and the moment of the talk (for how long ago each was told); and the
   * last days' coding sessions, when the caller read them.
   */
  readonly remembered?: { readonly facts: readonly RememberedFact[]; readonly now: Date; readonly highlights?: readonly SessionHighlight[] | undefined } | undefined;
}

export interface ChatMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export function talkSystem(context: TalkContext): SystemBlock[] {
  const { bones } = context;
  const lore = SPECIES_LORE[bones.species];
  const stats = Object.entries(bones.stats).map(([stat, value]) => `${stat} ${value}`).join(', ');
  return [
    staticSection(TALK_STATIC_PROMPT),
    dynamicSection([
      `Your name: ${context.name}. You are ${/^[aeiou]/.test(bones.rarity) ? 'an' : 'a'} ${bones.rarity}${bones.shiny ? ' shiny' : ''} ${bones.species}.`,
      lore ? `Your kind: ${lore.lore}` : '',
      `Your personality: ${context.personality}`,
      `Your stats: ${stats} (strongest ${bones.peak}, weakest ${bones.dump}).`,
      `Your temperament: ${context.temperament}.`,
      context.mood ? `Your mood right now: ${context.mood}.` : '',
      context.remembered ? rememberedBlock(context.remembered.facts, context.remembered.now) : '',
      context.remembered?.highlights ? highlightsLine(context.remembered.highlights) : '',
      context.language ? `Language: answer in ${context.language.name} (${context.language.tag}), whatever language the message is in.` : '',
    ].filter((line) => line.length > 0)),
  ];
}

/**
 * How many of the remembered exchanges the model is shown: the last dozen. The buddy remembers more (for
 * its offline talk, which must not repeat itself for longer), but a longer history would only make every
 * request longer.
 */
export const PROMPT_MEMORY_SIZE = 12;

/** The last dozen exchanges become alternating turns, ending with the new message. */
export function talkMessages(context: TalkContext, message: string): ChatMessage[] {
  const turns: ChatMessage[] = [];
  for (const exchange of context.memory.slice(-PROMPT_MEMORY_SIZE)) {
    turns.push({ role: 'user', content: exchange.user }, { role: 'assistant', content: exchange.buddy });
  }
  turns.push({ role: 'user', content: message });
  return turns;
}

export const STAY_IN_CHARACTER_REMINDER =
  'Stay in character as the small creature, not an assistant: answer again in at most two short sentences.';
