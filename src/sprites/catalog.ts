// The art embedded from assets/ (the build inlines each file's text), parsed once on first use.
import type { BuddySpecies } from '../engine/bones.js';
import { isClassicSpecies } from '../engine/classic-constants.js';
import hatsSource from '../../assets/hats.sprite?raw';
import pebblecrab from '../../assets/species/pebblecrab.sprite?raw';
import dustbunny from '../../assets/species/dustbunny.sprite?raw';
import mossfrog from '../../assets/species/mossfrog.sprite?raw';
import puddlepup from '../../assets/species/puddlepup.sprite?raw';
import twigmouse from '../../assets/species/twigmouse.sprite?raw';
import burrowmole from '../../assets/species/burrowmole.sprite?raw';
import cloudferret from '../../assets/species/cloudferret.sprite?raw';
import gustowl from '../../assets/species/gustowl.sprite?raw';
import emberfox from '../../assets/species/emberfox.sprite?raw';
import tidalotter from '../../assets/species/tidalotter.sprite?raw';
import crystaldrake from '../../assets/species/crystaldrake.sprite?raw';
import deepstag from '../../assets/species/deepstag.sprite?raw';
import lanternmoth from '../../assets/species/lanternmoth.sprite?raw';
import stormwyrm from '../../assets/species/stormwyrm.sprite?raw';
import voidcat from '../../assets/species/voidcat.sprite?raw';
import cosmoshale from '../../assets/species/cosmoshale.sprite?raw';
import nebulynx from '../../assets/species/nebulynx.sprite?raw';
import classicDuck from '../../assets/classic/duck.sprite?raw';
import classicGoose from '../../assets/classic/goose.sprite?raw';
import classicBlob from '../../assets/classic/blob.sprite?raw';
import classicCat from '../../assets/classic/cat.sprite?raw';
import classicDragon from '../../assets/classic/dragon.sprite?raw';
import classicOctopus from '../../assets/classic/octopus.sprite?raw';
import classicOwl from '../../assets/classic/owl.sprite?raw';
import classicPenguin from '../../assets/classic/penguin.sprite?raw';
import classicTurtle from '../../assets/classic/turtle.sprite?raw';
import classicSnail from '../../assets/classic/snail.sprite?raw';
import classicGhost from '../../assets/classic/ghost.sprite?raw';
import classicAxolotl from '../../assets/classic/axolotl.sprite?raw';
import classicCapybara from '../../assets/classic/capybara.sprite?raw';
import classicCactus from '../../assets/classic/cactus.sprite?raw';
import classicRobot from '../../assets/classic/robot.sprite?raw';
import classicRabbit from '../../assets/classic/rabbit.sprite?raw';
import classicMushroom from '../../assets/classic/mushroom.sprite?raw';
import classicChonk from '../../assets/classic/chonk.sprite?raw';
import { parseHats, parseSpeciesSprite, SpriteFormatError, type SpeciesSprite } from './parse.js';

export const SPRITE_SOURCES: Readonly<Record<BuddySpecies, string>> = {
  Pebblecrab: pebblecrab,
  Dustbunny: dustbunny,
  Mossfrog: mossfrog,
  Puddlepup: puddlepup,
  Twigmouse: twigmouse,
  Burrowmole: burrowmole,
  Cloudferret: cloudferret,
  Gustowl: gustowl,
  Emberfox: emberfox,
  Tidalotter: tidalotter,
  Crystaldrake: crystaldrake,
  Deepstag: deepstag,
  Lanternmoth: lanternmoth,
  Stormwyrm: stormwyrm,
  Voidcat: voidcat,
  Cosmoshale: cosmoshale,
  Nebulynx: nebulynx,
  // the classic family, drawn for Buddy
  duck: classicDuck,
  goose: classicGoose,
  blob: classicBlob,
  cat: classicCat,
  dragon: classicDragon,
  octopus: classicOctopus,
  owl: classicOwl,
  penguin: classicPenguin,
  turtle: classicTurtle,
  snail: classicSnail,
  ghost: classicGhost,
  axolotl: classicAxolotl,
  capybara: classicCapybara,
  cactus: classicCactus,
  robot: classicRobot,
  rabbit: classicRabbit,
  mushroom: classicMushroom,
  chonk: classicChonk,
};

export const HATS_SOURCE: string = hatsSource;

const parsed = new Map<BuddySpecies, SpeciesSprite>();
let hats: ReadonlyMap<string, string> | undefined;

export function spriteFileName(species: BuddySpecies): string {
  return isClassicSpecies(species) ? `assets/classic/${species}.sprite` : `assets/species/${species.toLowerCase()}.sprite`;
}

export function spriteFor(species: BuddySpecies): SpeciesSprite {
  let sprite = parsed.get(species);
  if (!sprite) {
    sprite = parseSpeciesSprite(SPRITE_SOURCES[species], spriteFileName(species));
    if (sprite.species !== species) {
      throw new SpriteFormatError(`${spriteFileName(species)}: says species '${sprite.species}', expected '${species}'`);
    }
    parsed.set(species, sprite);
  }
  return sprite;
}

export function hatTable(): ReadonlyMap<string, string> {
  hats ??= parseHats(HATS_SOURCE, 'assets/hats.sprite');
  return hats;
}

