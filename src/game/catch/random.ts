// The round's seeded generator: the n-th draw of a seed, as a pure function, so a round kept as plain
// data (its seed and how many draws it has used) replays the same bugs every time. The seed comes from
// the buddy and the round's start moment; nothing here reads a clock or Math.random.

/** A 32-bit seed from text (FNV-1a). */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The n-th draw of a seed, in [0, 1) (mulberry32's mixing of seed + n). */
export function drawAt(seed: number, n: number): number {
  let t = (seed + Math.imul(n, 0x6d2b79f5)) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

/** A whole number in [0, count) from a draw. */
export function pick(draw: number, count: number): number {
  return Math.min(count - 1, Math.floor(draw * count));
}
