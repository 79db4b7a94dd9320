// The one frame composer every face uses (the pet, the statusline, printed cards, the dex): a buddy's look
// (species, eye, hat, shiny, growth stage) at a frame choice (an idle frame, a blink or a pose) and a sparkle phase.
// Pure: the sprite and hat art are data, parsed once.
import type { BuddySpecies } from '../engine/bones.js';
import type { Eye, Hat } from '../engine/constants.js';
import type { FrameChoice } from '../sprites/animation.js';
import { hatTable, spriteFor } from '../sprites/catalog.js';
import { composeFace, composeFrame } from '../sprites/compose.js';
import { POSES, type Pose, type SpeciesSprite } from '../sprites/parse.js';
import { accessoryFor, withAccessory } from '../sprites/branch-art.js';
import { choreographyOf, performStep } from '../sprites/tricks.js';
import type { Stage } from '../game/levels.js';
import type { Branch } from '../game/branch.js';

export interface Look {
  readonly species: BuddySpecies;
  readonly eye: Eye;
  readonly hat: Hat;
  readonly shiny: boolean;
  /** Its growth stage, drawn as an accessory beside the frame (assets/stages.sprite). */
  readonly stage?: Stage | undefined;
  /** How it was raised at that stage: its branch's accessory stands in for the stage's (assets/branches/). */
  readonly branch?: Branch | undefined;
  /** The worn wardrobe head item's art line (src/sprites/wardrobe-art.ts), drawn in place of the rolled hat. */
  readonly wornHat?: string | undefined;
}

/** The art to draw with; faces that were handed a sprite (the pet screen) pass it, the rest use the catalogue. */
export interface Art {
  readonly sprite: SpeciesSprite;
  readonly hats: ReadonlyMap<string, string>;
}

function artFor(species: BuddySpecies): Art {
  return { sprite: spriteFor(species), hats: hatTable() };
}

export function composeBuddyFrame(look: Look, frame: FrameChoice, sparklePhase = 0, art: Art = artFor(look.species)): string[] {
  if (frame.kind === 'trick') return composeTrickFrame(look, frame, sparklePhase, art);
  const { sprite } = art;
  const lines = frame.kind === 'pose' ? sprite.poses[frame.pose] : (sprite.idle[frame.index] ?? sprite.idle[0]!);
  const composed = composeFrame(sprite, lines, {
    eye: look.eye,
    hat: look.hat,
    hats: art.hats,
    wornHat: look.wornHat,
    blink: frame.kind === 'idle' && frame.blink,
    shiny: look.shiny,
    sparklePhase,
  });
  return look.stage ? withAccessory(composed, accessoryFor(look.species, look.stage, look.branch)) : composed;
}

/** The one-line face for a frame choice (blinking when the frame blinks). */
export function composeBuddyFace(look: Look, frame: FrameChoice, sprite: SpeciesSprite = spriteFor(look.species)): string {
  return composeFace(sprite, look.eye, frame.kind === 'idle' && frame.blink);
}

/** Frame names as `buddy dex --frame` spells them: idle-0 … idle-N, then the poses. */
export function frameNames(species: BuddySpecies): string[] {
  return [...spriteFor(species).idle.map((_, index) => `idle-${index}`), ...POSES];
}

/** A frame name back to a frame choice; undefined for a name the species does not have. */
export function frameByName(species: BuddySpecies, name: string): FrameChoice | undefined {
  if (!frameNames(species).includes(name)) return undefined;
  const idle = /^idle-(\d+)$/.exec(name);
  if (idle) return { kind: 'idle', index: Number(idle[1]), blink: false };
  return { kind: 'pose', pose: POSES.find((pose): pose is Pose => pose === name) ?? 'happy' };
}

/**
 * A step of a trick in the buddy's own art: the step's frame composed as any other (eyes, hat, sparkles),
 * then moved and dressed with its props, at the same size, then the stage beside it. A step that is not
 * there (a trick the art does not know) is the rest frame.
 */
function composeTrickFrame(look: Look, frame: Extract<FrameChoice, { kind: 'trick' }>, sparklePhase: number, art: Art): string[] {
  const step = choreographyOf(frame.trick)?.steps[frame.step];
  if (!step) return composeBuddyFrame(look, { kind: 'idle', index: 0, blink: false }, sparklePhase, art);
  const base: FrameChoice = step.frame.kind === 'pose' ? step.frame : { kind: 'idle', index: step.frame.index, blink: step.blink };
  const composed = composeBuddyFrame({ ...look, stage: undefined }, base, sparklePhase, art);
  const performed = performStep(composed, step, art.sprite.hatColumn);
  return look.stage ? withAccessory(performed, accessoryFor(look.species, look.stage, look.branch)) : performed;
}
