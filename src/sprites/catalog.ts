// The art embedded from assets/ (the build inlines each file's text), parsed once on first use.
import type { Species } from '../engine/constants.js';
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
import { parseHats, parseSpeciesSprite, SpriteFormatError, type SpeciesSprite } from './parse.js';

export const SPRITE_SOURCES: Readonly<Record<Species, string>> = {
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
};

export const HATS_SOURCE: string = hatsSource;

const parsed = new Map<Species, SpeciesSprite>();
let hats: ReadonlyMap<string, string> | undefined;

export function spriteFileName(species: Species): string {
  return `assets/species/${species.toLowerCase()}.sprite`;
}

export function spriteFor(species: Species): SpeciesSprite {
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

