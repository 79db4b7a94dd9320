// Parses the artist-friendly sprite format (docs/sprites.md) into frames, reporting problems by line.
import { displayWidth } from '../text/display-width.js';

export const FRAME_HEIGHT = 6;
export const MAX_WIDTH = 14;
export const MAX_FACE_WIDTH = 9;
export const MAX_HAT_WIDTH = 7;
export const EYE_PLACEHOLDER = 'E';
export const POSES = ['happy', 'alarmed', 'sad', 'sleepy', 'talking'] as const;
export type Pose = (typeof POSES)[number];

export interface SpeciesSprite {
  readonly species: string;
  readonly width: number;
  readonly hatColumn: number;
  readonly face: string;
  /** idle-0 (rest) first, then the fidgets in order. */
  readonly idle: readonly (readonly string[])[];
  readonly poses: Readonly<Record<Pose, readonly string[]>>;
}

export class SpriteFormatError extends Error {
  override readonly name = 'SpriteFormatError';
}

export { displayWidth };

interface Sections {
  readonly header: Map<string, string>;
  readonly frames: Map<string, string[]>;
}

const FRAME_HEADING = /^== ([a-z0-9-]+) ==$/;
const HEADER_LINE = /^([a-z-]+):\s?(.*)$/;

/** Splits a file into its header keys and named frames. Comment lines ('#') are dropped. */
export function splitSections(source: string, file: string): Sections {
  const header = new Map<string, string>();
  const frames = new Map<string, string[]>();
  let current: string[] | undefined;
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (line.startsWith('#')) return;
    if (/\t/.test(line)) throw new SpriteFormatError(`${where}: tab character (use spaces)`);
    if (/\s$/.test(line)) throw new SpriteFormatError(`${where}: trailing whitespace`);
    const heading = FRAME_HEADING.exec(line);
    if (heading) {
      const name = heading[1] as string;
      if (frames.has(name)) throw new SpriteFormatError(`${where}: frame '${name}' appears twice`);
      current = [];
      frames.set(name, current);
      return;
    }
    if (current) {
      current.push(line);
      return;
    }
    if (line === '') return;
    const match = HEADER_LINE.exec(line);
    if (!match) throw new SpriteFormatError(`${where}: expected 'key: value' before the first frame`);
    header.set(match[1] as string, match[2] as string);
  });
  return { header, frames };
}

function requireKey(sections: Sections, key: string, file: string): string {
  const value = sections.header.get(key);
  if (value === undefined || value === '') throw new SpriteFormatError(`${file}: missing '${key}:' header`);
  return value;
}

function checkFrame(name: string, lines: string[], width: number, file: string, needsEyes: boolean): string[] {
  if (lines.length !== FRAME_HEIGHT) {
    throw new SpriteFormatError(`${file}: frame '${name}' has ${lines.length} lines, expected ${FRAME_HEIGHT}`);
  }
  if ((lines[0] as string).trim() !== '') {
    throw new SpriteFormatError(`${file}: frame '${name}' must leave its first (hat) line empty`);
  }
  lines.forEach((line, row) => {
    for (const character of line) {
      if (displayWidth(character) !== 1) {
        throw new SpriteFormatError(`${file}: frame '${name}' line ${row + 1} has a character that is not one column wide: '${character}'`);
      }
    }
    if (displayWidth(line) > width) {
      throw new SpriteFormatError(`${file}: frame '${name}' line ${row + 1} is ${displayWidth(line)} columns, wider than ${width}`);
    }
  });
  if (lines.every((line) => line.trim() === '')) throw new SpriteFormatError(`${file}: frame '${name}' is empty`);
  if (needsEyes && !lines.some((line) => line.includes(EYE_PLACEHOLDER))) {
    throw new SpriteFormatError(`${file}: frame '${name}' has no eye placeholder '${EYE_PLACEHOLDER}'`);
  }
  return lines.map((line) => line + ' '.repeat(width - displayWidth(line)));
}

export function parseSpeciesSprite(source: string, file: string): SpeciesSprite {
  const sections = splitSections(source, file);
  const species = requireKey(sections, 'species', file);
  const width = Number(requireKey(sections, 'width', file));
  if (!Number.isInteger(width) || width < 4 || width > MAX_WIDTH) {
    throw new SpriteFormatError(`${file}: width must be a whole number from 4 to ${MAX_WIDTH}`);
  }
  const hatColumn = Number(requireKey(sections, 'hat-column', file));
  if (!Number.isInteger(hatColumn) || hatColumn < 0 || hatColumn >= width) {
    throw new SpriteFormatError(`${file}: hat-column must be a column inside the frame (0 to ${width - 1})`);
  }
  const face = requireKey(sections, 'face', file);
  if (displayWidth(face) > MAX_FACE_WIDTH || !face.includes(EYE_PLACEHOLDER)) {
    throw new SpriteFormatError(`${file}: face must be at most ${MAX_FACE_WIDTH} columns and contain '${EYE_PLACEHOLDER}'`);
  }
  const idle: string[][] = [];
  for (let index = 0; sections.frames.has(`idle-${index}`); index++) {
    idle.push(checkFrame(`idle-${index}`, sections.frames.get(`idle-${index}`) as string[], width, file, true));
  }
  if (idle.length < 3) throw new SpriteFormatError(`${file}: needs at least idle-0, idle-1 and idle-2`);
  const poses = {} as Record<Pose, string[]>;
  for (const pose of POSES) {
    const lines = sections.frames.get(pose);
    if (!lines) throw new SpriteFormatError(`${file}: missing frame '${pose}'`);
    poses[pose] = checkFrame(pose, lines, width, file, pose !== 'sleepy');
  }
  const known = new Set([...POSES, ...idle.map((_, index) => `idle-${index}`)]);
  for (const name of sections.frames.keys()) {
    if (!known.has(name)) throw new SpriteFormatError(`${file}: unknown frame '${name}'`);
  }
  return { species, width, hatColumn, face, idle, poses };
}

export function parseHats(source: string, file: string): ReadonlyMap<string, string> {
  const { frames } = splitSections(source, file);
  const hats = new Map<string, string>();
  for (const [name, lines] of frames) {
    if (lines.length !== 1) throw new SpriteFormatError(`${file}: hat '${name}' must be exactly one line`);
    const hat = lines[0] as string;
    if (hat.trim() === '' || displayWidth(hat) > MAX_HAT_WIDTH) {
      throw new SpriteFormatError(`${file}: hat '${name}' must be 1 to ${MAX_HAT_WIDTH} columns`);
    }
    for (const character of hat) {
      if (displayWidth(character) !== 1) throw new SpriteFormatError(`${file}: hat '${name}' has a wide character`);
    }
    hats.set(name, hat);
  }
  return hats;
}
