// mulberry32, the public 32-bit generator by Tommy Ettinger: the classic roll's only source of draws.
// All arithmetic is on 32-bit integers (Math.imul and shifts), so every engine gives the same numbers.

/** A generator seeded with a 32-bit integer; each call returns t / 2^32, a double in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
