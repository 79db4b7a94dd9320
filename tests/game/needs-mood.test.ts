// Needs and mood at their edges: energy through the local day, a snack, and each mood's window and
// threshold on both sides (docs/growth.md, "Needs" and "Mood").
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/game/clock.js';
import { moodOf } from '../../src/game/mood.js';
import { energyAt, FULL, fullnessAfter, snack } from '../../src/game/needs.js';
import { initialGrowth, type GrowthState } from '../../src/game/state.js';
import { at, START } from './simulate.js';

const clock = (now: number, offsetMinutes = 0) => ({ now, offsetMinutes });

describe('energy through the local day', () => {
  it('is lowest around 4 a.m., highest late in the morning and the afternoon, on the hour', () => {
    const hourly = Array.from({ length: 24 }, (_, hour) => energyAt(at(0, hour, 0), 0));
    expect(hourly).toEqual([35, 27.5, 20, 17.5, 15, 22.5, 30, 50, 70, 82.5, 95, 91.25, 87.5, 83.75, 80, 87.5, 95, 90, 85, 80, 70, 60, 52.5, 45]);
  });

  it('changes smoothly between the hours, into the next midnight', () => {
    expect(energyAt(at(0, 23, 30), 0)).toBe(40);
    expect(energyAt(at(0, 23, 59), 0)).toBeCloseTo(35 + 10 / 60, 10);
    expect(energyAt(at(0, 0, 30), 0)).toBe(31.25);
    expect(energyAt(at(0, 15, 30), 0)).toBe(91.25);
  });

  it('reads the hour in the zone it is given', () => {
    const tokyo = 9 * 60;
    expect(energyAt(at(0, 4, 0, tokyo), tokyo)).toBe(15);
    // 4 a.m. in Tokyo is 7 p.m. UTC.
    expect(energyAt(at(0, 4, 0, tokyo), 0)).toBe(80);
  });
});

describe('fullness', () => {
  it('empties steadily over a day and a snack fills half, up to full', () => {
    expect(fullnessAfter(80, 6 * HOUR_MS)).toBe(55);
    expect(fullnessAfter(80, 0)).toBe(80);
    expect(fullnessAfter(10, DAY_MS)).toBe(0);
    expect(snack(10)).toBe(60);
    expect(snack(60)).toBe(FULL);
  });
});

describe('each mood, on both sides of its edge', () => {
  const noon = at(0, 12, 0);
  // Well fed at noon: nothing else makes it hungry or sleepy.
  const calm = (extra: Partial<GrowthState> = {}): GrowthState => ({ ...initialGrowth(START, START), fullness: FULL, needsAt: noon, ...extra });
  const mood = (state: GrowthState, now: number, offsetMinutes = 0) => moodOf(state, clock(now, offsetMinutes), true);

  it('cheerful for 20 minutes after care, either side of the moment', () => {
    const cared = calm({ lastCareAt: noon });
    expect(mood(cared, noon + 20 * MINUTE_MS - 1)).toBe('cheerful');
    expect(mood(cared, noon + 20 * MINUTE_MS)).toBe('content');
    expect(mood(cared, noon - 20 * MINUTE_MS + 1)).toBe('cheerful');
    expect(mood(cared, noon - 20 * MINUTE_MS)).toBe('content');
  });

  it('cheerful for 30 minutes after failing tests were fixed', () => {
    const fixed = calm({ lastWitnessed: { kind: 'recovered', at: noon } });
    expect(mood(fixed, noon + 30 * MINUTE_MS - 1)).toBe('cheerful');
    expect(mood(fixed, noon + 30 * MINUTE_MS)).toBe('content');
  });

  it('worried for 20 minutes after failing tests or an error', () => {
    for (const kind of ['testsFailed', 'error'] as const) {
      const trouble = calm({ lastWitnessed: { kind, at: noon } });
      expect(mood(trouble, noon + 20 * MINUTE_MS - 1), kind).toBe('worried');
      expect(mood(trouble, noon + 20 * MINUTE_MS), kind).toBe('content');
    }
  });

  it('sleepy for an hour after a long silence', () => {
    const quiet = calm({ lastWitnessed: { kind: 'longSilence', at: noon } });
    expect(mood(quiet, noon + HOUR_MS - 1)).toBe('sleepy');
    expect(mood(quiet, noon + HOUR_MS)).toBe('content');
  });

  it('hungry under 25 %, not at 25 %', () => {
    expect(mood(calm({ fullness: 25 }), noon)).toBe('content');
    expect(mood(calm({ fullness: 24.9 }), noon)).toBe('hungry');
  });

  it('sleepy under 30 % energy, not at 30 % (6 a.m. local)', () => {
    const tokyo = 9 * 60;
    const six = at(0, 6, 0, tokyo);
    const fed = calm({ needsAt: six - MINUTE_MS });
    expect(mood(fed, six, tokyo)).toBe('content');
    expect(mood(fed, six - MINUTE_MS, tokyo)).toBe('sleepy');
  });

  it('takes the first that applies: care, a fix, trouble, hunger, sleepiness', () => {
    const night = at(0, 3, 0);
    const empty = { fullness: 0, needsAt: night };
    expect(mood(calm({ ...empty, lastCareAt: night, lastWitnessed: { kind: 'error', at: night } }), night)).toBe('cheerful');
    expect(mood(calm({ ...empty, lastWitnessed: { kind: 'error', at: night } }), night)).toBe('worried');
    expect(mood(calm(empty), night)).toBe('hungry');
    expect(mood(calm({ needsAt: night }), night)).toBe('sleepy');
  });
});
