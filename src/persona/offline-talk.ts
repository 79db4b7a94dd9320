// Offline talk: replies from word banks when the buddy is called by name and no model is at hand,
// and short emotes from the species' line bank when it is not called at all.
import type { Bones } from '../engine/roll.js';
import { SPECIES_LINES, type ReactionEvent } from '../species/lines.js';
import { soulRng } from './inspiration.js';
import { OFFLINE_REPLIES } from './words.js';

function choose(list: readonly string[], rng: () => number): string {
  return list[Math.floor(rng() * list.length)] ?? '…';
}

/** `variety` makes successive replies differ (e.g. the number of exchanges so far). */
export function offlineReply(bones: Bones, name: string, message: string, variety: number): string {
  const rng = soulRng(bones.inspirationSeed, `reply:${variety}:${message}`);
  return choose(OFFLINE_REPLIES[bones.peak], rng).replace(/\{name\}/g, name);
}

export function speciesLine(bones: Bones, event: ReactionEvent, variety: number): string {
  const bank = SPECIES_LINES[bones.species];
  const rng = soulRng(bones.inspirationSeed, `line:${event}:${variety}`);
  return choose(bank?.[event] ?? [], rng);
}
