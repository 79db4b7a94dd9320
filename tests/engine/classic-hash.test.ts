// The classic roll's building blocks against published vectors: wyhash final v4 as Zig's std.hash.Wyhash
// computes it, 32-bit FNV-1a, and mulberry32.
import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../src/engine/fnv1a.js';
import { mulberry32 } from '../../src/engine/mulberry32.js';
import { wyhash, wyhashLow32 } from '../../src/engine/wyhash.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('wyhash (final v4, as std.hash.Wyhash)', () => {
  it('hashes the empty input with seed 0 to 0x0409638ee2bde459', () => {
    expect(wyhash(new Uint8Array(0))).toBe(0x0409638ee2bde459n);
  });

  // The official vectors (seed, input, expected) of the reference algorithm's test_vector.cpp, which
  // Zig's standard library checks too.
  it.each([
    [0n, '', 0x0409638ee2bde459n],
    [1n, 'a', 0xa8412d091b5fe0a9n],
    [2n, 'abc', 0x32dd92e4b2915153n],
    [3n, 'message digest', 0x8619124089a3a16bn],
    [4n, 'abcdefghijklmnopqrstuvwxyz', 0x7a43afb61d7f5f40n],
    [5n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 0xff42329b90e50d58n],
    [6n, '12345678901234567890123456789012345678901234567890123456789012345678901234567890', 0xc39cab13b115aad3n],
  ])('seed %s, %j', (seed, input, expected) => {
    expect(wyhash(bytes(input), seed)).toBe(expected);
  });

  it('gives the SMHasher verification code 0xBD5E840C over every length from 0 to 255', () => {
    // Keys {}, {0}, {0,1}, … {0..254} hashed with seed 256 - length; the 256 results, little-endian,
    // hashed with seed 0; the low 32 bits are the code. Every branch of the algorithm is taken.
    const key = new Uint8Array(256);
    const all = new Uint8Array(256 * 8);
    for (let length = 0; length < 256; length++) {
      key[length] = length;
      let hash = wyhash(key.subarray(0, length), BigInt(256 - length));
      for (let byte = 0; byte < 8; byte++) {
        all[length * 8 + byte] = Number(hash & 0xffn);
        hash >>= 8n;
      }
    }
    expect(wyhash(all) & 0xffffffffn).toBe(0xbd5e840cn);
  });

  it('keeps the low 32 bits of the UTF-8 bytes, seed 0', () => {
    expect(wyhashLow32('')).toBe(0xe2bde459);
    expect(wyhashLow32('')).toBe(Number(0x0409638ee2bde459n & 0xffffffffn));
    expect(wyhashLow32('é')).toBe(Number(wyhash(Uint8Array.of(0xc3, 0xa9)) & 0xffffffffn));
    // A lone surrogate has no UTF-8 form and is hashed as U+FFFD.
    expect(wyhashLow32('\ud800')).toBe(wyhashLow32('\ufffd'));
  });
});

describe('FNV-1a, 32 bits over UTF-16 code units', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j', (input, expected) => {
    expect(fnv1a32(input)).toBe(expected);
  });

  it('reads code units, not bytes: é is one unit, an emoji two', () => {
    expect(fnv1a32('é')).toBe(Math.imul(0x811c9dc5 ^ 0xe9, 16777619) >>> 0);
    expect(fnv1a32('🐢')).not.toBe(fnv1a32('\ufffd'));
  });
});

describe('mulberry32', () => {
  it('returns t / 2^32 in [0, 1) and repeats for the same seed', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);
    const draws = Array.from({ length: 1000 }, () => first());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => second()));
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(draws.every((draw) => Number.isInteger(draw * 2 ** 32))).toBe(true);
  });

  it('draws the standard sequence for seed 0', () => {
    const rng = mulberry32(0);
    expect([rng(), rng(), rng()].map((draw) => draw * 2 ** 32)).toEqual([1144304738, 1416247, 958946056]);
  });
});
