// The branch rules' tables, read by a fresh import inside the test, so each entry is checked where it is
// made: the words of every branch, the empty tally, the thresholds, and which event kinds raise care or work.
import { describe, expect, it, vi } from 'vitest';
import type { EventKind } from '../../src/game/events.js';

const NOON = Date.UTC(2026, 11, 1, 12);

async function freshBranch(): Promise<typeof import('../../src/game/branch.js')> {
  vi.resetModules();
  return import('../../src/game/branch.js');
}

describe('the branch tables', () => {
  it('tells every branch in its own words, and starts every tally from nothing', async () => {
    const branch = await freshBranch();
    expect(branch.RAISED_ON).toEqual({ care: 'raised on care', work: 'raised on hard work', night: 'raised on late nights', balanced: 'raised on a bit of everything' });
    expect(branch.NO_RAISING).toEqual({ care: 0, work: 0, night: 0 });
    expect([branch.MIN_EVENTS, branch.NIGHT_SHARE, branch.LEANING_SHARE, branch.LATE_FROM_HOUR, branch.LATE_UNTIL_HOUR]).toEqual([20, 40, 60, 22, 5]);
    expect(branch.BRANCHES).toEqual(['care', 'work', 'night', 'balanced']);
    expect(branch.BRANCH_STAGES).toEqual(['young', 'adult', 'elder']);
  });

  it('counts a pet, a snack and a talk as care, a session, a fix, a big diff, failing tests and an error as work, and nothing else', async () => {
    const { tallyEvent, NO_RAISING } = await freshBranch();
    const raised = (kind: EventKind) => tallyEvent(NO_RAISING, { kind, at: NOON, offsetMinutes: 0 });
    const care = { care: 1, work: 0, night: 0 };
    const work = { care: 0, work: 1, night: 0 };
    const none = { care: 0, work: 0, night: 0 };
    const expected: Record<EventKind, typeof care> = {
      pet: care,
      feed: care,
      talk: care,
      session: work,
      recovered: work,
      bigDiff: work,
      testsFailed: work,
      error: work,
      longSilence: none,
      sawShiny: none,
    } as Record<EventKind, typeof care>;
    for (const [kind, tally] of Object.entries(expected)) expect(raised(kind as EventKind), kind).toEqual(tally);
  });

  it('says the branches decided so far on one line', async () => {
    const { raisedLine } = await freshBranch();
    expect(raisedLine({})).toBeUndefined();
    expect(raisedLine({ young: 'care', adult: 'night' })).toMatch(/young: on care.*adult: on late nights/);
  });
});
