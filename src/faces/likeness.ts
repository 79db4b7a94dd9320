// Who a buddy is, as every face names it: its name (its species before it has one), and what its roll
// fixed: species, rarity, shine, eye and hat. The light half of its portrait (portrait.ts), apart so the
// statusline can ask it without the growth view and the achievements table. Pure.
import type { BuddyBones, BuddySpecies } from '../engine/bones.js';
import type { Eye, Hat, Rarity } from '../engine/constants.js';

export interface Likeness {
  /** Its name once it has hatched; its species before (every face calls an unhatched buddy so). */
  readonly name: string;
  readonly hatched: boolean;
  readonly species: BuddySpecies;
  readonly rarity: Rarity;
  readonly shiny: boolean;
  readonly eye: Eye;
  readonly hat: Hat;
}

export function likenessOf(bones: BuddyBones, soul: { readonly name: string } | undefined): Likeness {
  return {
    name: soul?.name ?? bones.species,
    hatched: soul !== undefined,
    species: bones.species,
    rarity: bones.rarity,
    shiny: bones.shiny,
    eye: bones.eye,
    hat: bones.hat,
  };
}
