// Growth stages drawn as data (assets/stages.sprite): one accessory per stage, placed beside the frame of
// any species, so every species, and any added later, shows its stage without new art of its own.
import stagesSource from '../../assets/stages.sprite?raw';
import { STAGES, type Stage } from '../game/levels.js';
import { displayWidth, EYE_PLACEHOLDER, FRAME_HEIGHT, splitSections, SpriteFormatError } from './parse.js';

export const MAX_ACCESSORY_WIDTH = 5;
export const STAGES_FILE = 'assets/stages.sprite';
export const STAGES_SOURCE: string = stagesSource;

export interface StageAccessory {
  /** Columns the accessory adds beside the frame. */
  readonly width: number;
  /** FRAME_HEIGHT lines, each padded to `width`. */
  readonly lines: readonly string[];
}

export function parseStages(source: string, file: string): ReadonlyMap<Stage, StageAccessory> {
  const { frames } = splitSections(source, file);
  const accessories = new Map<Stage, StageAccessory>();
  for (const [name, lines] of frames) {
    const stage = STAGES.find((candidate) => candidate === name);
    if (!stage) throw new SpriteFormatError(`${file}: unknown stage '${name}' (stages: ${STAGES.join(', ')})`);
    if (lines.length !== FRAME_HEIGHT) throw new SpriteFormatError(`${file}: stage '${name}' has ${lines.length} lines, expected ${FRAME_HEIGHT}`);
    for (const line of lines) {
      if ([...line].some((character) => displayWidth(character) !== 1)) throw new SpriteFormatError(`${file}: stage '${name}' has a character that is not one column wide`);
      if (line.includes(EYE_PLACEHOLDER)) throw new SpriteFormatError(`${file}: stage '${name}' uses '${EYE_PLACEHOLDER}', the eye placeholder`);
    }
    const width = Math.max(...lines.map(displayWidth));
    if (width < 1 || width > MAX_ACCESSORY_WIDTH) throw new SpriteFormatError(`${file}: stage '${name}' must be 1 to ${MAX_ACCESSORY_WIDTH} columns wide`);
    accessories.set(stage, { width, lines: lines.map((line) => line + ' '.repeat(width - displayWidth(line))) });
  }
  for (const stage of STAGES) if (!accessories.has(stage)) throw new SpriteFormatError(`${file}: missing stage '${stage}'`);
  return accessories;
}

let parsed: ReadonlyMap<Stage, StageAccessory> | undefined;

export function stageAccessory(stage: Stage): StageAccessory {
  parsed ??= parseStages(STAGES_SOURCE, STAGES_FILE);
  return parsed.get(stage) as StageAccessory;
}

/** The frame with the stage's accessory beside it. */
export function withStage(lines: readonly string[], stage: Stage): string[] {
  const accessory = stageAccessory(stage);
  return lines.map((line, row) => line + (accessory.lines[row] ?? ' '.repeat(accessory.width)));
}
