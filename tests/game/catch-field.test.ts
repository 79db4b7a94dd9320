// The field: steps stop at every wall, the start is the middle, the free cells are every cell but the taken.
import { describe, expect, it, vi } from 'vitest';
import { DIRECTIONS, freeCells, sameCell, START_CELL, stepFrom } from '../../src/game/catch/field.js';

describe('the field', () => {
  it('has four directions and starts in the middle', async () => {
    vi.resetModules();
    const field = await import('../../src/game/catch/field.js');
    expect(field.DIRECTIONS).toEqual(['up', 'down', 'left', 'right']);
    expect(field.START_CELL).toEqual({ x: 12, y: 4 });
    // The steps' table is read at load: the freshly loaded module moves each way, and stops at each wall.
    const middle = { x: 5, y: 3 };
    expect(field.stepFrom(middle, 'up')).toEqual({ x: 5, y: 2 });
    expect(field.stepFrom(middle, 'down')).toEqual({ x: 5, y: 4 });
    expect(field.stepFrom(middle, 'left')).toEqual({ x: 4, y: 3 });
    expect(field.stepFrom(middle, 'right')).toEqual({ x: 6, y: 3 });
    expect(field.stepFrom({ x: 0, y: 0 }, 'up')).toEqual({ x: 0, y: 0 });
    expect(field.stepFrom({ x: 0, y: 0 }, 'left')).toEqual({ x: 0, y: 0 });
    expect(DIRECTIONS).toHaveLength(4);
  });

  it('steps one cell each way inside the field', () => {
    const middle = { x: 5, y: 3 };
    expect(stepFrom(middle, 'up')).toEqual({ x: 5, y: 2 });
    expect(stepFrom(middle, 'down')).toEqual({ x: 5, y: 4 });
    expect(stepFrom(middle, 'left')).toEqual({ x: 4, y: 3 });
    expect(stepFrom(middle, 'right')).toEqual({ x: 6, y: 3 });
  });

  it('stops at each wall and hands back the same cell', () => {
    const top = { x: 3, y: 0 };
    const bottom = { x: 3, y: 7 };
    const left = { x: 0, y: 2 };
    const right = { x: 23, y: 2 };
    expect(stepFrom(top, 'up')).toBe(top);
    expect(stepFrom(bottom, 'down')).toBe(bottom);
    expect(stepFrom(left, 'left')).toBe(left);
    expect(stepFrom(right, 'right')).toBe(right);
    // One cell inside each wall still moves onto it.
    expect(stepFrom({ x: 3, y: 1 }, 'up')).toEqual(top);
    expect(stepFrom({ x: 3, y: 6 }, 'down')).toEqual(bottom);
    expect(stepFrom({ x: 1, y: 2 }, 'left')).toEqual(left);
    expect(stepFrom({ x: 22, y: 2 }, 'right')).toEqual(right);
    // A wall stops one way, not the others.
    expect(stepFrom(top, 'down')).toEqual({ x: 3, y: 1 });
    expect(stepFrom(right, 'left')).toEqual({ x: 22, y: 2 });
  });

  it('compares cells by both coordinates', () => {
    expect(sameCell({ x: 1, y: 2 }, { x: 1, y: 2 })).toBe(true);
    expect(sameCell({ x: 1, y: 2 }, { x: 2, y: 2 })).toBe(false);
    expect(sameCell({ x: 1, y: 2 }, { x: 1, y: 3 })).toBe(false);
  });

  it('lists every free cell row by row', () => {
    const all = freeCells([]);
    expect(all).toHaveLength(24 * 8);
    expect(all[0]).toEqual({ x: 0, y: 0 });
    expect(all[1]).toEqual({ x: 1, y: 0 });
    expect(all[24]).toEqual({ x: 0, y: 1 });
    expect(all[all.length - 1]).toEqual({ x: 23, y: 7 });
    const some = freeCells([START_CELL, { x: 0, y: 0 }, { x: 23, y: 7 }]);
    expect(some).toHaveLength(24 * 8 - 3);
    expect(some[0]).toEqual({ x: 1, y: 0 });
    expect(some.some((cell) => sameCell(cell, START_CELL))).toBe(false);
    expect(some[some.length - 1]).toEqual({ x: 22, y: 7 });
    // A taken cell matching only x or only y frees nothing else.
    expect(freeCells([{ x: 0, y: 5 }])).toHaveLength(24 * 8 - 1);
  });
});
