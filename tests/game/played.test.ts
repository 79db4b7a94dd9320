// The `played` event: its line round trip and refusals, and the fold: rounds counted, the best of each
// mode kept, XP from the score under the play category's hourly cap and the 24-hour cap, rounds dated
// before the hatch or beyond the clock refused, and an id counted once.
import { describe, expect, it } from 'vitest';
import { hourIndex, HOUR_MS, MINUTE_MS } from '../../src/game/clock.js';
import { formatEventLine, parseEventLines, type GameEvent } from '../../src/game/events.js';
import { foldGrowth, type FoldOptions } from '../../src/game/fold.js';
import { initialGrowth, XP_CATEGORIES, type GrowthState } from '../../src/game/state.js';
import { DAILY_CAP, HOURLY_CAP, XP_AWARD, xpFor } from '../../src/game/xp.js';
import { at, START } from './simulate.js';

const ON: FoldOptions = { careOn: true, shiny: false };
const fresh = (): GrowthState => initialGrowth(START, START);
const clock = (now: number) => ({ now, offsetMinutes: 0 });
const played = (when: number, score: number, mode: 'live' | 'turns' = 'live', id?: string): GameEvent => ({
  kind: 'played',
  at: when,
  offsetMinutes: 0,
  score,
  mode,
  ...(id === undefined ? {} : { id }),
});

describe('the played line', () => {
  it('writes the score and the mode and reads them back', () => {
    const round = played(1_700_000_000_000, 14, 'live');
    const line = formatEventLine(round);
    expect(line).toBe('{"k":"played","at":1700000000000,"tz":0,"n":14,"m":"live"}\n');
    expect(parseEventLines(line)).toEqual([round]);
    const turns = played(1_700_000_000_000, 0, 'turns', 'r1');
    expect(formatEventLine(turns)).toBe('{"k":"played","at":1700000000000,"tz":0,"id":"r1","n":0,"m":"turns"}\n');
    expect(parseEventLines(formatEventLine(turns))).toEqual([turns]);
    expect(parseEventLines('{"k":"played","at":5,"tz":0,"n":99,"m":"turns"}')).toEqual([played(5, 99, 'turns')]);
  });

  it('other kinds carry no score or mode', () => {
    expect(formatEventLine({ kind: 'pet', at: 5, offsetMinutes: 0 })).toBe('{"k":"pet","at":5,"tz":0}\n');
    expect(parseEventLines('{"k":"pet","at":5,"tz":0,"n":3,"m":"live"}')).toEqual([{ kind: 'pet', at: 5, offsetMinutes: 0 }]);
  });

  it('refuses a score a round cannot reach, a missing mode and an unknown one', () => {
    for (const bad of [
      '{"k":"played","at":5,"tz":0,"n":-1,"m":"live"}',
      '{"k":"played","at":5,"tz":0,"n":100,"m":"live"}',
      '{"k":"played","at":5,"tz":0,"n":2.5,"m":"live"}',
      '{"k":"played","at":5,"tz":0,"n":"3","m":"live"}',
      '{"k":"played","at":5,"tz":0,"m":"live"}',
      '{"k":"played","at":5,"tz":0,"n":3}',
      '{"k":"played","at":5,"tz":0,"n":3,"m":"fast"}',
      '{"k":"played","at":5,"tz":0,"n":3,"m":null}',
    ]) {
      expect(parseEventLines(bad), bad).toEqual([]);
    }
  });
});

describe('the play category', () => {
  it('has a 30 XP hourly cap: two good rounds', () => {
    expect(HOURLY_CAP.play).toBe(30);
    expect(XP_CATEGORIES).toContain('play');
    expect(XP_AWARD.played).toEqual({ category: 'play', xp: 0 });
    expect(xpFor({ kind: 'played', score: 14 })).toBe(12);
    expect(xpFor({ kind: 'played', score: 0 })).toBe(0);
    expect(xpFor({ kind: 'played' })).toBe(0);
    expect(xpFor({ kind: 'feed' })).toBe(5);
  });
});

