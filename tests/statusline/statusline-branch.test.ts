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

  it('leaves room for the accessory beside the saying, and widens the layout by no more than the accessory', () => {
    expect(sayingRoom({ ...BASE, growth: { ...growth, branch: 'care' } })).toBe(2 * (80 - sprite.width - 5 - 2));
    const young = { ...growth, level: 12, stage: 'young' } as const;
    const extra = 5 - stageAccessory('young').width;
    for (let width = 40; width <= 120; width += 1) {
      const view = { ...BASE, width, text: 'one two three four five six seven eight nine ten' };
      const plain = renderStatusline({ ...view, growth: young });
      const raised = renderStatusline({ ...view, growth: { ...young, branch: 'night' } });
      expect(raised).toHaveLength(plain.length);
      const widest = (lines: string[]): number => Math.max(...lines.map(displayWidth));
      expect(widest(raised), `${width}`).toBeLessThanOrEqual(widest(plain) + extra);
    }
  });
});
