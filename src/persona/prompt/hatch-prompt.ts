// The request that asks the model for a soul: static system part, boundary, this buddy's facts,
// and a forced tool call whose schema is the soul itself.
import type { BuddyBones } from '../../engine/bones.js';
import { SPECIES_LORE } from '../../species/lore.js';
import { MAX_NAME_LENGTH, MAX_PERSONALITY_LENGTH } from '../soul.js';
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

export function hatchSystem(bones: BuddyBones, inspiration: readonly string[]): SystemBlock[] {
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
    ].filter((line) => line.length > 0)),
  ];
}

export const HATCH_USER_MESSAGE = 'Write this buddy\'s soul now.';
export const HATCH_RETRY_MESSAGE = (problem: string): string =>
  `That soul did not fit the rules (${problem}). Write it again with the write_soul tool, following every rule.`;
