// Each mood as the pet shows it (docs/growth.md, "Mood"): the pose of its idle loop and still frame
// (happy, alarmed, sad, sleepy; none when content), and the mark beside the one-line face (♪ ! ~ z).
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { MOOD_POSE } from '../../src/game/mood.js';
import { initialGrowth, type Mood } from '../../src/game/state.js';
import { growthViewAt } from '../../src/game/view.js';
import { composePetScreen } from '../../src/pet/screen.js';
import { initialPetState } from '../../src/pet/state.js';
import { petViewAt } from '../../src/pet/view.js';
import { makePalette } from '../../src/render/ansi.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';

const NOW = Date.UTC(2026, 2, 2, 12);
const bones = rollFromUserId('growth-mood-face');
const sprite = spriteFor(bones.species);
const still = { animate: false, idleFrameCount: sprite.idle.length, width: sprite.width };

/** The first line of a narrow window: the one-line face, a mood's mark, and the name. */
function faceLine(mood: Mood): string {
  const state = initialPetState(0);
  const growth = { ...growthViewAt(initialGrowth(NOW, NOW), { now: NOW, offsetMinutes: 0 }, true), mood };
  const lines = composePetScreen({
    bones,
    sprite,
    hats: hatTable(),
    name: 'Quill',
    personality: 'Quill keeps watch.',
    soulNote: 'soul written offline',
    growth,
    state,
    view: petViewAt(state, 0, { ...still, moodPose: MOOD_POSE[mood] }),
    columns: 20,
    rows: 8,
    palette: makePalette(false),
  });
  return lines[0]!;
}

describe('the mood on the pet', () => {
  it('poses it in the still frame: happy, alarmed, sad, sleepy, and the rest frame when content', () => {
    const frames = (['cheerful', 'worried', 'hungry', 'sleepy', 'content'] as const).map((mood) => petViewAt(initialPetState(NOW), NOW, { ...still, moodPose: MOOD_POSE[mood] }).frame);
    expect(frames).toEqual([
      { kind: 'pose', pose: 'happy' },
      { kind: 'pose', pose: 'alarmed' },
      { kind: 'pose', pose: 'sad' },
      { kind: 'pose', pose: 'sleepy' },
      { kind: 'idle', index: 0, blink: false },
    ]);
  });

  it('marks it beside the one-line face: ♪ ! ~ z, and nothing when content', () => {
    const content = faceLine('content');
    expect(content).toMatch(/\S Quill$/);
    for (const [mood, mark] of [['cheerful', '♪'], ['worried', '!'], ['hungry', '~'], ['sleepy', 'z']] as const) {
      expect(faceLine(mood), mood).toBe(content.replace(' Quill', ` ${mark} Quill`));
    }
  });
});
