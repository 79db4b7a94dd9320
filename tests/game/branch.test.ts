// Growth branches (src/game/branch.ts): the late window's edges in any time zone, the tally per event kind,
// the rule at both sides of every threshold, a stage crossing that decides and starts the tally again, a
// branch decided once and kept, and buddies grown before branches existed.
import { describe, expect, it } from 'vitest';
import {
  BRANCH_STAGES,
  BRANCHES,
  branchAt,
  decideBranch,
  isLate,
  LATE_FROM_HOUR,
  LATE_UNTIL_HOUR,
  LEANING_SHARE,
  lifetimeRaising,
  MIN_EVENTS,
  NIGHT_SHARE,
  NO_RAISING,
  RAISED_ON,
  raisedLine,
  raiseWith,
  raisingOf,
  settleBranches,
  stagesReached,
  tallyEvent,
  type Raising,
} from '../../src/game/branch.js';
import type { EventKind } from '../../src/game/events.js';
import { foldGrowth, type FoldOptions } from '../../src/game/fold.js';
import { xpForLevel } from '../../src/game/levels.js';
import { initialGrowth, type GrowthState } from '../../src/game/state.js';
import { announcementText, growthViewAt } from '../../src/game/view.js';
import { at, event, START } from './simulate.js';

const ON: FoldOptions = { careOn: true, shiny: false };
const raising = (care: number, work: number, night: number): Raising => ({ care, work, night });
const counts = (values: Partial<GrowthState['counts']>): GrowthState['counts'] => ({ ...initialGrowth(START).counts, ...values });
/** A buddy with this much XP (and whatever else given), growing since START. */
const grown = (xp: number, more: Partial<GrowthState> = {}): GrowthState => ({ ...initialGrowth(START, START), xp, ...more });

describe('the tables', () => {
  it('names the stages with branches, the branches, the thresholds and the words', () => {
    expect(BRANCH_STAGES).toEqual(['young', 'adult', 'elder']);
    expect(BRANCHES).toEqual(['care', 'work', 'night', 'balanced']);
    expect([MIN_EVENTS, NIGHT_SHARE, LEANING_SHARE, LATE_FROM_HOUR, LATE_UNTIL_HOUR]).toEqual([20, 40, 60, 22, 5]);
    expect(NO_RAISING).toEqual({ care: 0, work: 0, night: 0 });
    expect(RAISED_ON).toEqual({ care: 'raised on care', work: 'raised on hard work', night: 'raised on late nights', balanced: 'raised on a bit of everything' });
  });
});

describe('the late window', () => {
  it.each([
    [21, 59, false],
    [22, 0, true],
    [23, 59, true],
    [0, 0, true],
    [4, 59, true],
    [5, 0, false],
    [12, 0, false],
  ])('%i:%i local is late: %s, in UTC and in any zone', (hour, minute, late) => {
    for (const offset of [0, 120, -300, 330, 840, -720]) expect(isLate(at(3, hour, minute, offset), offset), `offset ${offset}`).toBe(late);
  });

  it('goes by the event’s own offset, not UTC', () => {
    // 23:00 in UTC+2 is 21:00 UTC: late there; 21:00 in UTC is not.
    expect(isLate(at(3, 23, 0, 120), 120)).toBe(true);
    expect(isLate(at(3, 23, 0, 120), 0)).toBe(false);
  });
});

describe('the tally', () => {
  const noon = at(3, 12, 0);
  const night = at(3, 23, 0);
  it.each<[EventKind, Raising]>([
    ['pet', raising(2, 1, 1)],
    ['feed', raising(2, 1, 1)],
    ['talk', raising(2, 1, 1)],
    ['session', raising(1, 2, 1)],
    ['recovered', raising(1, 2, 1)],
    ['bigDiff', raising(1, 2, 1)],
    ['testsFailed', raising(1, 2, 1)],
    ['error', raising(1, 2, 1)],
  ])('%s in the day adds to its side, not the night', (kind, expected) => {
    expect(tallyEvent(raising(1, 1, 1), event(kind, noon))).toEqual(expected);
  });

  it.each<EventKind>(['pet', 'feed', 'talk', 'session', 'recovered', 'bigDiff', 'testsFailed', 'error'])('%s late at night adds to the night too', (kind) => {
    const after = tallyEvent(raising(1, 1, 1), event(kind, night));
    expect(after.night).toBe(2);
    expect(after.care + after.work).toBe(3);
  });

  it.each<EventKind>(['longSilence', 'sawShiny'])('%s raises nothing, day or night', (kind) => {
    const before = raising(1, 1, 1);
    expect(tallyEvent(before, event(kind, noon))).toBe(before);
    expect(tallyEvent(before, event(kind, night))).toBe(before);
  });
});

