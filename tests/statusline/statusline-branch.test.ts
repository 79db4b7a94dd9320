// The full statusline with a growth branch: the branch's accessory stands beside the buddy in place of the
// stage's, the saying's room leaves space for it, and every line fits the width.
import { describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { branchAccessory } from '../../src/sprites/branch-art.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { stageAccessory } from '../../src/sprites/stage-art.js';
import { familyOf } from '../../src/species/families.js';
import { renderStatusline, sayingRoom, type StatusView } from '../../src/statusline/render.js';
import { displayWidth } from '../../src/text/display-width.js';

const bones = rollFromUserId('buddy-93');
const sprite = spriteFor(bones.species);
const BASE: StatusView = { bones, name: 'Pip', sprite, hats: hatTable(), now: 0, pose: undefined, text: undefined, thinking: false, layout: 'full', format: 'plain', width: 80 };
const growth = { level: 30, stage: 'adult', mood: 'content', moodPose: undefined } as const;

describe('the full statusline with a branch', () => {
  it('draws the branch’s accessory in place of the stage’s', () => {
    const lines = renderStatusline({ ...BASE, growth: { ...growth, branch: 'work' } });
    const drawn = branchAccessory(familyOf(bones.species), 'adult', 'work').lines.map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
    const text = lines.join('\n');
    for (const line of drawn) expect(text).toContain(line);
    expect(renderStatusline({ ...BASE, growth }).join('\n')).toContain(stageAccessory('adult').lines.at(-1)!.trim());
  });

  it('leaves room for the accessory beside the saying, and fits every width from 40 columns', () => {
    expect(sayingRoom({ ...BASE, growth: { ...growth, branch: 'care' } })).toBe(2 * (80 - sprite.width - 5 - 2));
    // From 40 columns (narrower, the full layout's name line never fitted beside a grown buddy).
    for (let width = 40; width <= 120; width += 1) {
      for (const line of renderStatusline({ ...BASE, width, text: 'one two three four five six seven eight nine ten', growth: { ...growth, branch: 'night' } })) {
        expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      }
    }
  });
});