describe('a round in the fold', () => {
  const noon = at(3, 12, 0);

  it('counts rounds and keeps the best of each mode, never lowering it', () => {
    const events = [played(noon, 14, 'live'), played(noon + MINUTE_MS, 9, 'turns'), played(noon + 2 * MINUTE_MS, 3, 'live'), played(noon + 3 * MINUTE_MS, 0, 'turns')];
    const { state } = foldGrowth(fresh(), events, clock(noon + HOUR_MS), ON);
    expect(state.play).toEqual({ rounds: 4, best: { live: 14, turns: 9 } });
    expect(fresh().play).toBeUndefined();
  });

  it('earns playXp for a round', () => {
    expect(foldGrowth(fresh(), [played(noon, 14)], clock(noon), ON).state.xp).toBe(12);
    expect(foldGrowth(fresh(), [played(noon, 0)], clock(noon), ON).state.xp).toBe(0);
    expect(foldGrowth(fresh(), [played(noon, 1)], clock(noon), ON).state.xp).toBe(5);
  });

  it('many rounds in an hour earn at most the hourly cap; the next hour earns again', () => {
    const hour = at(3, 12, 0);
    const rounds = [0, 5, 10, 15, 20].map((minute) => played(hour + minute * MINUTE_MS, 40));
    const result = foldGrowth(fresh(), rounds, clock(hour + HOUR_MS), ON);
    expect(result.state.xp).toBe(30);
    expect(result.state.play?.rounds).toBe(5);
    expect(result.capped.map((c) => c.limit)).toEqual(['hour', 'hour', 'hour']);
    const next = foldGrowth(result.state, [played(hour + HOUR_MS, 40)], clock(hour + HOUR_MS), ON);
    expect(next.state.xp).toBe(45);
  });

  it('counts toward the 24-hour cap', () => {
    const hour = hourIndex(noon);
    const nearlyFull: GrowthState = { ...fresh(), earned: [{ hour: hour - 1, category: 'coding', xp: DAILY_CAP - 7 }] };
    const result = foldGrowth(nearlyFull, [played(noon, 40), played(noon + MINUTE_MS, 40)], clock(noon + HOUR_MS), ON);
    expect(result.state.xp).toBe(7);
    expect(result.capped.map((c) => c.limit)).toEqual(['day', 'day']);
    // Rounds alone, hour after hour, stop at the 24-hour cap too.
    const rounds: GameEvent[] = [];
    for (let h = 0; h < 24; h++) rounds.push(played(noon + h * HOUR_MS, 40), played(noon + h * HOUR_MS + MINUTE_MS, 40));
    const day = foldGrowth(fresh(), rounds, clock(noon + 24 * HOUR_MS), ON);
    expect(day.state.xp).toBe(DAILY_CAP);
  });

  it('refuses a round before the hatch or beyond the clock', () => {
    const before = foldGrowth(fresh(), [played(START - 1, 14)], clock(noon), ON);
    expect(before.turnedAway.map((t) => t.why)).toEqual(['beforeHatch']);
    expect(before.state.play).toBeUndefined();
    expect(before.state.xp).toBe(0);
    const future = foldGrowth(fresh(), [played(noon + HOUR_MS, 14)], clock(noon), ON);
    expect(future.turnedAway.map((t) => t.why)).toEqual(['future']);
    expect(future.state.play).toBeUndefined();
    const atHatch = foldGrowth(fresh(), [played(START, 14)], clock(noon), ON);
    expect(atHatch.state.play?.rounds).toBe(1);
  });

  it('counts a round with an id once', () => {
    const twice = [played(noon, 14, 'live', 'round-1'), played(noon, 14, 'live', 'round-1')];
    const { state } = foldGrowth(fresh(), twice, clock(noon), ON);
    expect(state.play).toEqual({ rounds: 1, best: { live: 14, turns: 0 } });
    expect(state.xp).toBe(12);
  });
});
