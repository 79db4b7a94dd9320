// Four inspiration words per buddy, picked deterministically from its inspirationSeed. Pure.
import seedrandom from 'seedrandom';
import { INSPIRATION_WORDS } from './words.js';

export const INSPIRATION_COUNT = 4;

/** A generator for soul-writing choices, derived from the roll so the same buddy always gets the same. */
export function soulRng(inspirationSeed: number, purpose: string): () => number {
  return seedrandom(`buddy-soul:${purpose}:${inspirationSeed}`);
}

export function pickDistinct<T>(pool: readonly T[], count: number, rng: () => number): T[] {
  const remaining = [...pool];
  const picked: T[] = [];
  while (picked.length < count && remaining.length > 0) {
    const [chosen] = remaining.splice(Math.floor(rng() * remaining.length), 1);
    picked.push(chosen as T);
  }
  return picked;
}

export function inspirationWords(inspirationSeed: number): string[] {
  return pickDistinct(INSPIRATION_WORDS, INSPIRATION_COUNT, soulRng(inspirationSeed, 'words'));
}
