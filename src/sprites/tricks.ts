// Tricks as choreography (assets/tricks.sprite, docs/tricks.md): each trick is a list of steps, and each
// step names one of the species' own frames plus what to do with it (mirror it, turn it upside down, move
// it a few columns or a line, close its eyes) and small props drawn on free cells (balls, notes, z's,
// stars). The same steps fit every species, so all of them, and any added later, perform every trick in
// their own art. Every step keeps the frame's size: moves go only as far as blank space allows, so no art
// is ever cut and nothing on screen jumps. Pure string work; which tricks exist is the game's (game/tricks.ts).
import tricksSource from '../../assets/tricks.sprite?raw';
import { TICK_MS } from './animation.js';
import { displayWidth, EYE_PLACEHOLDER, FRAME_HEIGHT, POSES, splitSections, SpriteFormatError } from './parse.js';

export const TRICKS_FILE = 'assets/tricks.sprite';
export const TRICKS_SOURCE: string = tricksSource;
/** The fewest and most steps a trick may have: long enough to read, short enough to wait for. */
export const MIN_STEPS = 4;
export const MAX_STEPS = 16;
/** The highest idle frame a step may name: every species has idle-0 to idle-2. */
export const MAX_IDLE_FRAME = 2;

/** A frame of the species: an idle frame by index, or a pose. */
export type StepFrame = { readonly kind: 'idle'; readonly index: number } | { readonly kind: 'pose'; readonly pose: (typeof POSES)[number] };

export type Anchor = 'left' | 'head' | 'right';

/** A small prop drawn on free cells: `text` starting at `row`, at a column counted from an anchor. */
export interface Prop {
  readonly text: string;
  readonly row: number;
  readonly anchor: Anchor;
  readonly offset: number;
}

export type Move =
  | { readonly kind: 'mirror' }
  | { readonly kind: 'flip' }
  /** Columns to the right (negative: to the left). */
  | { readonly kind: 'shift'; readonly columns: number }
  /** Lines down (negative: up). */
  | { readonly kind: 'hop'; readonly lines: number };

export interface Step {
  readonly frame: StepFrame;
  readonly blink: boolean;
  /** Applied in the order written. */
  readonly moves: readonly Move[];
  readonly props: readonly Prop[];
}

export interface Choreography {
  readonly id: string;
  readonly steps: readonly Step[];
  /** How long each step shows. */
  readonly stepMs: number;
  /** The step shown, still, when motion is off. */
  readonly key: number;
}

/** Characters that face the other way in a mirror. */
const MIRRORED: Readonly<Record<string, string>> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '/': '\\', '\\': '/', b: 'd', d: 'b', p: 'q', q: 'p' };
/** Characters that look the other way up. */
const FLIPPED: Readonly<Record<string, string>> = { '/': '\\', '\\': '/', '^': 'v', v: '^', n: 'u', u: 'n', M: 'W', W: 'M', "'": '.', '.': "'", '`': ',', ',': '`' };

const PROP = /^(\S+?)@(\d+):(left|head|right)([+-]\d+)?$/;
const SETTING = /^(ms|key):\s*(\d+)$/;

function parseFrame(word: string, where: string): StepFrame {
  const idle = /^idle-(\d+)$/.exec(word);
  if (idle) {
    const index = Number(idle[1]);
    if (index > MAX_IDLE_FRAME) throw new SpriteFormatError(`${where}: idle-${index}: a trick may use idle-0 to idle-${MAX_IDLE_FRAME} (every species has those)`);
    return { kind: 'idle', index };
  }
  const pose = POSES.find((candidate) => candidate === word);
  if (!pose) throw new SpriteFormatError(`${where}: '${word}' is no frame (idle-0 to idle-${MAX_IDLE_FRAME}, ${POSES.join(', ')})`);
  return { kind: 'pose', pose };
}

