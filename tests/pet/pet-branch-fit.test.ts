// The pet with a growth branch: the branch's accessory stands beside the widest species in place of the
// stage's, the card panel says how the stage was raised, and the screen still fits every size from the
// pet's smallest to 120×40.
import { describe, expect, it } from 'vitest';
import { EVERY_SPECIES } from '../../src/engine/bones.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { xpForLevel } from '../../src/game/levels.js';
import { initialGrowth } from '../../src/game/state.js';
import { growthViewAt } from '../../src/game/view.js';
import { composePetScreen } from '../../src/pet/screen.js';
import { initialPetState, reducePet, type PetState } from '../../src/pet/pet-state.js';
import { petViewAt } from '../../src/pet/pet-view.js';
import { makePalette } from '../../src/render/ansi.js';
import { branchAccessory } from '../../src/sprites/branch-art.js';
import { hatTable, spriteFor } from '../../src/sprites/catalog.js';
import { familyOf } from '../../src/species/families.js';
import { displayWidth } from '../../src/text/display-width.js';

const NOW = Date.UTC(2026, 2, 10, 12);
/** The widest species, so the accessory takes the most room. */
const species = [...EVERY_SPECIES].sort((a, b) => spriteFor(b).width - spriteFor(a).width)[0]!;
const bones = { ...rollFromUserId('branch-fit-1'), species } as ReturnType<typeof rollFromUserId>;
const sprite = spriteFor(species);
const growth = growthViewAt({ ...initialGrowth(NOW - 400 * 86_400_000, NOW), xp: xpForLevel(41), branches: { young: 'care', adult: 'work', elder: 'night' } }, { now: NOW, offsetMinutes: 0 }, true);

function compose(state: PetState, columns: number, rows: number): string[] {
  const view = petViewAt(state, 100, { animate: false, idleFrameCount: sprite.idle.length, width: sprite.width, shiny: bones.shiny });
  return composePetScreen({ bones, sprite, hats: hatTable(), name: 'Quintrovan', personality: 'Counts semicolons to fall asleep.', soulNote: 'soul written offline', journal: [], state, view, columns, rows, palette: makePalette(false), growth });
}

describe('the pet with a branch', () => {
  it('draws the branch’s accessory beside the buddy', () => {
    const screen = compose(initialPetState(0), 100, 30).join('\n');
    const moon = branchAccessory(familyOf(species), 'elder', 'night').lines.map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
    for (const line of moon) expect(screen).toContain(line);
  });

  it('says how its stage was raised on the card panel', () => {
    expect(compose({ ...initialPetState(0), panel: 'card' }, 100, 40).join('\n')).toContain('elder · raised on late nights');
  });

  it('fits every size from 8×3 to 120×40', () => {
    const start = initialPetState(0);
    const states: PetState[] = [start, { ...start, panel: 'card' }, reducePet(start, { type: 'say', text: 'Hello! A long hello that wraps around the buddy.', now: 0 }).state];
    for (const state of states) {
      for (let columns = 8; columns <= 120; columns += 1) {
        for (let rows = 3; rows <= 40; rows += 5) {
          const lines = compose(state, columns, rows);
          expect(lines.length, `${columns}×${rows}`).toBeLessThanOrEqual(rows - 1);
          for (const line of lines) expect(displayWidth(line), `${columns}×${rows}: ${line}`).toBeLessThanOrEqual(columns);
        }
      }
    }
  });
});
