// Any buddy's bones, whichever roll made them: roll v1 (Buddy's own, the default) or the classic roll
// (Claude Code's companion). Everything that shows or talks about a buddy takes these.
import { CLASSIC_SPECIES, type ClassicSpecies } from './classic-constants.js';
import { classicBonesToJson, type ClassicBones } from './classic.js';
import { ALL_SPECIES, type Species } from './constants.js';
import { bonesToJson, type Bones } from './roll.js';

export type BuddyBones = Bones | ClassicBones;
export type BuddySpecies = Species | ClassicSpecies;
export type RollVersion = BuddyBones['version'];

/** Every species, roll v1's first, then the classic family. */
export const EVERY_SPECIES: readonly BuddySpecies[] = [...ALL_SPECIES, ...CLASSIC_SPECIES];

/** The JSON form of either roll. */
export function buddyBonesToJson(bones: BuddyBones, userId?: string): string {
  return bones.version === 'classic' ? classicBonesToJson(bones, userId) : bonesToJson(bones, userId);
}

/** True when two rolls agree on every bone, the roll and its seed function included. */
export function sameBuddyBones(a: BuddyBones, b: BuddyBones): boolean {
  return buddyBonesToJson(a) === buddyBonesToJson(b);
}

/** How a card or a warning names the roll: `v1`, or `classic (wyhash)`. */
export function rollLabel(bones: BuddyBones): string {
  return bones.version === 'classic' ? `classic (${bones.hashFn})` : `v${bones.version}`;
}

/** What makes two buddies the same roll: identity, salt, roll version and seed function (not the soul). */
export function rollKey(bones: BuddyBones): string {
  return `${bones.version}|${bones.version === 'classic' ? bones.hashFn : ''}|${bones.idHash}|${bones.salt}`;
}
