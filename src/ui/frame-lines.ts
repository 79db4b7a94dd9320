// Turns a frame choice into the composed sprite lines for the pet screen.
import type { Bones } from '../engine/roll.js';
import type { FrameChoice } from '../sprites/animation.js';
import { composeFrame } from '../sprites/compose.js';
import type { SpeciesSprite } from '../sprites/parse.js';

export function frameLines(
  sprite: SpeciesSprite,
  hats: ReadonlyMap<string, string>,
  bones: Bones,
  frame: FrameChoice,
  sparklePhase: number,
): string[] {
  const lines = frame.kind === 'pose' ? sprite.poses[frame.pose] : (sprite.idle[frame.index] ?? sprite.idle[0]!);
  return composeFrame(sprite, lines, {
    eye: bones.eye,
    hat: bones.hat,
    hats,
    blink: frame.kind === 'idle' && frame.blink,
    shiny: bones.shiny,
    sparklePhase,
  });
}
