// Growth branches drawn as data (assets/branches/<family>.sprite): for each species family, one accessory
// per stage after the hatchling and per branch, placed beside the frame in place of the stage's own once the
// branch is known. Every branch accessory is padded to the widest an accessory may be, so a buddy's frame
// keeps one size whichever way it was raised.
import furredSource from '../../assets/branches/furred.sprite?raw';
import wingedSource from '../../assets/branches/winged.sprite?raw';
import scaledSource from '../../assets/branches/scaled.sprite?raw';
import aquaticSource from '../../assets/branches/aquatic.sprite?raw';
import otherSource from '../../assets/branches/other.sprite?raw';
import type { BuddySpecies } from '../engine/bones.js';
import { BRANCH_STAGES, BRANCHES, type Branch, type BranchStage } from '../game/branch.js';
import type { Stage } from '../game/levels.js';
import { familyOf, type Family } from '../species/families.js';
import { displayWidth, EYE_PLACEHOLDER, FRAME_HEIGHT, splitSections, SpriteFormatError } from './parse.js';
import { MAX_ACCESSORY_WIDTH, stageAccessory, type StageAccessory } from './stage-art.js';

export const BRANCH_SOURCES: Readonly<Record<Family, string>> = {
  furred: furredSource,
  winged: wingedSource,
  scaled: scaledSource,
  aquatic: aquaticSource,
  other: otherSource,
};

export function branchFile(family: Family): string {
  return `assets/branches/${family}.sprite`;
}

/** Frame names as the files spell them: `young-care` … `elder-balanced`. */
export const BRANCH_FRAMES: readonly string[] = BRANCH_STAGES.flatMap((stage) => BRANCHES.map((branch) => `${stage}-${branch}`));

export function parseBranches(source: string, file: string): ReadonlyMap<string, StageAccessory> {
  const { frames } = splitSections(source, file);
  const accessories = new Map<string, StageAccessory>();
  for (const [name, lines] of frames) {
    if (!BRANCH_FRAMES.includes(name)) throw new SpriteFormatError(`${file}: unknown frame '${name}' (frames: stage-branch, e.g. young-care)`);
    if (lines.length !== FRAME_HEIGHT) throw new SpriteFormatError(`${file}: '${name}' has ${lines.length} lines, expected ${FRAME_HEIGHT}`);
    for (const line of lines) {
      if ([...line].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) > 0x7e)) throw new SpriteFormatError(`${file}: '${name}' has a character that is not plain ASCII`);
      if (line.includes(EYE_PLACEHOLDER)) throw new SpriteFormatError(`${file}: '${name}' uses '${EYE_PLACEHOLDER}', the eye placeholder`);
    }
    const width = Math.max(...lines.map(displayWidth));
    if (width < 1 || width > MAX_ACCESSORY_WIDTH) throw new SpriteFormatError(`${file}: '${name}' must be 1 to ${MAX_ACCESSORY_WIDTH} columns wide`);
    accessories.set(name, { width: MAX_ACCESSORY_WIDTH, lines: lines.map((line) => line + ' '.repeat(MAX_ACCESSORY_WIDTH - displayWidth(line))) });
  }
  for (const name of BRANCH_FRAMES) if (!accessories.has(name)) throw new SpriteFormatError(`${file}: missing frame '${name}'`);
  return accessories;
}

const parsed = new Map<Family, ReadonlyMap<string, StageAccessory>>();

export function branchAccessory(family: Family, stage: BranchStage, branch: Branch): StageAccessory {
  let accessories = parsed.get(family);
  if (!accessories) {
    accessories = parseBranches(BRANCH_SOURCES[family], branchFile(family));
    parsed.set(family, accessories);
  }
  return accessories.get(`${stage}-${branch}`) as StageAccessory;
}

function isBranchStage(stage: Stage): stage is BranchStage {
  return (BRANCH_STAGES as readonly Stage[]).includes(stage);
}

/** What stands beside a frame: the branch's accessory once the stage has a branch, the stage's own otherwise (always for a hatchling). */
export function accessoryFor(species: BuddySpecies, stage: Stage, branch: Branch | undefined): StageAccessory {
  return branch && isBranchStage(stage) ? branchAccessory(familyOf(species), stage, branch) : stageAccessory(stage);
}

/** Columns the accessory takes, for layouts that reserve room before composing (every branch takes the same). */
export function accessoryWidth(stage: Stage, branch: Branch | undefined): number {
  return branch && isBranchStage(stage) ? MAX_ACCESSORY_WIDTH : stageAccessory(stage).width;
}

/** The frame with the accessory beside it. */
export function withAccessory(lines: readonly string[], accessory: StageAccessory): string[] {
  return lines.map((line, row) => line + (accessory.lines[row] ?? ' '.repeat(accessory.width)));
}