function parseProp(word: string, where: string): Prop | undefined {
  const match = PROP.exec(word);
  if (!match) return undefined;
  const text = match[1] as string;
  const row = Number(match[2]);
  if (row >= FRAME_HEIGHT) throw new SpriteFormatError(`${where}: prop '${word}' is on row ${row}; rows go from 0 to ${FRAME_HEIGHT - 1}`);
  if ([...text].some((character) => displayWidth(character) !== 1)) throw new SpriteFormatError(`${where}: prop '${word}' has a character that is not one column wide`);
  if (text.includes(EYE_PLACEHOLDER)) throw new SpriteFormatError(`${where}: prop '${word}' uses '${EYE_PLACEHOLDER}', the eye placeholder`);
  return { text, row, anchor: match[3] as Anchor, offset: Number(match[4] ?? 0) };
}

/** `FRAME [blink] [mirror] [flip] [left N] [right N] [up N] [down N] [TEXT@ROW:ANCHOR±N …]` */
export function parseStep(line: string, where: string): Step {
  const [first = '', ...words] = line.trim().split(/\s+/);
  const frame = parseFrame(first, where);
  const moves: Move[] = [];
  const props: Prop[] = [];
  let blink = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (word === 'blink') blink = true;
    else if (word === 'mirror' || word === 'flip') moves.push({ kind: word });
    else if (word === 'left' || word === 'right' || word === 'up' || word === 'down') {
      const amount = words[index + 1];
      if (amount === undefined || !/^[1-9]\d?$/.test(amount)) throw new SpriteFormatError(`${where}: '${word}' needs a number of ${word === 'up' || word === 'down' ? 'lines' : 'columns'} after it`);
      index++;
      const sign = word === 'left' || word === 'up' ? -1 : 1;
      moves.push(word === 'left' || word === 'right' ? { kind: 'shift', columns: sign * Number(amount) } : { kind: 'hop', lines: sign * Number(amount) });
    } else {
      const prop = parseProp(word, where);
      if (!prop) throw new SpriteFormatError(`${where}: '${word}' is no move (blink, mirror, flip, left N, right N, up N, down N) and no prop (TEXT@ROW:left|head|right±N)`);
      props.push(prop);
    }
  }
  if (blink && frame.kind !== 'idle') throw new SpriteFormatError(`${where}: blink closes the eyes of an idle frame only (the poses draw their own)`);
  return { frame, blink, moves, props };
}

export function parseTricks(source: string, file: string): ReadonlyMap<string, Choreography> {
  const { frames } = splitSections(source, file);
  const tricks = new Map<string, Choreography>();
  for (const [id, lines] of frames) {
    const where = `${file}: trick '${id}'`;
    const steps: Step[] = [];
    let stepMs = TICK_MS;
    let key = 0;
    for (const line of lines) {
      if (line.trim() === '') continue;
      const setting = SETTING.exec(line.trim());
      if (setting) {
        if (setting[1] === 'ms') stepMs = Number(setting[2]);
        else key = Number(setting[2]);
        continue;
      }
      steps.push(parseStep(line, `${where} step ${steps.length + 1}`));
    }
    if (steps.length < MIN_STEPS || steps.length > MAX_STEPS) throw new SpriteFormatError(`${where} has ${steps.length} steps; a trick takes ${MIN_STEPS} to ${MAX_STEPS}`);
    if (stepMs < 100 || stepMs > 2_000) throw new SpriteFormatError(`${where}: ms must be from 100 to 2000`);
    if (key >= steps.length) throw new SpriteFormatError(`${where}: key ${key} is no step (0 to ${steps.length - 1})`);
    tricks.set(id, { id, steps, stepMs, key });
  }
  return tricks;
}

let parsed: ReadonlyMap<string, Choreography> | undefined;

/** Every trick's choreography, parsed once. */
export function choreographies(): ReadonlyMap<string, Choreography> {
  parsed ??= parseTricks(TRICKS_SOURCE, TRICKS_FILE);
  return parsed;
}

export function choreographyOf(id: string): Choreography | undefined {
  return choreographies().get(id);
}

