// The offline soul writer: a name and personality from the roll alone, with word banks of its own.
// Deterministic (same bones, same soul) and stats-aware (the peak picks the template, the dump is named).
import type { BuddyBones } from '../engine/bones.js';
import { inspirationWords } from './inspiration.js';
import { choose, soulRng } from './soul-rng.js';
import { MAX_NAME_LENGTH, MAX_PERSONALITY_LENGTH, type Soul } from './prompt/soul.js';
import { NAME_ENDS, NAME_MIDDLES, NAME_STARTS, PEAK_TEMPLATES, QUIRK_TEMPLATES } from './words.js';

/**
 * `hatch --again` asks for another soul: the generation (0 for the first hatch, which keeps every existing
 * soul as it was) is mixed into every seed, so each generation writes a different one.
 */
function purposeOf(purpose: string, generation: number): string {
  return generation > 0 ? `${purpose}#${generation}` : purpose;
}

export function offlineName(bones: BuddyBones, generation = 0): string {
  const rng = soulRng(bones.inspirationSeed, purposeOf('name', generation));
  const start = choose(NAME_STARTS, rng) ?? 'Pip';
  const middle = rng() < 0.45 ? (choose(NAME_MIDDLES, rng) ?? '') : '';
  const end = choose(NAME_ENDS, rng) ?? 'kin';
  const name = start + middle + end;
  return name.length <= MAX_NAME_LENGTH ? name : start + end;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function writeOfflineSoul(bones: BuddyBones, generation = 0): Soul {
  const name = offlineName(bones, generation);
  const rng = soulRng(bones.inspirationSeed, purposeOf('personality', generation));
  const [first, second] = inspirationWords(bones.inspirationSeed + generation);
  const values = { name, species: bones.species, dump: bones.dump.toLowerCase() };
  const main = fill(choose(PEAK_TEMPLATES[bones.peak], rng) ?? '{name} the {species} watches.', { ...values, word: first ?? 'moss' });
  const quirk = fill(choose(QUIRK_TEMPLATES, rng) ?? '', { ...values, word: second ?? 'lint' });
  const both = `${main} ${quirk}`;
  return { name, personality: both.length <= MAX_PERSONALITY_LENGTH ? both : main };
}
