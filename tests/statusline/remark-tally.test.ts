// The day's tally behind "the 3rd red run today": the person's local day from the moment and the offset,
// counts kept within a day and started again on the next, and how the session's state file keeps it
// (validated when read: a damaged tally is no tally, a bad count is dropped); and what the buddy says for an
// event (own-remark.ts): a grounded remark, or its species' line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDay, tallied, timesToday, type RemarkTally } from '../../src/statusline/remark-tally.js';
import { EMPTY_STATUS, readStatusState, statusFile, writeStatusState } from '../../src/statusline/session-state.js';
import { factsFor, grounded, kindsHappened, remarkFor } from '../../src/statusline/own-remark.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { speciesLine } from '../../src/persona/species-line.js';
import { offlineRemark } from '../../src/persona/offline-remark.js';

const MIDNIGHT_UTC = Date.UTC(2026, 2, 10);

describe('localDay', () => {
  it('is the day where the person is, on both sides of their midnight', () => {
    expect(localDay(MIDNIGHT_UTC, 0)).toBe('2026-03-10');
    expect(localDay(MIDNIGHT_UTC - 1, 0)).toBe('2026-03-09');
    // UTC+1: 23:00 UTC on the 9th is already the 10th; one millisecond before is not.
    expect(localDay(MIDNIGHT_UTC - 60 * 60_000, 60)).toBe('2026-03-10');
    expect(localDay(MIDNIGHT_UTC - 60 * 60_000 - 1, 60)).toBe('2026-03-09');
    // UTC-5: 04:59 UTC on the 10th is still the 9th.
    expect(localDay(MIDNIGHT_UTC + 5 * 60 * 60_000 - 1, -300)).toBe('2026-03-09');
    expect(localDay(MIDNIGHT_UTC + 5 * 60 * 60_000, -300)).toBe('2026-03-10');
  });
});

describe('tallied and timesToday', () => {
  const DAY = '2026-03-10';

  it('counts each kind as often as it happened, within a day', () => {
    const once = tallied(undefined, ['testsFailed', 'error', 'testsFailed'], DAY);
    expect(once).toEqual({ day: DAY, counts: { testsFailed: 2, error: 1 } });
    const twice = tallied(once, ['error'], DAY);
    expect(twice).toEqual({ day: DAY, counts: { testsFailed: 2, error: 2 } });
    expect(once.counts).toEqual({ testsFailed: 2, error: 1 });
    expect(timesToday(twice, 'error', DAY)).toBe(2);
  });

  it('starts again on a new day, and says at least once', () => {
    const yesterday: RemarkTally = { day: '2026-03-09', counts: { error: 7 } };
    expect(tallied(yesterday, ['bigDiff'], DAY)).toEqual({ day: DAY, counts: { bigDiff: 1 } });
    expect(tallied(yesterday, [], DAY)).toEqual({ day: DAY, counts: {} });
    expect(timesToday(yesterday, 'error', DAY)).toBe(1);
    expect(timesToday(yesterday, 'error', '2026-03-09')).toBe(7);
    expect(timesToday(undefined, 'turnEnd', DAY)).toBe(1);
    expect(timesToday({ day: DAY, counts: {} }, 'turnEnd', DAY)).toBe(1);
  });
});

describe('the tally in the state file', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-tally-'));
    env = { HOME: root, BUDDY_CACHE_DIR: path.join(root, 'cache') };
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const stateWith = (fields: Record<string, unknown>): Record<string, unknown> => {
    writeStatusState(env, 'k', EMPTY_STATUS);
    fs.writeFileSync(statusFile(env, 'k'), JSON.stringify({ ...EMPTY_STATUS, ...fields }));
    return readStatusState(env, 'k') as unknown as Record<string, unknown>;
  };

  it('is read back as written, with the worked turn, and only its known counts', () => {
    const tally = { day: '2026-03-10', counts: { testsFailed: 3, turnEnd: 1 } };
    expect(stateWith({ remarkTally: tally, turnWorking: true })).toMatchObject({ remarkTally: tally, turnWorking: true });
    expect(stateWith({ remarkTally: { ...tally, counts: { ...tally.counts, sneezes: 4 }, extra: 1 } }).remarkTally).toEqual(tally);
  });

  it('drops a damaged tally whole, and a worked turn that is not true', () => {
    for (const remarkTally of [
      { day: '10 March', counts: {} },
      { day: '2026-03-10', counts: { error: 0 } },
      { day: '2026-03-10', counts: { error: 1.5 } },
      { day: '2026-03-10', counts: { error: '2' } },
      { day: '2026-03-10', counts: { error: 1_000_001 } },
      { day: '2026-03-10' },
      'today',
    ]) {
      const state = stateWith({ remarkTally, turnWorking: 'yes' });
      expect(state, JSON.stringify(remarkTally)).not.toHaveProperty('remarkTally');
      expect(state).not.toHaveProperty('turnWorking');
    }
    expect(stateWith({ remarkTally: { day: '2026-03-10', counts: { error: 1_000_000 } } }).remarkTally).toEqual({ day: '2026-03-10', counts: { error: 1_000_000 } });
  });

  it("keeps a turn's end as the event of a reaction", () => {
    expect(stateWith({ reaction: { event: 'turnEnd', text: 'Done.', at: 5 } }).reaction).toEqual({ event: 'turnEnd', text: 'Done.', at: 5 });
    expect(stateWith({ reaction: { event: 'sneeze', text: 'Done.', at: 5 } })).not.toHaveProperty('reaction');
  });
});

