// The wardrobe's art as data: head items (assets/wardrobe.sprite, one line each, drawn in place of the
// rolled hat) and card accents (assets/accents.sprite, the colours and pattern of a card). Parsed once on
// first use; no unlock rules here, so the statusline can draw a worn item without loading them.
import wardrobeSource from '../../assets/wardrobe.sprite?raw';
import accentsSource from '../../assets/accents.sprite?raw';
import { displayWidth, EYE_PLACEHOLDER, MAX_HAT_WIDTH, splitSections, SpriteFormatError } from './parse.js';

export const WARDROBE_FILE = 'assets/wardrobe.sprite';
export const ACCENTS_FILE = 'assets/accents.sprite';
export const WARDROBE_SOURCE: string = wardrobeSource;
export const ACCENTS_SOURCE: string = accentsSource;

export const PATTERNS = ['plain', 'dots', 'stripes', 'confetti'] as const;
export type Pattern = (typeof PATTERNS)[number];

export interface CardAccent {
  /** The accent colour, `#rrggbb`. */
  readonly ink: string;
  /** The card's background, `#rrggbb`. */
  readonly paper: string;
  readonly pattern: Pattern;
  /** The terminal colour of the name on the text card (an ANSI SGR foreground code). */
  readonly term: number;
}

const PRINTABLE_ASCII = /^[\x21-\x7e][\x20-\x7e]*$/;

/** Head items: id → the one line drawn on the top line. Plain ASCII, no eye placeholder, at most MAX_HAT_WIDTH columns. */
export function parseHeadItems(source: string, file: string): ReadonlyMap<string, string> {
  const items = new Map<string, string>();
  for (const [id, lines] of splitSections(source, file).frames) {
    const line = lines[0];
    if (lines.length !== 1 || line === undefined) throw new SpriteFormatError(`${file}: item '${id}' must be exactly one line`);
    if (!PRINTABLE_ASCII.test(line)) throw new SpriteFormatError(`${file}: item '${id}' must be plain ASCII, starting with a mark`);
    if (displayWidth(line) > MAX_HAT_WIDTH) throw new SpriteFormatError(`${file}: item '${id}' must be 1 to ${MAX_HAT_WIDTH} columns`);
    if (line.includes(EYE_PLACEHOLDER)) throw new SpriteFormatError(`${file}: item '${id}' uses '${EYE_PLACEHOLDER}', the eye placeholder`);
    items.set(id, line);
  }
  return items;
}

const HEX = /^#[0-9a-f]{6}$/;
const ACCENT_LINE = /^(ink|paper|pattern|term): (\S+)$/;
const TERM_CODES = /^(3[1-7]|9[1-7])$/;

/** Card accents: id → colours and pattern, each key once, every key given. */
export function parseAccents(source: string, file: string): ReadonlyMap<string, CardAccent> {
  const accents = new Map<string, CardAccent>();
  for (const [id, lines] of splitSections(source, file).frames) {
    const keys = new Map<string, string>();
    for (const line of lines) {
      const match = ACCENT_LINE.exec(line);
      if (!match) throw new SpriteFormatError(`${file}: accent '${id}': expected 'ink|paper|pattern|term: value', got '${line}'`);
      if (keys.has(match[1] as string)) throw new SpriteFormatError(`${file}: accent '${id}' gives '${match[1]}' twice`);
      keys.set(match[1] as string, match[2] as string);
    }
    const [ink, paper, pattern, term] = ['ink', 'paper', 'pattern', 'term'].map((key) => keys.get(key) ?? '');
    if (!HEX.test(ink!) || !HEX.test(paper!)) throw new SpriteFormatError(`${file}: accent '${id}' needs ink and paper as #rrggbb`);
    const known = PATTERNS.find((name) => name === pattern);
    if (!known) throw new SpriteFormatError(`${file}: accent '${id}' needs a pattern (${PATTERNS.join(', ')})`);
    if (!TERM_CODES.test(term!)) throw new SpriteFormatError(`${file}: accent '${id}' needs term, an SGR code 31-37 or 91-97`);
    accents.set(id, { ink: ink!, paper: paper!, pattern: known, term: Number(term) });
  }
  return accents;
}

let heads: ReadonlyMap<string, string> | undefined;
let accents: ReadonlyMap<string, CardAccent> | undefined;

export function headItemArt(): ReadonlyMap<string, string> {
  heads ??= parseHeadItems(WARDROBE_SOURCE, WARDROBE_FILE);
  return heads;
}

export function cardAccents(): ReadonlyMap<string, CardAccent> {
  accents ??= parseAccents(ACCENTS_SOURCE, ACCENTS_FILE);
  return accents;
}

/** The art line of a worn head item, or undefined (nothing worn, or an id with no art). */
export function wornHeadArt(id: string | undefined): string | undefined {
  return id === undefined ? undefined : headItemArt().get(id);
}

/** The accent of a worn card item, or undefined. */
export function wornAccent(id: string | undefined): CardAccent | undefined {
  return id === undefined ? undefined : cardAccents().get(id);
}
