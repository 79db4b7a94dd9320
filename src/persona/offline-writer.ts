// The offline soul writer: a name and personality from the roll alone, with word banks of its own.
// Deterministic (same bones, same soul) and stats-aware (the peak picks the template, the dump is named).
import type { Bones } from '../engine/roll.js';
import { inspirationWords } from './inspiration.js';
import { choose, soulRng } from './soul-rng.js';
import { MAX_NAME_LENGTH, MAX_PERSONALITY_LENGTH, type Soul } from './soul.js';
import { NAME_ENDS, NAME_MIDDLES, NAME_STARTS, PEAK_TEMPLATES, QUIRK_TEMPLATES } from './words.js';

export function offlineName(bones: Bones): string {
  const rng = soulRng(bones.inspirationSeed, 'name');
  const start = choose(NAME_STARTS, rng) ?? 'Pip';
  const middle = rng() < 0.45 ? (choose(NAME_MIDDLES, rng) ?? '') : '';
  const end = choose(NAME_ENDS, rng) ?? 'kin';
  const name = start + middle + end;
  return name.length <= MAX_NAME_LENGTH ? name : start + end;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function writeOfflineSoul(bones: Bones): Soul {
  const name = offlineName(bones);
  const rng = soulRng(bones.inspirationSeed, 'personality');
  const [first, second] = inspirationWords(bones.inspirationSeed);
  const values = { name, species: bones.species, dump: bones.dump.toLowerCase() };
  const main = fill(choose(PEAK_TEMPLATES[bones.peak], rng) ?? '{name} the {species} watches.', { ...values, word: first ?? 'moss' });
  const quirk = fill(choose(QUIRK_TEMPLATES, rng) ?? '', { ...values, word: second ?? 'lint' });
  const both = `${main} ${quirk}`;
  return { name, personality: both.length <= MAX_PERSONALITY_LENGTH ? both : main };
}
