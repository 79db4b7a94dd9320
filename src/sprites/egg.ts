// The egg art (assets/egg.sprite), parsed once.
import eggSource from '../../assets/egg.sprite?raw';
import { displayWidth, FRAME_HEIGHT, splitSections, SpriteFormatError } from './parse.js';

export interface EggSprite {
  readonly width: number;
  readonly wobble: readonly (readonly string[])[];
  readonly crack: readonly (readonly string[])[];
}

export function parseEgg(source: string, file: string): EggSprite {
  const { header, frames } = splitSections(source, file);
  const width = Number(header.get('width'));
  const take = (name: string): string[] => {
    const lines = frames.get(name);
    if (!lines || lines.length !== FRAME_HEIGHT) throw new SpriteFormatError(`${file}: frame '${name}' must have ${FRAME_HEIGHT} lines`);
    if (lines.some((line) => displayWidth(line) > width)) throw new SpriteFormatError(`${file}: frame '${name}' is wider than ${width}`);
    return lines.map((line) => line.padEnd(width));
  };
  return { width, wobble: [take('wobble-0'), take('wobble-1'), take('wobble-2')], crack: [take('crack-0'), take('crack-1')] };
}

let egg: EggSprite | undefined;
export function eggSprite(): EggSprite {
  egg ??= parseEgg(eggSource, 'assets/egg.sprite');
  return egg;
}
