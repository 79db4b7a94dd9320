// Where things are on the field: cells, the four moves (a wall stops them), and the free cells a new
// bug may land on. Pure.
import { FIELD_HEIGHT, FIELD_WIDTH } from './rules.js';

export interface Cell {
  readonly x: number;
  readonly y: number;
}

export const DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const STEP: Readonly<Record<Direction, Cell>> = {
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

/** The player's first cell: the middle of the field. */
export const START_CELL: Cell = { x: Math.floor(FIELD_WIDTH / 2), y: Math.floor(FIELD_HEIGHT / 2) };

export function sameCell(a: Cell, b: Cell): boolean {
  return a.x === b.x && a.y === b.y;
}

/** One step in a direction; at a wall, the same cell. */
export function stepFrom(cell: Cell, direction: Direction): Cell {
  const step = STEP[direction];
  const x = Math.min(FIELD_WIDTH - 1, Math.max(0, cell.x + step.x));
  const y = Math.min(FIELD_HEIGHT - 1, Math.max(0, cell.y + step.y));
  return x === cell.x && y === cell.y ? cell : { x, y };
}

/** Every cell none of `taken` holds, row by row. */
export function freeCells(taken: readonly Cell[]): Cell[] {
  const cells: Cell[] = [];
  for (let y = 0; y < FIELD_HEIGHT; y++) {
    for (let x = 0; x < FIELD_WIDTH; x++) {
      if (!taken.some((cell) => cell.x === x && cell.y === y)) cells.push({ x, y });
    }
  }
  return cells;
}
