// Turns a frame choice into the composed sprite lines for the pet screen, through the one frame composer.
import { composeBuddyFrame } from '../buddy/frame.js';
import type { Bones } from '../engine/roll.js';
import type { FrameChoice } from '../sprites/animation.js';
import type { SpeciesSprite } from '../sprites/parse.js';

export function frameLines(
  sprite: SpeciesSprite,
  hats: ReadonlyMap<string, string>,
  bones: Bones,
  frame: FrameChoice,
  sparklePhase: number,
): string[] {
  return composeBuddyFrame(bones, frame, sparklePhase, { sprite, hats });
}