describe('the rule', () => {
  it('leans nowhere below the fewest events, however lopsided', () => {
    expect(decideBranch(raising(19, 0, 19))).toBe('balanced');
    expect(decideBranch(raising(0, 19, 0))).toBe('balanced');
    expect(decideBranch(raising(20, 0, 20))).toBe('night');
    expect(decideBranch(raising(0, 20, 0))).toBe('work');
    expect(decideBranch(NO_RAISING)).toBe('balanced');
  });

  it('is night from 40 % late, before anything else', () => {
    expect(decideBranch(raising(10, 10, 8))).toBe('night');
    expect(decideBranch(raising(10, 10, 7))).toBe('balanced');
    expect(decideBranch(raising(20, 0, 8))).toBe('night');
    expect(decideBranch(raising(20, 0, 7))).toBe('care');
    expect(decideBranch(raising(0, 20, 7))).toBe('work');
  });

  it('is care from 60 % care', () => {
    expect(decideBranch(raising(12, 8, 0))).toBe('care');
    expect(decideBranch(raising(11, 9, 0))).toBe('balanced');
    expect(decideBranch(raising(60, 40, 39))).toBe('care');
  });

  it('is work from 60 % work', () => {
    expect(decideBranch(raising(8, 12, 0))).toBe('work');
    expect(decideBranch(raising(9, 11, 0))).toBe('balanced');
    expect(decideBranch(raising(40, 60, 39))).toBe('work');
  });

  it('is balanced in between', () => {
    expect(decideBranch(raising(10, 10, 0))).toBe('balanced');
    expect(decideBranch(raising(50, 50, 39))).toBe('balanced');
  });
});

describe('a life’s counts', () => {
  it('adds care and work counters, with no night', () => {
    expect(lifetimeRaising(counts({ pets: 1, feeds: 2, talks: 4, sessions: 8, recoveries: 16, bigDiffs: 32, failures: 64, errors: 128, silences: 256 }))).toEqual(raising(7, 248, 0));
  });
});

describe('the stages reached', () => {
  it('lists the branch stages up to the stage, in order', () => {
    expect(stagesReached('hatchling')).toEqual([]);
    expect(stagesReached('young')).toEqual(['young']);
    expect(stagesReached('adult')).toEqual(['young', 'adult']);
    expect(stagesReached('elder')).toEqual(['young', 'adult', 'elder']);
  });

  it('finds a stage’s branch only for a stage with branches', () => {
    expect(branchAt({ young: 'care' }, 'young')).toBe('care');
    expect(branchAt({ young: 'care' }, 'adult')).toBeUndefined();
    expect(branchAt(undefined, 'young')).toBeUndefined();
    expect(branchAt({ young: 'care' }, 'hatchling')).toBeUndefined();
    // Even a record that (wrongly) names the hatchling gives it no branch.
    expect(branchAt({ hatchling: 'care' } as unknown as Parameters<typeof branchAt>[0], 'hatchling')).toBeUndefined();
  });

  it('tells every decided branch in stage order for status', () => {
    expect(raisedLine({})).toBeUndefined();
    expect(raisedLine({ elder: 'balanced', young: 'care', adult: 'night' })).toBe('young: on care · adult: on late nights · elder: on a bit of everything');
    expect(raisedLine({ adult: 'work' })).toBe('adult: on hard work');
  });
});

