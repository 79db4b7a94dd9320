// Minimal ANSI styling with the usual switches, and the one decision of whether to colour at all, which every
// face (the pet, printed cards and lists, the statusline) takes from colorEnabled. No dependency, so fast
// paths stay light.
import type { Rarity } from '../engine/constants.js';

export type Style = (text: string) => string;

export interface Palette {
  readonly enabled: boolean;
  /** Draw in ASCII only (a locale without UTF-8, a vt100, --ascii): see ascii.ts. */
  readonly ascii: boolean;
  readonly bold: Style;
  readonly dim: Style;
  readonly italic: Style;
  readonly inverse: Style;
  readonly rarity: (rarity: Rarity) => Style;
  readonly color: (code: number) => Style;
}

/**
 * Whether to colour: NO_COLOR (set and not empty) turns colour off, FORCE_COLOR=0 or false turns it off and
 * any other FORCE_COLOR on, TERM=dumb turns it off; with none of them, `otherwise` decides: whether the
 * stream is a terminal, or for the statusline true (its hosts show colour on a pipe).
 */
export function colorEnabled(env: NodeJS.ProcessEnv, otherwise: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
  if ((env.TERM ?? '').trim().toLowerCase() === 'dumb') return false;
  return Boolean(otherwise);
}

/** 16-colour SGR codes, readable on dark and light themes alike. */
export const RARITY_SGR: Readonly<Record<Rarity, number>> = {
  common: 37,
  uncommon: 32,
  rare: 34,
  epic: 35,
  legendary: 33,
};

/** The same colours by name, for Ink's `color` prop. */
export const RARITY_COLOR_NAME: Readonly<Record<Rarity, string>> = {
  common: 'white',
  uncommon: 'green',
  rare: 'blue',
  epic: 'magenta',
  legendary: 'yellow',
};

function sgr(open: number, close: number): Style {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity: Style = (text) => text;

export function makePalette(enabled: boolean, ascii = false): Palette {
  if (!enabled) {
    return { enabled, ascii, bold: identity, dim: identity, italic: identity, inverse: identity, rarity: () => identity, color: () => identity };
  }
  return {
    enabled,
    ascii,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    italic: sgr(3, 23),
    inverse: sgr(7, 27),
    rarity: (rarity) => sgr(RARITY_SGR[rarity], 39),
    color: (code) => sgr(code, 39),
  };
}
