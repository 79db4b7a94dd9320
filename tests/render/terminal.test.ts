// What the terminal can take, decided once for every face: colour, redrawing in place, and ASCII only.
import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/render/ansi.js';
import { asciiOnly, canRedraw, ctypeLocale } from '../../src/render/terminal.js';

describe('colorEnabled: the one colour decision', () => {
  it.each([
    ['nothing set, a terminal', {}, true, true],
    ['nothing set, a pipe', {}, false, false],
    ['nothing set, no stream to ask', {}, undefined, false],
    ['NO_COLOR=1', { NO_COLOR: '1' }, true, false],
    ['NO_COLOR empty (not set, by its convention)', { NO_COLOR: '' }, true, true],
    ['NO_COLOR=1 beats FORCE_COLOR=1', { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false', { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR=FALSE', { FORCE_COLOR: 'FALSE' }, true, false],
    ['FORCE_COLOR=1 on a pipe', { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR empty on a pipe', { FORCE_COLOR: '' }, false, true],
    ['TERM=dumb', { TERM: 'dumb' }, true, false],
    ['TERM=dumb with FORCE_COLOR=1 (asked for)', { TERM: 'dumb', FORCE_COLOR: '1' }, true, true],
    ['TERM=xterm-256color', { TERM: 'xterm-256color' }, true, true],
  ] as const)('%s', (_what, env, otherwise, expected) => {
    expect(colorEnabled(env, otherwise)).toBe(expected);
  });

  it('gives the statusline colour on a pipe unless a switch says no', () => {
    expect(colorEnabled({}, true)).toBe(true);
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }, { TERM: 'dumb' }]) expect(colorEnabled(env, true)).toBe(false);
  });
});

describe('canRedraw: cursor addressing', () => {
  it.each([
    ['xterm-256color', 'linux', true],
    ['screen', 'linux', true],
    ['tmux-256color', 'darwin', true],
    ['vt100', 'linux', true],
    ['an unknown name', 'linux', true],
    ['dumb', 'linux', false],
    ['DUMB', 'linux', false],
    ['dumb-emacs-ansi', 'linux', false],
    ['emacs', 'linux', false],
    ['unknown', 'linux', false],
    ['dumbbell', 'linux', true],
  ] as const)('TERM=%s on %s: %s', (term, platform, expected) => {
    expect(canRedraw({ TERM: term }, platform)).toBe(expected);
  });

  it('takes no TERM (or an empty one) as a terminal nothing describes, except on Windows', () => {
    expect(canRedraw({}, 'linux')).toBe(false);
    expect(canRedraw({ TERM: '' }, 'darwin')).toBe(false);
    expect(canRedraw({ TERM: '  ' }, 'linux')).toBe(false);
    expect(canRedraw({}, 'win32')).toBe(true);
    expect(canRedraw({ TERM: 'dumb' }, 'win32')).toBe(false);
  });
});

describe('asciiOnly: the character set', () => {
  it.each([
    [{ LANG: 'C' }, true],
    [{ LANG: 'POSIX' }, true],
    [{ LANG: 'en_US.ISO-8859-1' }, true],
    [{ LANG: 'en_US' }, true],
    [{ LANG: 'en_US.UTF-8' }, false],
    [{ LANG: 'de_DE.utf8' }, false],
    [{ LANG: 'C.UTF-8' }, false],
    [{ LC_CTYPE: 'UTF-8' }, false],
    // LC_ALL wins over LC_CTYPE, which wins over LANG.
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, true],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'C' }, false],
    [{ LC_CTYPE: 'C', LANG: 'en_US.UTF-8' }, true],
    [{ LC_CTYPE: 'en_US.UTF-8', LANG: 'C' }, false],
    [{ LC_ALL: '', LC_CTYPE: '', LANG: 'C' }, true],
    // Nothing set: nothing says the terminal cannot take UTF-8.
    [{}, false],
    [{ TERM: 'vt100', LANG: 'en_US.UTF-8' }, true],
    [{ TERM: 'vt220' }, true],
    [{ TERM: 'xterm', LANG: 'en_US.UTF-8' }, false],
  ] as const)('%j: %s', (env, expected) => {
    expect(asciiOnly(env, undefined)).toBe(expected);
  });

  it('is asked for with --ascii whatever the locale', () => {
    expect(asciiOnly({ LANG: 'en_US.UTF-8' }, true)).toBe(true);
    expect(asciiOnly({ LANG: 'en_US.UTF-8' }, false)).toBe(false);
  });

  it('reads the first locale variable that is set', () => {
    expect(ctypeLocale({ LC_ALL: '', LC_CTYPE: 'fr_FR.UTF-8', LANG: 'C' })).toBe('fr_FR.UTF-8');
    expect(ctypeLocale({})).toBeUndefined();
  });
});
