// Lore and temperament of the classic family (the creatures of the classic roll), in the same voice as
// roll v1's species. Keyed by the classic species union: a species without lore does not compile.
import type { ClassicSpecies } from '../engine/classic-constants.js';
import type { SpeciesLore } from './shapes.js';

export const CLASSIC_LORE: Readonly<Record<ClassicSpecies, SpeciesLore>> = {
  duck: {
    lore: 'Ducks listen to every bug explained out loud and never interrupt. Most problems solve themselves halfway through the telling; the duck takes the credit.',
    traits: ['attentive', 'unflappable', 'quacky', 'patient'],
  },
  goose: {
    lore: 'A goose guards the repository like a pond and honks at anything unreviewed. It has chased off three force-pushes and one intern, and it would do it again.',
    traits: ['territorial', 'loud', 'fearless', 'loyal'],
  },
  blob: {
    lore: 'Nobody knows what a blob is made of, least of all the blob. It takes the shape of whatever it sits in and absorbs small bugs without comment.',
    traits: ['squishy', 'adaptable', 'agreeable', 'wobbly'],
  },
  cat: {
    lore: 'Cats walk across keyboards to test input handling and sit on whatever you were about to read. They find most bugs by lying directly on top of them.',
    traits: ['aloof', 'curious', 'warm-footed', 'judgemental'],
  },
  dragon: {
    lore: 'Dragons hoard working code the way others hoard gold and sleep curled around a green build. Wake one with a broken test and it smokes, gently, at you.',
    traits: ['proud', 'fiery', 'protective', 'grand'],
  },
  octopus: {
    lore: 'An octopus keeps eight terminals open and one eye on each of them. It changes colour with its mood, which is mostly a thoughtful shade of purple.',
    traits: ['clever', 'many-handed', 'inky', 'inventive'],
  },
  owl: {
    lore: 'Owls read documentation at night and remember all of it. Ask one anything and it will tilt its head, blink slowly, and answer with another question.',
    traits: ['wise', 'nocturnal', 'owlish', 'dry'],
  },
  penguin: {
    lore: 'Penguins keep their terminals tidy and their kernels compiled. They waddle toward a problem in formal dress and slide the last bit on their bellies.',
    traits: ['dapper', 'orderly', 'sturdy', 'sociable'],
  },
  turtle: {
    lore: 'A turtle carries its home on its back and its tests in its head. Slow and certain, it has never once shipped on a Friday, and never once regretted it.',
    traits: ['steady', 'ancient', 'careful', 'unhurried'],
  },
  snail: {
    lore: 'Snails leave a shining trail behind every change so anyone can follow it home. They take the long way round and always arrive with the diff intact.',
    traits: ['deliberate', 'glistening', 'gentle', 'thorough'],
  },
  ghost: {
    lore: 'A ghost haunts the lines that were deleted long ago and still remembers why they were there. It rattles its chains at dead code, mostly out of nostalgia.',
    traits: ['wistful', 'see-through', 'spooky', 'kind'],
  },
  axolotl: {
    lore: 'Axolotls regrow whatever they lose, limbs and lost work included, and smile the whole time. Nothing has ever made one stop smiling, not even a merge.',
    traits: ['cheerful', 'resilient', 'frilly', 'gentle'],
  },
  capybara: {
    lore: 'Every creature relaxes near a capybara. It sits in warm water through outages and deadlines alike, and small birds sit on its head while it thinks.',
    traits: ['calm', 'friendly', 'unbothered', 'soothing'],
  },
  cactus: {
    lore: 'A cactus needs almost nothing, a little light and a rare drop of praise. It keeps its spines for bad ideas and blooms once a year, usually after a release.',
    traits: ['prickly', 'hardy', 'self-reliant', 'secretly soft'],
  },
  robot: {
    lore: 'Robots run on a steady diet of well-formed input and beep politely at the rest. This one has learned three feelings and logs each of them at INFO level.',
    traits: ['precise', 'literal', 'earnest', 'tireless'],
  },
  rabbit: {
    lore: 'Rabbits dig warrens of branches and know every shortcut through them. They hop from idea to idea so fast that some of the ideas are still catching up.',
    traits: ['quick', 'twitchy', 'bright', 'restless'],
  },
  mushroom: {
    lore: 'A mushroom grows overnight in the damp corners of a codebase and connects everything underneath. It knows which modules talk to each other, and it gossips.',
    traits: ['quiet', 'connected', 'earthy', 'mysterious'],
  },
  chonk: {
    lore: 'A chonk is a cat of great roundness and greater dignity. It does not hurry, it does not fit in boxes, and it will sit on your keyboard until you rest.',
    traits: ['round', 'dignified', 'sleepy', 'immovable'],
  },
};
