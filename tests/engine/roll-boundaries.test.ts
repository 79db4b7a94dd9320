// Roll v1 pinned where a small change to its tables would show: recorded rolls whose first draw sits just
// under and just over every rarity threshold, and rolls at both ends of every stat band and clamp. The
// expected rolls are literal records (tests/fixtures/roll-v1-boundaries.jsonl), found by searching the IDs
// edge-0 … edge-3999999 with a separate implementation of docs/roll-v1.md, never computed from src/.
import { readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { hashUserId } from '../../src/engine/hash.js';
import { bonesToJson, rollFromUserId } from '../../src/engine/roll.js';

interface BoundaryRecord {
  readonly case: string;
  /** For threshold cases: the threshold of docs/roll-v1.md and the first draw, both as recorded. */
  readonly threshold?: number;
  readonly firstDraw?: number;
  readonly roll: { readonly userId: string; readonly rarity: string } & Record<string, unknown>;
}

const records = readFileSync(new URL('../fixtures/roll-v1-boundaries.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as BoundaryRecord);
const thresholdCases = records.filter((record) => record.threshold !== undefined);

describe('roll v1 at its boundaries', () => {
  it.each(records.map((record) => [record.case, record] as const))('%s rolls exactly as recorded', (_case, record) => {
    expect(bonesToJson(rollFromUserId(record.roll.userId), record.roll.userId)).toBe(JSON.stringify(record.roll));
  });

  it('has a recorded roll on each side of every rarity threshold', () => {
    const sides = thresholdCases.map((record) => `${record.threshold} ${record.firstDraw! < record.threshold! ? 'below' : 'above'} ${record.roll.rarity}`);
    expect(sides).toEqual([
      '0.6 below common', '0.6 above uncommon',
      '0.85 below uncommon', '0.85 above rare',
      '0.95 below rare', '0.95 above epic',
      '0.99 below epic', '0.99 above legendary',
    ]);
  });

  // The records are only worth something if their first draws really are that close: within a
  // millionth, any threshold moved in its third decimal (0.99 to 0.989 or 0.991) flips one of them.
  it.each(thresholdCases.map((record) => [record.case, record] as const))('%s: the first draw is the recorded one, within 1e-6 of it', (_case, record) => {
    const firstDraw = seedrandom(hashUserId(record.roll.userId) + 'friend-2026-401')();
    expect(firstDraw).toBe(record.firstDraw);
    expect(Math.abs(firstDraw - record.threshold!)).toBeLessThan(1e-6);
  });
});
