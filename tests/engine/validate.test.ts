// Roll inputs are checked before any roll, each failure with one sentence the CLI prints as it is.
import { describe, expect, it } from 'vitest';
import { validateIdHash, validateSalt, validateUserId } from '../../src/engine/validate.js';

const CONTROLS = ['\u0000', '\u0009', '\u000a', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009b', '\u009f'];
const PRINTABLE_NEIGHBOURS = ['\u0020', '\u007e', '\u00a0', 'é', '😀'];

describe('validateUserId', () => {
  it('accepts IDs from 1 to 1024 characters', () => {
    expect(validateUserId('a')).toEqual({ ok: true });
    expect(validateUserId('x'.repeat(1024))).toEqual({ ok: true });
  });

  it('refuses an empty ID and one of 1025 characters', () => {
    expect(validateUserId('')).toEqual({ ok: false, reason: 'user ID is empty' });
    expect(validateUserId('x'.repeat(1025))).toEqual({ ok: false, reason: 'user ID is longer than 1024 characters' });
  });

  it.each(CONTROLS.map((control) => [JSON.stringify(control), control]))('refuses the control character %s anywhere', (_label, control) => {
    for (const id of [`${control}id`, `an${control}id`, `id${control}`]) {
      expect(validateUserId(id)).toEqual({ ok: false, reason: 'user ID contains control characters' });
    }
  });

  it.each(PRINTABLE_NEIGHBOURS)('accepts the printable character %j', (character) => {
    expect(validateUserId(`id${character}id`)).toEqual({ ok: true });
  });
});

describe('validateIdHash', () => {
  const hash = '32f35a91e82b6ca6153c4ee94025a8defc62b45c742d78e53d596183fdae5781';
  const reason = 'hash must be 64 lowercase hex characters (a SHA-256 of the user ID)';

  it('accepts 64 lowercase hex characters', () => {
    expect(validateIdHash(hash)).toEqual({ ok: true });
  });

  it.each([
    ['63 characters', hash.slice(1)],
    ['65 characters', `${hash}0`],
    ['upper case', hash.toUpperCase()],
    ['a letter past f', `g${hash.slice(1)}`],
    ['a prefix', `0x${hash}`],
    ['a trailing newline', `${hash}\n`],
    ['nothing', ''],
  ])('refuses %s', (_label, candidate) => {
    expect(validateIdHash(candidate)).toEqual({ ok: false, reason });
  });
});

describe('validateSalt', () => {
  it('accepts an empty salt and one of 256 characters', () => {
    expect(validateSalt('')).toEqual({ ok: true });
    expect(validateSalt('s'.repeat(256))).toEqual({ ok: true });
  });

  it('refuses a salt of 257 characters', () => {
    expect(validateSalt('s'.repeat(257))).toEqual({ ok: false, reason: 'salt is longer than 256 characters' });
  });

  it.each(CONTROLS.map((control) => [JSON.stringify(control), control]))('refuses the control character %s', (_label, control) => {
    expect(validateSalt(`salt${control}`)).toEqual({ ok: false, reason: 'salt contains control characters' });
  });

  it.each(PRINTABLE_NEIGHBOURS)('accepts the printable character %j', (character) => {
    expect(validateSalt(`salt${character}`)).toEqual({ ok: true });
  });
});
