// The fold at its edges: a new buddy, needs with care off and under a clock set back, the streak's 24-hour
// rule, what the mood remembers it witnessed, the caps' 24-hour window, announcements handed out once,
// and the lists a fold keeps bounded.
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/game/clock.js';
import type { GameEvent } from '../../src/game/events.js';
import { foldGrowth, takeAnnouncements, type FoldOptions } from '../../src/game/fold.js';
import { moodOf } from '../../src/game/mood.js';
import { FULL } from '../../src/game/needs.js';
import { initialGrowth, type Announcement, type GrowthState } from '../../src/game/state.js';
import { growthViewAt } from '../../src/game/view.js';
import { at, event, START, steadyDay, witnessed } from './simulate.js';

const ON: FoldOptions = { careOn: true, shiny: false };
const OFF: FoldOptions = { careOn: false, shiny: false };
const fresh = (): GrowthState => initialGrowth(START, START);
const clock = (now: number, offsetMinutes = 0) => ({ now, offsetMinutes });
const noon = at(3, 12, 0);

describe('a new buddy', () => {
  it('starts at level 1, comfortably fed, with nothing earned, seen or waiting', () => {
    expect(initialGrowth(START, START + HOUR_MS)).toEqual({
      version: 1,
      startedAt: START,
      xp: 0,
      fullness: 80,
      needsAt: START + HOUR_MS,
      counts: { pets: 0, feeds: 0, talks: 0, sessions: 0, recoveries: 0, failures: 0, errors: 0, bigDiffs: 0, silences: 0 },
      streak: { current: 0, best: 0 },
      earned: [],
      achievements: {},
      claims: {},
      moodsSeen: [],
      seenIds: [],
      pending: [],
    });
  });
});

describe('needs with care off', () => {
  it('are held full even when the event comes from a clock behind the last reckoning', () => {
    const low = { ...fresh(), fullness: 3, needsAt: noon };
    const off = foldGrowth(low, [event('pet', noon - HOUR_MS)], clock(noon - HOUR_MS), OFF).state;
    expect(off).toMatchObject({ fullness: FULL, needsAt: noon });
    // Turned on again, it starts full from the latest moment it was held full.
    expect(growthViewAt(off, clock(noon), true).needs?.fullness).toBe(100);
  });

  it('start full when care is turned on again after days off', () => {
    const full = { ...fresh(), fullness: FULL, needsAt: START };
    const tenDays = at(10, 12, 0);
    const off = foldGrowth(full, [], clock(tenDays), OFF).state;
    expect(off).toMatchObject({ fullness: FULL, needsAt: tenDays });
    expect(growthViewAt(off, clock(tenDays), true).needs?.fullness).toBe(100);
  });
});

describe('needs under a clock set back', () => {
  const fed = { ...fresh(), fullness: 50, needsAt: noon };
  const petAt = (moment: number) => foldGrowth(fed, [event('pet', moment)], clock(moment), ON).state;

  it('keep their reckoning for a step back of up to a day, and start again from a step back of more', () => {
    expect(petAt(noon - DAY_MS)).toMatchObject({ fullness: 50, needsAt: noon });
    expect(petAt(noon - DAY_MS - 1)).toMatchObject({ fullness: 50, needsAt: noon - DAY_MS - 1 });
  });
});

describe('the streak', () => {
  // Care at 20:00 UTC, then a flight east to UTC+5: the next care is two local dates later.
  const first = at(0, 20, 0);
  const after = (elapsed: number) => foldGrowth(fresh(), [event('pet', first), event('pet', first + elapsed, 5 * 60)], clock(first + elapsed, 5 * 60), ON).state.streak;

  it('goes on across a skipped date when the care comes within 24 hours of the last', () => {
    expect(after(DAY_MS - 1)).toMatchObject({ current: 2, best: 2 });
  });

  it('starts again at 1 when a date was skipped and 24 hours or more went by', () => {
    expect(after(DAY_MS)).toMatchObject({ current: 1, best: 1 });
  });

  it('goes on from one local date to the next however long the gap between the cares', () => {
    const state = foldGrowth(fresh(), [event('pet', at(0, 0, 30)), event('pet', at(1, 23, 30))], clock(at(1, 23, 31)), ON).state;
    expect(state.streak).toMatchObject({ current: 2, best: 2 });
  });
});

describe('what the mood remembers witnessing', () => {
  const foldAt = (events: readonly GameEvent[], now: number) => foldGrowth({ ...fresh(), fullness: FULL, needsAt: noon }, events, clock(now), ON).state;
  const moodAt = (state: GrowthState, now: number) => moodOf(state, clock(now), true);

  it('a session starting or a big diff does not take the worry away', () => {
    const state = foldAt([witnessed('error', noon), witnessed('session', noon + MINUTE_MS), witnessed('bigDiff', noon + 2 * MINUTE_MS)], noon + 3 * MINUTE_MS);
    expect(moodAt(state, noon + 5 * MINUTE_MS)).toBe('worried');
  });

  it('something seen earlier, from a clock set back, does not replace what was seen later', () => {
    const state = foldAt([witnessed('error', noon), witnessed('recovered', noon - 2 * HOUR_MS)], noon + MINUTE_MS);
    expect(moodAt(state, noon + 5 * MINUTE_MS)).toBe('worried');
  });

  it('of two things seen at the same moment, the one written later counts', () => {
    const state = foldAt([witnessed('testsFailed', noon), witnessed('recovered', noon)], noon + MINUTE_MS);
    expect(moodAt(state, noon + 5 * MINUTE_MS)).toBe('cheerful');
  });

  it('notes the mood at each event, not only at the fold, for Many moods', () => {
    const state = foldGrowth(fresh(), [witnessed('testsFailed', at(0, 12, 0))], clock(at(0, 13, 0)), ON).state;
    expect(state.moodsSeen).toEqual(['worried', 'content']);
  });
});