describe('buddies grown before branches', () => {
  const lifetime = counts({ pets: 30, sessions: 5 });
  it('leaves a hatchling, and a buddy with every branch, as they are', () => {
    const hatchling = grown(xpForLevel(10) - 1, { counts: lifetime });
    expect(settleBranches(hatchling)).toBe(hatchling);
    const young = grown(xpForLevel(10), { counts: lifetime, branches: { young: 'work' } });
    expect(settleBranches(young)).toBe(young);
  });

  it('decides each missing branch once, from its life’s counts, and starts the tally', () => {
    expect(settleBranches(grown(xpForLevel(10), { counts: lifetime }))).toMatchObject({ branches: { young: 'care' }, raising: NO_RAISING });
    expect(settleBranches(grown(xpForLevel(25), { counts: lifetime })).branches).toEqual({ young: 'care', adult: 'care' });
    expect(settleBranches(grown(xpForLevel(40), { counts: counts({ sessions: 30 }) })).branches).toEqual({ young: 'work', adult: 'work', elder: 'work' });
    expect(settleBranches(grown(xpForLevel(40), { counts: counts({ pets: 3 }) })).branches).toEqual({ young: 'balanced', adult: 'balanced', elder: 'balanced' });
  });

  it('keeps the branches it has and fills only the missing ones', () => {
    const settled = settleBranches(grown(xpForLevel(25), { counts: lifetime, branches: { young: 'night' }, raising: raising(1, 2, 3) }));
    expect(settled.branches).toEqual({ young: 'night', adult: 'care' });
    // Its tally of the current stage goes on.
    expect(settled.raising).toEqual(raising(1, 2, 3));
  });

  it('counts a hatchling’s whole life as its first span; past that, a lost tally starts from nothing', () => {
    expect(raisingOf(grown(0, { counts: lifetime }))).toEqual(raising(30, 5, 0));
    expect(raisingOf(grown(xpForLevel(10), { counts: lifetime, branches: { young: 'care' } }))).toEqual(NO_RAISING);
    const kept = raising(4, 5, 6);
    expect(raisingOf(grown(0, { counts: lifetime, raising: kept }))).toBe(kept);
  });

  it('settles on its next fold and keeps what was decided on the folds after', () => {
    const old = grown(xpForLevel(12), { counts: lifetime });
    const first = foldGrowth(old, [], { now: at(3, 12, 0), offsetMinutes: 0 }, ON).state;
    expect(first.branches).toEqual({ young: 'care' });
    const busier = { ...first, counts: counts({ sessions: 500 }) };
    expect(foldGrowth(busier, [], { now: at(3, 13, 0), offsetMinutes: 0 }, ON).state.branches).toEqual({ young: 'care' });
  });
});

describe('raising through events', () => {
  const late = at(3, 23, 0);
  it('adds an event to the tally', () => {
    const before = grown(100, { raising: raising(1, 1, 0) });
    const after = { ...before, xp: 102 };
    expect(raiseWith(before, after, event('pet', late))).toEqual({ state: { ...after, raising: raising(2, 1, 1) } });
  });

  it('starts a hatchling’s tally from its life’s counts, not counting the event twice', () => {
    const before = grown(100, { counts: counts({ pets: 3 }) });
    const after = { ...before, xp: 102, counts: counts({ pets: 4 }) };
    expect(raiseWith(before, after, event('pet', late)).state.raising).toEqual(raising(4, 0, 1));
  });

  it('changes nothing for an event that raises nothing', () => {
    const before = grown(100);
    const after = { ...before };
    expect(raiseWith(before, after, event('longSilence', late)).state).toBe(after);
    const kept = grown(100, { raising: raising(1, 1, 1) });
    expect(raiseWith(kept, kept, event('sawShiny', late)).state).toBe(kept);
  });

  it('decides the new stage’s branch from the tally, the event included, and starts again', () => {
    const before = grown(xpForLevel(10) - 1, { raising: raising(10, 9, 7) });
    const after = { ...before, xp: xpForLevel(10) + 1 };
    const raised = raiseWith(before, after, event('pet', late));
    expect(raised.decided).toBe('night');
    expect(raised.state.branches).toEqual({ young: 'night' });
    expect(raised.state.raising).toEqual(NO_RAISING);
  });

  it('never decides a branch again once it is kept', () => {
    const before = grown(xpForLevel(25) + 5, { raising: raising(0, 30, 0), branches: { young: 'care', adult: 'night' } });
    const after = { ...before, xp: before.xp + 15 };
    const raised = raiseWith(before, after, event('session', at(3, 12, 0)));
    expect(raised.decided).toBeUndefined();
    expect(raised.state.branches).toEqual({ young: 'care', adult: 'night' });
    expect(raised.state.raising).toEqual(raising(0, 31, 0));
  });
});

