// The classic family is first-class: lore for the soul writer's prompt and `buddy dex`, a bank of lines for
// every event, and offline souls and replies within the rules, for every species.
import { describe, expect, it } from 'vitest';
import { rollClassic } from '../../src/engine/classic.js';
import { CLASSIC_SPECIES, HASH_FNS } from '../../src/engine/classic-constants.js';
import { hatchSystem } from '../../src/persona/prompt/hatch-prompt.js';
import { offlineReply } from '../../src/persona/offline-talk.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { checkSoul } from '../../src/persona/prompt/soul.js';
import { speciesLine } from '../../src/persona/species-line.js';
import { REACTION_EVENTS, SPECIES_LINES } from '../../src/species/lines.js';
import { SPECIES_LORE } from '../../src/species/lore.js';

/** Bubbles sit beside the prompt: classic lines are as short as roll v1's. */
const MAX_LINE = 46;

describe.each(CLASSIC_SPECIES.map((species) => [species]))('%s', (species) => {
  it('has lore of at most 200 characters and three or four traits', () => {
    const { lore, traits } = SPECIES_LORE[species];
    expect(lore.length).toBeGreaterThan(40);
    expect(lore.length).toBeLessThanOrEqual(200);
    expect(traits.length).toBeGreaterThanOrEqual(3);
    expect(traits.length).toBeLessThanOrEqual(4);
  });

  it('has four distinct short lines for every event', () => {
    const bank = SPECIES_LINES[species];
    for (const event of REACTION_EVENTS) {
      expect(bank[event], event).toHaveLength(4);
      expect(new Set(bank[event]).size, event).toBe(4);
      for (const line of bank[event]) expect(line.length, line).toBeLessThanOrEqual(MAX_LINE);
    }
  });
});

describe('classic buddies talk and get souls offline', () => {
  const rolls = Array.from({ length: 120 }, (_, index) => rollClassic(`classic-soul-${index}`, undefined, HASH_FNS[index % 2]));

  it('covers the whole family in the sample', () => {
    expect(new Set(rolls.map((bones) => bones.species)).size).toBe(CLASSIC_SPECIES.length);
  });

  it('writes a soul within the rules for every roll, naming the species', () => {
    for (const bones of rolls) {
      const soul = writeOfflineSoul(bones);
      expect(checkSoul(soul), `${bones.species}: ${JSON.stringify(soul)}`).toEqual({ ok: true, soul });
    }
  });

  it('answers offline and reacts from its own bank', () => {
    for (const bones of rolls.slice(0, 30)) {
      expect(offlineReply({ bones, name: 'Pip', memory: [] }, 'Pip, hello')).not.toBe('…');
      expect(SPECIES_LINES[bones.species].greeting).toContain(speciesLine(bones, 'greeting', 1));
    }
  });

  it("gives the model the species' lore", () => {
    const bones = rolls[0]!;
    const text = JSON.stringify(hatchSystem(bones, ['moss']));
    expect(text).toContain(`Species: ${bones.species}. ${SPECIES_LORE[bones.species].lore}`);
  });
});
