// Composing a frame from sprite data, on a small hand-made sprite so every cell can be checked:
// eyes and blink, the hat row and where it sits, and the shiny sparkles that never paint over the art.
import { describe, expect, it } from 'vitest';
import { composeFace, composeFrame } from '../../src/sprites/compose.js';
import type { SpeciesSprite } from '../../src/sprites/parse.js';

const REST = ['        ', ' (E E)  ', ' (   )  ', '        ', ' /   \\  ', '        '];
const SPRITE: SpeciesSprite = {
  species: 'Testling',
  width: 8,
  hatColumn: 3,
  face: '(E.E)',
  idle: [REST],
  poses: { happy: REST, alarmed: REST, sad: REST, sleepy: REST, talking: REST },
};
const HATS = new Map([['crown', '\\^/'], ['wizard', 'WWWWWW'], ['none', 'XX']]);

describe('composeFrame', () => {
  it('puts the eyes in, or closes them for a blink', () => {
    expect(composeFrame(SPRITE, REST, { eye: '◉', hat: 'none', hats: HATS })[1]).toBe(' (◉ ◉)  ');
    expect(composeFrame(SPRITE, REST, { eye: '◉', hat: 'none', hats: HATS, blink: true })[1]).toBe(' (- -)  ');
  });

  it('centres the hat on its column, in the top row', () => {
    expect(composeFrame(SPRITE, REST, { eye: '·', hat: 'crown', hats: HATS })[0]).toBe('  \\^/   ');
  });

  it('keeps a hat inside the sprite near the edges', () => {
    const right = { ...SPRITE, hatColumn: 7 };
    expect(composeFrame(right, REST, { eye: '·', hat: 'crown', hats: HATS })[0]).toBe('     \\^/');
    const left = { ...SPRITE, hatColumn: 0 };
    expect(composeFrame(left, REST, { eye: '·', hat: 'crown', hats: HATS })[0]).toBe('\\^/     ');
    expect(composeFrame(right, REST, { eye: '·', hat: 'wizard', hats: HATS })[0]).toBe('  WWWWWW');
  });

  it('draws no hat for "none", and none for a hat the table lacks', () => {
    expect(composeFrame(SPRITE, REST, { eye: '·', hat: 'none', hats: HATS })[0]).toBe('        ');
    expect(composeFrame(SPRITE, REST, { eye: '·', hat: 'halo', hats: HATS })[0]).toBe('        ');
  });

  it('draws a worn item in place of the rolled hat, with or without one rolled, centred the same way', () => {
    expect(composeFrame(SPRITE, REST, { eye: '·', hat: 'crown', hats: HATS, wornHat: 'o^o' })[0]).toBe('  o^o   ');
    expect(composeFrame(SPRITE, REST, { eye: '·', hat: 'none', hats: HATS, wornHat: '>o<' })[0]).toBe('  >o<   ');
    expect(composeFrame(SPRITE, REST, { eye: '·', hat: 'crown', hats: HATS, wornHat: undefined })[0]).toBe('  \\^/   ');
  });

  it('adds sparkles at opposite corners, swapping them as the phase moves', () => {
    const at = (sparklePhase: number | undefined): string[] => {
      const lines = composeFrame(SPRITE, REST, { eye: '·', hat: 'none', hats: HATS, shiny: true, ...(sparklePhase === undefined ? {} : { sparklePhase }) });
      return [lines[0]!, lines[3]!];
    };
    expect(at(undefined)).toEqual(['✧       ', '       *']);
    expect(at(0)).toEqual(['✧       ', '       *']);
    expect(at(1)).toEqual(['       ✧', '*       ']);
    expect(at(2)).toEqual(at(0));
    expect(at(7)).toEqual(at(1));
  });

  it('never paints a sparkle over the art', () => {
    const full = ['########', ' (E E)  ', ' (   )  ', '########', ' /   \\  ', '        '];
    const lines = composeFrame(SPRITE, full, { eye: '·', hat: 'none', hats: HATS, shiny: true });
    expect([lines[0], lines[3]]).toEqual(['########', '########']);
  });

  it('leaves the frame it was given untouched', () => {
    const frame = [...REST];
    composeFrame(SPRITE, frame, { eye: '◉', hat: 'crown', hats: HATS, shiny: true });
    expect(frame).toEqual(REST);
  });
});

describe('composeFace', () => {
  it('puts the eyes in the one-line face, or closes them', () => {
    expect(composeFace(SPRITE, '×')).toBe('(×.×)');
    expect(composeFace(SPRITE, '×', true)).toBe('(-.-)');
  });
});