describe('the fold', () => {
  const clockAt = (now: number) => ({ now, offsetMinutes: 0 });
  it('tallies admitted events and decides the branch the level-up reaches, announcing it', () => {
    const start = grown(xpForLevel(10) - 1, { raising: raising(25, 0, 0) });
    const result = foldGrowth(start, [event('pet', at(3, 12, 0))], clockAt(at(3, 12, 1)), ON);
    expect(result.state.branches).toEqual({ young: 'care' });
    expect(result.state.raising).toEqual(NO_RAISING);
    expect(result.announced).toContainEqual({ kind: 'level', level: 10, branch: 'care' });
  });

  it('announces a level-up within a stage without a branch', () => {
    const start = grown(xpForLevel(11) - 1, { raising: raising(25, 0, 0), branches: { young: 'work' } });
    const result = foldGrowth(start, [event('pet', at(3, 12, 0))], clockAt(at(3, 12, 1)), ON);
    expect(result.announced).toContainEqual({ kind: 'level', level: 11 });
    expect(result.state.raising).toEqual(raising(26, 0, 0));
  });

  it('counts an event seen twice once, and an event turned away not at all', () => {
    const start = grown(100, { raising: NO_RAISING });
    const events = [event('session', at(3, 23, 0), 0, 'a'), event('session', at(3, 23, 1), 0, 'a'), event('pet', START - 1)];
    expect(foldGrowth(start, events, clockAt(at(3, 23, 5)), ON).state.raising).toEqual(raising(0, 1, 1));
  });

  it('counts no snack a full buddy turns down', () => {
    const start = grown(100, { raising: NO_RAISING, fullness: 100, needsAt: at(3, 12, 0) });
    expect(foldGrowth(start, [event('feed', at(3, 12, 0))], clockAt(at(3, 12, 1)), ON).state.raising).toEqual(NO_RAISING);
  });

  it('gives the same branch for the same record, every time', () => {
    const start = grown(xpForLevel(10) - 1, { raising: raising(8, 12, 0) });
    const events = [event('session', at(3, 12, 0), 0, 's1')];
    const once = foldGrowth(start, events, clockAt(at(3, 13, 0)), ON).state;
    expect(foldGrowth(start, events, clockAt(at(3, 13, 0)), ON).state).toEqual(once);
    expect(once.branches).toEqual({ young: 'work' });
  });
});

describe('the words', () => {
  it('adds the branch to the words of a stage reached', () => {
    expect(announcementText({ kind: 'level', level: 10, branch: 'care' }, 'Pip')).toBe('Level up! Pip is level 10. Pip is not a hatchling any more, raised on care.');
    expect(announcementText({ kind: 'level', level: 25, branch: 'night' }, 'Pip')).toBe('Level up! Pip is level 25. Pip is all grown up, raised on late nights.');
    expect(announcementText({ kind: 'level', level: 40 }, 'Pip')).toBe('Level up! Pip is level 40. Pip is an elder now!');
  });

  it('shows the current stage’s branch and every decided one in the view', () => {
    const view = growthViewAt(grown(xpForLevel(26), { branches: { young: 'work', adult: 'balanced' } }), { now: at(3, 12, 0), offsetMinutes: 0 }, true);
    expect(view).toMatchObject({ stage: 'adult', branch: 'balanced', branches: { young: 'work', adult: 'balanced' }, raised: 'raised on a bit of everything' });
    const hatchling = growthViewAt(grown(0), { now: at(3, 12, 0), offsetMinutes: 0 }, true);
    expect(hatchling).toMatchObject({ branch: undefined, branches: {}, raised: undefined });
  });
});
