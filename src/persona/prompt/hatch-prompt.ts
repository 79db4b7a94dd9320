// The request that asks the model for a soul: static system part, boundary, this buddy's facts,
// and a forced tool call whose schema is the soul itself.
import type { BuddyBones } from '../../engine/bones.js';
import { SPECIES_LORE } from '../../species/lore.js';
import { MAX_NAME_LENGTH, MAX_PERSONALITY_LENGTH, type Soul } from './soul.js';
import { HATCH_STATIC_PROMPT } from './static-prompts.js';
import { dynamicSection, staticSection, type SystemBlock } from './system-sections.js';

export const SOUL_TOOL_NAME = 'write_soul';

export const SOUL_TOOL = {
  name: SOUL_TOOL_NAME,
  description: "Record the buddy's name and personality.",
  input_schema: {
    type: 'object' as const,
    properties: {
      name: { type: 'string', description: `One word, at most ${MAX_NAME_LENGTH} characters.` },
      personality: { type: 'string', description: `One or two sentences, at most ${MAX_PERSONALITY_LENGTH} characters.` },
    },
    required: ['name', 'personality'],
  },
};

const STRANGENESS: Readonly<Record<BuddyBones['rarity'], string>> = {
  common: 'homely and familiar, the kind of creature you might find under a desk',
  uncommon: 'a little unusual, with one surprising habit',
  rare: 'notably strange, with a touch of the uncanny',
  epic: 'very strange, half-legend, with habits that bend the rules of the terminal',
  legendary: 'mythic and deeply strange, as if it wandered in from another cosmos',
};

/** The language to write in, by tag and English name (`de`, `German`). */
export interface PromptLanguage {
  readonly tag: string;
  readonly name: string;
}

export interface HatchOptions {
  readonly language?: PromptLanguage | undefined;
  /** The soul as it is, to be written again in `language` under the same name. */
  readonly rewrite?: Soul | undefined;
}

/** Everything that differs by language or by soul goes after the boundary, so the cached rules never change. */
function languageLines(options: HatchOptions): string[] {
  const { language, rewrite } = options;
  if (!language) return [];
  const lines = [`Language: write the personality in ${language.name} (${language.tag}). The name stays one word.`];
  if (rewrite) {
    lines.push(
      `This buddy already has a soul. Keep its name exactly: ${rewrite.name}.`,
      `Write its personality again in ${language.name}, saying the same things: ${rewrite.personality}`,
    );
  }
  return lines;
}

export function hatchSystem(bones: BuddyBones, inspiration: readonly string[], options: HatchOptions = {}): SystemBlock[] {
  const lore = SPECIES_LORE[bones.species];
  const stats = Object.entries(bones.stats).map(([stat, value]) => `${stat} ${value}`).join(', ');
  return [
    staticSection(HATCH_STATIC_PROMPT),
    dynamicSection([
      `Species: ${bones.species}. ${lore?.lore ?? ''}`.trim(),
      lore ? `Species temperament: ${lore.traits.join(', ')}.` : '',
      `Rarity: ${bones.rarity} (${STRANGENESS[bones.rarity]}).`,
      `Stats: ${stats}. Peak: ${bones.peak}. Dump: ${bones.dump}.`,
      bones.shiny ? 'It is SHINY: a rare shimmering variant; let that show.' : 'Not shiny.',
      `Inspiration words: ${inspiration.join(', ')}.`,
      ...languageLines(options),
    ].filter((line) => line.length > 0)),
  ];
}

export const HATCH_USER_MESSAGE = 'Write this buddy\'s soul now.';
export const HATCH_RETRY_MESSAGE = (problem: string): string =>
  `That soul did not fit the rules (${problem}). Write it again with the write_soul tool, following every rule.`;
