// Wyhash, final version 4, as Zig's standard library defines it (std.hash.Wyhash): the public algorithm by
// Wang Yi, written here from its description. The classic roll's `wyhash` seeds come from it, so every
// step below must give Zig's exact 64-bit result; the official vectors (and SMHasher's verification code
// over every length from 0 to 255) are checked in tests/engine/classic-hash.test.ts.
//
// BigInt keeps the 64-bit and 128-bit arithmetic exact and readable; the keys hashed are short (an ID
// and a salt), where this costs about two microseconds each.

const MASK_64 = (1n << 64n) - 1n;

/** The four 64-bit secrets of wyhash final v4 (the default secret of the reference algorithm). */
const SECRET = [0xa0761d6478bd642fn, 0xe7037ed1a0b428dbn, 0x8ebc6af09c88c6e3n, 0x589965cc75374cc3n] as const;

/** The full 128-bit product of two 64-bit words, as its low and high halves. */
function multiply(a: bigint, b: bigint): [bigint, bigint] {
  const product = a * b;
  return [product & MASK_64, product >> 64n];
}

/** wyhash's mixing step: multiply to 128 bits and fold the halves together with xor. */
function mix(a: bigint, b: bigint): bigint {
  const [low, high] = multiply(a, b);
  return low ^ high;
}

/** A little-endian unsigned word of `size` bytes (4 or 8) starting at `at`. */
function readWord(bytes: Uint8Array, at: number, size: 4 | 8): bigint {
  let word = 0n;
  for (let index = size - 1; index >= 0; index--) word = (word << 8n) | BigInt(bytes[at + index] as number);
  return word;
}

/** The 64-bit wyhash of `bytes` with a 64-bit seed. */
export function wyhash(bytes: Uint8Array, seed = 0n): bigint {
  const length = bytes.length;
  let state0 = (seed & MASK_64) ^ mix((seed & MASK_64) ^ SECRET[0], SECRET[1]);
  let a: bigint;
  let b: bigint;
  if (length <= 16) {
    if (length >= 4) {
      // Two overlapping pairs of 4-byte reads cover every key of 4 to 16 bytes.
      const end = length - 4;
      const quarter = (length >> 3) << 2;
      a = (readWord(bytes, 0, 4) << 32n) | readWord(bytes, quarter, 4);
      b = (readWord(bytes, end, 4) << 32n) | readWord(bytes, end - quarter, 4);
    } else if (length > 0) {
      a = (BigInt(bytes[0] as number) << 16n) | (BigInt(bytes[length >> 1] as number) << 8n) | BigInt(bytes[length - 1] as number);
      b = 0n;
    } else {
      a = 0n;
      b = 0n;
    }
  } else {
    let at = 0;
    if (length >= 48) {
      // Three lanes over 48-byte blocks; the last block, even a whole one, is left to the tail below.
      let state1 = state0;
      let state2 = state0;
      while (at + 48 < length) {
        state0 = mix(readWord(bytes, at, 8) ^ SECRET[1], readWord(bytes, at + 8, 8) ^ state0);
        state1 = mix(readWord(bytes, at + 16, 8) ^ SECRET[2], readWord(bytes, at + 24, 8) ^ state1);
        state2 = mix(readWord(bytes, at + 32, 8) ^ SECRET[3], readWord(bytes, at + 40, 8) ^ state2);
        at += 48;
      }
      state0 ^= state1 ^ state2;
    }
    while (at + 16 < length) {
      state0 = mix(readWord(bytes, at, 8) ^ SECRET[1], readWord(bytes, at + 8, 8) ^ state0);
      at += 16;
    }
    // The last 16 bytes of the input, which may overlap what was already mixed.
    a = readWord(bytes, length - 16, 8);
    b = readWord(bytes, length - 8, 8);
  }
  const [low, high] = multiply(a ^ SECRET[1], b ^ state0);
  return mix(low ^ SECRET[0] ^ BigInt(length), high ^ SECRET[1]);
}

const encoder = new TextEncoder();

/**
 * The low 32 bits of wyhash (seed 0) over the UTF-8 bytes of `text`. A lone surrogate, which has no
 * UTF-8 form, is encoded as U+FFFD (EF BF BD), as every WHATWG encoder does.
 */
export function wyhashLow32(text: string): number {
  return Number(wyhash(encoder.encode(text)) & 0xffffffffn);
}