describe('the caps over 24 hours', () => {
  it('count each hour until it is 24 hours old: a looping script earns again when its first hour drops out', () => {
    // Failing tests fixed every three minutes from midnight: 60 XP an hour, 400 by 07:00, then nothing.
    const loop = Array.from({ length: 7 * 20 }, (_, index) => witnessed('recovered', at(0, 0, 0) + index * 3 * MINUTE_MS));
    const day = foldGrowth(fresh(), loop, clock(at(0, 7, 0)), ON).state;
    expect(day.xp).toBe(400);
    const lateEvening = foldGrowth(day, [witnessed('recovered', at(0, 23, 59))], clock(at(0, 23, 59)), ON).state;
    expect(lateEvening.xp).toBe(400);
    // At midnight the hour from 00:00 to 01:00 (60 XP) stops counting: room for one fix.
    const midnight = foldGrowth(lateEvening, [witnessed('recovered', at(1, 0, 0))], clock(at(1, 0, 0)), ON).state;
    expect(midnight.xp).toBe(425);
  });

  it('events worth no XP never touch them, even from a clock set far back', () => {
    const mash = Array.from({ length: 15 }, (_, index) => event('pet', noon + index * MINUTE_MS));
    const capped = foldGrowth(fresh(), mash, clock(noon + 15 * MINUTE_MS), ON).state;
    expect(capped.xp).toBe(20 + 10);
    const seenLongAgo = foldGrowth(capped, [witnessed('testsFailed', noon - 30 * DAY_MS), event('sawShiny', noon - 30 * DAY_MS)], clock(noon + 16 * MINUTE_MS), ON).state;
    const petAgain = foldGrowth(seenLongAgo, [event('pet', noon + 20 * MINUTE_MS)], clock(noon + 20 * MINUTE_MS), ON).state;
    expect(petAgain.xp).toBe(capped.xp);
  });
});

describe('announcements', () => {
  const levels = (announced: readonly Announcement[]) => announced.flatMap((item) => (item.kind === 'level' ? [item.level] : []));

  it('a fold that earns nothing announces nothing and leaves nothing waiting', () => {
    const quiet = foldGrowth(fresh(), [], clock(at(0, 12, 0)), ON);
    expect(quiet.announced).toEqual([]);
    expect(quiet.state.pending).toEqual([]);
    expect(takeAnnouncements(quiet.state).announcements).toEqual([]);
  });

  it('each is handed out once: taken, nothing waits; the next fold without news announces nothing', () => {
    const petted = foldGrowth(fresh(), [event('pet', noon)], clock(noon), ON);
    expect(petted.announced).toEqual([{ kind: 'achievement', id: 'first-pet' }, { kind: 'item', id: 'bow' }]);
    const taken = takeAnnouncements(petted.state);
    expect(taken.announcements).toEqual([{ kind: 'achievement', id: 'first-pet' }, { kind: 'item', id: 'bow' }]);
    expect(taken.state.pending).toEqual([]);
    expect(takeAnnouncements(taken.state).announcements).toEqual([]);
    const again = foldGrowth(taken.state, [event('pet', noon + MINUTE_MS)], clock(noon + MINUTE_MS), ON);
    expect(again.announced).toEqual([]);
    expect(again.state.pending).toEqual([]);
  });

  it('announces each level once, when it is reached', () => {
    const day = foldGrowth(fresh(), steadyDay(0), clock(at(0, 23, 0)), ON);
    expect(day.state.xp).toBe(125);
    expect(levels(day.announced)).toEqual([2, 3]);
  });

  it('keeps the 20 latest waiting, the oldest dropped first', () => {
    const waiting: Announcement[] = Array.from({ length: 20 }, (_, index) => ({ kind: 'level', level: index + 2 }));
    const state = foldGrowth({ ...fresh(), pending: waiting }, [event('pet', noon)], clock(noon), ON).state;
    expect(state.pending).toHaveLength(20);
    expect(state.pending[0]).toEqual({ kind: 'level', level: 4 });
    expect(state.pending.slice(-2)).toEqual([{ kind: 'achievement', id: 'first-pet' }, { kind: 'item', id: 'bow' }]);
  });
});

describe('ids of events counted once', () => {
  it('keeps the 64 latest', () => {
    const events = Array.from({ length: 100 }, (_, index) => witnessed('session', noon + index * MINUTE_MS));
    const state = foldGrowth(fresh(), events, clock(noon + 2 * HOUR_MS), ON).state;
    expect(state.seenIds).toEqual(events.slice(-64).map((item) => item.id));
    expect(state.counts.sessions).toBe(100);
  });
});