/** How long a trick lasts on screen. */
export function trickDurationMs(choreography: Choreography): number {
  return choreography.steps.length * choreography.stepMs;
}

// Moving art: lines are handled as arrays of one-column characters, so a glyph beyond ASCII moves whole.

function cells(lines: readonly string[]): string[][] {
  return lines.map((line) => [...line]);
}

const isBlank = (row: readonly string[]): boolean => row.every((character) => character === ' ');

function leadingBlanks(row: readonly string[]): number {
  const first = row.findIndex((character) => character !== ' ');
  return first === -1 ? row.length : first;
}

function trailingBlanks(row: readonly string[]): number {
  return leadingBlanks([...row].reverse());
}

/** Where the head is, followed through the moves so that props at `head` stay over it. */
interface Drawn {
  readonly grid: string[][];
  readonly head: number;
}

function mirror({ grid, head }: Drawn, width: number): Drawn {
  return { grid: grid.map((row) => [...row].reverse().map((character) => MIRRORED[character] ?? character)), head: width - 1 - head };
}

function flip({ grid, head }: Drawn): Drawn {
  return { grid: [...grid].reverse().map((row) => row.map((character) => FLIPPED[character] ?? character)), head };
}

/** As many columns as every line has blank on that side, at most `columns`. */
function shift({ grid, head }: Drawn, columns: number): Drawn {
  const room = Math.min(...grid.map((row) => (columns > 0 ? trailingBlanks(row) : leadingBlanks(row))));
  const by = Math.min(Math.abs(columns), room);
  if (by === 0) return { grid, head };
  const moved = grid.map((row) => (columns > 0 ? [...Array<string>(by).fill(' '), ...row.slice(0, row.length - by)] : [...row.slice(by), ...Array<string>(by).fill(' ')]));
  return { grid: moved, head: head + Math.sign(columns) * by };
}

/** As many lines as are blank on that side, at most `lines`. */
function hop({ grid, head }: Drawn, lines: number): Drawn {
  const ordered = lines > 0 ? [...grid].reverse() : grid;
  const blankRows = ordered.findIndex((row) => !isBlank(row));
  const by = Math.min(Math.abs(lines), blankRows === -1 ? grid.length : blankRows);
  if (by === 0) return { grid, head };
  const blank = (): string[] => Array<string>((grid[0] as string[]).length).fill(' ');
  const moved = lines > 0 ? [...Array.from({ length: by }, blank), ...grid.slice(0, grid.length - by)] : [...grid.slice(by), ...Array.from({ length: by }, blank)];
  return { grid: moved, head };
}

/** Draws a prop's characters on the cells that are blank (never over the art), inside the frame. */
function place(grid: string[][], prop: Prop, head: number, width: number): void {
  const row = grid[prop.row] as string[];
  const start = (prop.anchor === 'left' ? 0 : prop.anchor === 'right' ? width - 1 : head) + prop.offset;
  [...prop.text].forEach((character, index) => {
    const column = start + index;
    if (column >= 0 && column < width && row[column] === ' ') row[column] = character;
  });
}

/**
 * A step drawn from its frame as composed (eyes, hat and sparkles in place, `lines` of equal width):
 * the moves in order, then the props. The result has the same size as `lines`.
 */
export function performStep(lines: readonly string[], step: Step, headColumn: number): string[] {
  const width = Math.max(...lines.map(displayWidth));
  let drawn: Drawn = { grid: cells(lines.map((line) => line + ' '.repeat(width - displayWidth(line)))), head: headColumn };
  for (const move of step.moves) {
    if (move.kind === 'mirror') drawn = mirror(drawn, width);
    else if (move.kind === 'flip') drawn = flip(drawn);
    else if (move.kind === 'shift') drawn = shift(drawn, move.columns);
    else drawn = hop(drawn, move.lines);
  }
  for (const prop of step.props) place(drawn.grid, prop, drawn.head, width);
  return drawn.grid.map((row) => row.join(''));
}
