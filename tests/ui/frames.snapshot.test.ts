// Snapshots of a few composed frames: any change to the art or the composer shows up in review.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { composeFace, composeFrame } from '../../src/sprites/compose.js';
import { renderStatusline } from '../../src/statusline/render.js';

describe('composed frames', () => {
  it('a legendary Nebulynx with a halo, resting', () => {
    const bones = rollFromUserId('buddy-93');
    const sprite = spriteFor(bones.species);
    expect(composeFrame(sprite, sprite.idle[0]!, { eye: bones.eye, hat: bones.hat, hats: hatTable() }).join('\n')).toMatchSnapshot();
  });

  it('a shiny Pebblecrab, blinking, with sparkles', () => {
    const bones = rollFromUserId('buddy-12');
    const sprite = spriteFor(bones.species);
    expect(
      composeFrame(sprite, sprite.idle[0]!, { eye: bones.eye, hat: 'none', hats: hatTable(), blink: true, shiny: true, sparklePhase: 1 }).join('\n'),
    ).toMatchSnapshot();
  });

  it('a Voidcat in a wizard hat, talking, and its face', () => {
    const sprite = spriteFor('Voidcat');
    expect(composeFrame(sprite, sprite.poses.talking, { eye: '◉', hat: 'wizard', hats: hatTable() }).join('\n')).toMatchSnapshot();
    expect(composeFace(sprite, '◉')).toMatchSnapshot();
  });

  it('the full statusline layout of buddy-0 saying something', () => {
    const bones = rollFromUserId('buddy-0');
    const lines = renderStatusline({
      bones,
      name: 'Dorina',
      sprite: spriteFor(bones.species),
      hats: hatTable(),
      now: 0,
      pose: 'talking',
      text: 'That is a choice. A brave one.',
      thinking: false,
      layout: 'full',
      format: 'plain',
      width: 60,
    });
    expect(lines.join('\n')).toMatchSnapshot();
  });
});
