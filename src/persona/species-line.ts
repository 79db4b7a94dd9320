// A line from the species' own bank for an event (a reaction in the statusline, an emote when the buddy
// is not called by name), chosen by the buddy's seeded generator. Pure.
import type { BuddyBones } from '../engine/bones.js';
import { SPECIES_LINES, type ReactionEvent } from '../species/lines.js';
import { choose, soulRng } from './soul-rng.js';

export function speciesLine(bones: BuddyBones, event: ReactionEvent, variety: number): string {
  const bank = SPECIES_LINES[bones.species];
  const rng = soulRng(bones.inspirationSeed, `line:${event}:${variety}`);
  return choose(bank?.[event] ?? [], rng) ?? '…';
}
