// Turns a frame choice (idle index, blink, pose) into the composed sprite lines for a moment. Pure.
import type { Bones } from '../engine/roll.js';
import type { FrameChoice } from './animation.js';
import { composeFrame } from './compose.js';
import type { SpeciesSprite } from './parse.js';

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