describe('what the buddy says for an event', () => {
  const bones = rollFromUserId('tally-1');

  it('counts every signal, a worked turn and a noticed silence for the day', () => {
    expect(kindsHappened(['testsFailed', 'error', 'bigDiff', 'testsPassed', 'testsFailed'], false, 'recovered')).toEqual(['testsFailed', 'error', 'bigDiff', 'testsPassed', 'testsFailed']);
    expect(kindsHappened([], true, 'longSilence')).toEqual(['turnEnd', 'longSilence']);
    expect(kindsHappened([], false, 'turnEnd')).toEqual([]);
  });

  it('is grounded when the facts name a test, a file, an error, a command or a count', () => {
    const bare = { kind: 'error', timesToday: 4, quietMinutes: 20, recovered: true } as const;
    expect(grounded(bare)).toBe(false);
    expect(grounded({ ...bare, tests: [] })).toBe(false);
    for (const fact of [{ tests: ['a'] }, { file: 'a' }, { error: 'a' }, { command: 'a' }, { failed: 1 }, { passed: 1 }, { lines: 90 }]) expect(grounded({ ...bare, ...fact }), JSON.stringify(fact)).toBe(true);
  });

  it("remarks on grounded facts, says the species' line otherwise, and always remarks on a turn's end", () => {
    const facts = { kind: 'testsFailed', timesToday: 1, tests: ['adds'] } as const;
    expect(remarkFor(bones, 'testsFailed', facts, 3)).toBe(offlineRemark(bones, facts, 3));
    expect(remarkFor(bones, 'testsFailed', { kind: 'testsFailed', timesToday: 2 }, 3)).toBe(speciesLine(bones, 'testsFailed', 3));
    expect(remarkFor(bones, 'petted', undefined, 3)).toBe(speciesLine(bones, 'petted', 3));
    expect(remarkFor(bones, 'turnEnd', undefined, 3)).toBe(offlineRemark(bones, { kind: 'turnEnd', timesToday: 1 }, 3));
    expect(remarkFor(bones, 'turnEnd', { kind: 'turnEnd', timesToday: 5 }, 3)).toBe(offlineRemark(bones, { kind: 'turnEnd', timesToday: 5 }, 3));
  });
});

describe('factsFor: the facts behind the event reacted to', () => {
  const DAY = '2026-03-10';
  const NOW = MIDNIGHT_UTC + 12 * 60 * 60_000;
  const tally: RemarkTally = { day: DAY, counts: { testsPassed: 2, longSilence: 3, turnEnd: 4 } };
  const moment = { since: NOW - 17 * 60_000 - 59_999, tally, day: DAY, now: NOW };
  const green = [
    { type: 'assistant', message: { role: 'assistant', content: [{ type: 'tool_use', id: 'b', name: 'Bash', input: { command: 'npm test' } }] } },
    { type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'b', content: 'Tests  4 passed (4)' }] } },
  ];

  it('gives a recovery the green run, marked, counted for the day', () => {
    expect(factsFor(green, 'recovered', moment)).toEqual({ kind: 'testsPassed', timesToday: 2, command: 'npm test', passed: 4, recovered: true });
  });

  it('gives a long silence its whole minutes since the last change', () => {
    expect(factsFor([], 'longSilence', moment)).toEqual({ kind: 'longSilence', timesToday: 3, quietMinutes: 17 });
    expect(factsFor([], 'longSilence', { ...moment, since: NOW - 18 * 60_000 })).toEqual({ kind: 'longSilence', timesToday: 3, quietMinutes: 18 });
  });

  it("gives a turn's end its count, on another day from one, and a petting nothing", () => {
    expect(factsFor([], 'turnEnd', moment)).toBeUndefined();
    const end = [{ type: 'assistant', message: { role: 'assistant', content: [], stop_reason: 'end_turn' } }];
    expect(factsFor(end, 'turnEnd', moment)).toEqual({ kind: 'turnEnd', timesToday: 4 });
    expect(factsFor(end, 'turnEnd', { ...moment, day: '2026-03-11' })).toEqual({ kind: 'turnEnd', timesToday: 1 });
    expect(factsFor(green, 'petted', moment)).toBeUndefined();
    expect(factsFor(green, 'greeting', moment)).toBeUndefined();
  });
});
