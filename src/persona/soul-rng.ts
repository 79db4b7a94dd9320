// The seeded generator behind every soul-writing choice (words, names, lines), derived from the roll so
// the same buddy always makes the same choices. Pure; kept apart from the word banks so the statusline
// can pick a species line without loading them.
import seedrandom from 'seedrandom';

export function soulRng(inspirationSeed: number, purpose: string): () => number {
  return seedrandom(`buddy-soul:${purpose}:${inspirationSeed}`);
}

/** One item of a list, chosen by the generator (undefined only for an empty list). */
export function choose<T>(list: readonly T[], rng: () => number): T | undefined {
  return list[Math.floor(rng() * list.length)];
}
