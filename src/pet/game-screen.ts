// The mini-game's screen for a moment, as styled lines that fit the terminal (as screen.ts does for the
// pet): a title with the score and what is left, the fixed field in a frame, and the keys. A window too
// small for the field shows why the round is paused and the size it needs instead. Pure: the pet's Ink
// screen prints these lines.
import type { Palette } from '../render/ansi.js';
import { asciiLines } from '../render/ascii.js';
import { isRoundOver, roundLeft, type CatchRound } from '../game/catch/round.js';
import { FIELD_HEIGHT, FIELD_WIDTH } from '../game/catch/rules.js';
import { truncateToWidth, wrapWords } from '../text/wrap.js';

export const PLAYER_MARK = '@';
export const BUG_MARK = '*';
export const GOLDEN_BUG_MARK = '$';
const EMPTY_MARK = '.';
const BUG_SGR = 32;
const GOLDEN_SGR = 93;

export const GAME_FOOTER = 'hjkl or arrows move · q ends';
/** The frame around the field, the title above it and the keys below: the smallest window that holds them. */
export const GAME_MIN_COLUMNS = FIELD_WIDTH + 2;
export const GAME_MIN_ROWS = FIELD_HEIGHT + 2 + 2 + 1;

/** Whether a window holds the whole game (the pet's frame leaves the last row free, as screen.ts does). */
export function gameFits(columns: number, rows: number): boolean {
  return columns >= GAME_MIN_COLUMNS && rows >= GAME_MIN_ROWS;
}

export interface GameScreenInput {
  readonly round: CatchRound;
  readonly columns: number;
  readonly rows: number;
  readonly palette: Palette;
}

export function composeGameScreen(input: GameScreenInput): string[] {
  const lines = gameFits(input.columns, input.rows) ? playingLines(input) : pausedLines(input);
  return input.palette.ascii ? asciiLines(lines) : lines;
}

/** What the screen shows of a round (its seconds, not its milliseconds): equal keys draw the same lines. */
export function gameViewKey(round: CatchRound): string {
  const left = round.mode === 'live' ? Math.ceil(roundLeft(round) / 1000) : roundLeft(round);
  return JSON.stringify([round.player, round.bugs, round.score, left, round.paused]);
}

/** `score 7 · 32 s left` or `score 7 · 28 moves left`. */
export function gameTitle(round: CatchRound): string {
  const left = roundLeft(round);
  const what = round.mode === 'live' ? `${Math.ceil(left / 1000)} s left` : `${left} ${left === 1 ? 'move' : 'moves'} left`;
  return `Catch the bug! score ${round.score} · ${isRoundOver(round) ? 'over' : what}`;
}

/** The field's rows, each cell one column: the player, the bugs, the empty ground. */
export function fieldRows(round: CatchRound, palette: Palette): string[] {
  const rows: string[] = [];
  for (let y = 0; y < FIELD_HEIGHT; y++) {
    let row = '';
    for (let x = 0; x < FIELD_WIDTH; x++) {
      const bug = round.bugs.find((candidate) => candidate.x === x && candidate.y === y);
      if (round.player.x === x && round.player.y === y) row += palette.bold(PLAYER_MARK);
      else if (bug) row += bug.golden ? palette.color(GOLDEN_SGR)(GOLDEN_BUG_MARK) : palette.color(BUG_SGR)(BUG_MARK);
      else row += palette.dim(EMPTY_MARK);
    }
    rows.push(row);
  }
  return rows;
}

function playingLines({ round, columns, palette }: GameScreenInput): string[] {
  const rule = `+${'-'.repeat(FIELD_WIDTH)}+`;
  return [
    palette.bold(truncateToWidth(gameTitle(round), columns)),
    rule,
    ...fieldRows(round, palette).map((row) => `|${row}|`),
    rule,
    palette.dim(truncateToWidth(GAME_FOOTER, columns)),
  ];
}

/** Why nothing moves, in as much of the window as there is (at least its first words). */
function pausedLines({ columns, rows, palette }: GameScreenInput): string[] {
  const text = `Paused: the game needs ${GAME_MIN_COLUMNS}×${GAME_MIN_ROWS}, this window is ${columns}×${rows}. q ends.`;
  const budget = Math.max(1, rows - 1);
  const width = Math.max(1, columns);
  return wrapWords(text, width)
    .slice(0, budget)
    .map((line) => palette.dim(truncateToWidth(line, width)));
}
