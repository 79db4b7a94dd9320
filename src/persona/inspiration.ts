// Four inspiration words per buddy, picked deterministically from its inspirationSeed. Pure.
import { soulRng } from './soul-rng.js';
import { INSPIRATION_WORDS } from './words.js';

export const INSPIRATION_COUNT = 4;

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
