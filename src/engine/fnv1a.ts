// 32-bit FNV-1a (the public Fowler–Noll–Vo hash) over the UTF-16 code units of a string, as JavaScript
// engines see it (`charCodeAt`): the classic roll's `fnv1a` seeds.

const OFFSET_BASIS = 2166136261;
const PRIME = 16777619;

export function fnv1a32(text: string): number {
  let hash = OFFSET_BASIS;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, PRIME);
  }
  return hash >>> 0;
}
