// Species families by body plan: what the growth branches are drawn for (assets/branches/<family>.sprite).
// Each species of both rolls belongs to exactly one, so a branch accessory suits the body it stands beside
// (a winged buddy holds a feather, a furred one a tiny laptop) without drawing every species again.
import type { BuddySpecies } from '../engine/bones.js';

export const FAMILIES = ['furred', 'winged', 'scaled', 'aquatic', 'other'] as const;
export type Family = (typeof FAMILIES)[number];

/** Every species' family: a record, so a species added to either roll will not compile until it has one. */
const FAMILY_OF: Readonly<Record<BuddySpecies, Family>> = {
  // Roll v1.
  Pebblecrab: 'aquatic',
  Dustbunny: 'furred',
  Mossfrog: 'aquatic',
  Puddlepup: 'furred',
  Twigmouse: 'furred',
  Burrowmole: 'furred',
  Cloudferret: 'furred',
  Gustowl: 'winged',
  Emberfox: 'furred',
  Tidalotter: 'aquatic',
  Crystaldrake: 'scaled',
  Deepstag: 'furred',
  Lanternmoth: 'winged',
  Stormwyrm: 'scaled',
  Voidcat: 'furred',
  Cosmoshale: 'aquatic',
  Nebulynx: 'furred',
  // The classic roll.
  duck: 'winged',
  goose: 'winged',
  blob: 'other',
  cat: 'furred',
  dragon: 'scaled',
  octopus: 'aquatic',
  owl: 'winged',
  penguin: 'winged',
  turtle: 'scaled',
  snail: 'other',
  ghost: 'other',
  axolotl: 'aquatic',
  capybara: 'furred',
  cactus: 'other',
  robot: 'other',
  rabbit: 'furred',
  mushroom: 'other',
  chonk: 'furred',
};

export function familyOf(species: BuddySpecies): Family {
  return FAMILY_OF[species];
}
