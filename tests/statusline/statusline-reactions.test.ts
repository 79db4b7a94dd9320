// Reactions, refresh after refresh: `buddy statusline` (in process, through the dispatcher the built bin
// runs) watching a growing Claude Code transcript. It takes the measure of a session first, reacts to what
// is new (failing tests, errors, big diffs, recovery) in the species' own voice, keeps quiet between
// reactions and when muted, and keeps every session to itself. The reactions are Node's: that the light
// script starts Node whenever the transcript or the session's state changed, and shows the reaction, and
// that two sessions refreshed at once by real processes keep apart, is tested end to end under every
// shell in tests/e2e/statusline-fast.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionKey } from '../../src/statusline/payload.js';
import { REACTION_MIN_GAP_MS, REACTION_SHOW_MS, TURN_END_MIN_GAP_MS } from '../../src/statusline/reactions.js';
import { localDay } from '../../src/statusline/remark-tally.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { offlineRemark } from '../../src/persona/offline-remark.js';
import { displayWidth } from '../../src/text/display-width.js';
import type { StatusState } from '../../src/statusline/session-state.js';
import { SPECIES_LINES, type LineBank } from '../../src/species/lines.js';
import type { ConfigData } from '../../src/store/schema.js';
import { hatchedSandboxes, type Sandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { statuslineInProcess } from '../helpers/statusline-in-process.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const USER_ID = 'buddy-93';
const BANK: LineBank = SPECIES_LINES.Nebulynx!;

const fixtureText = (file: string): string => fs.readFileSync(path.join(FIXTURES, file), 'utf8');
const basePayload = (): Record<string, unknown> => JSON.parse(fixtureText('statusline-payload.json')) as Record<string, unknown>;

/** A plain assistant turn: the transcript grows, nothing happens. */
function chatterLine(n: number): string {
  return `${JSON.stringify({
    type: 'assistant',
    uuid: `chatter-${n}`,
    timestamp: new Date().toISOString(),
    message: { role: 'assistant', content: [{ type: 'text', text: `Looking at the order routes, step ${n}.` }] },
  })}\n`;
}

const hatchedSandbox = hatchedSandboxes(USER_ID);
let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
let name: string;

interface Session {
  readonly id: string;
  readonly transcript: string;
  readonly payload: string;
}

function readConfig(): ConfigData {
  return JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData;
}

function openSession(id: string, history: string): Session {
  const transcript = path.join(sandbox.dir, `${id}.jsonl`);
  fs.writeFileSync(transcript, history);
  return { id, transcript, payload: JSON.stringify({ ...basePayload(), session_id: id, transcript_path: transcript }) };
}

const stateFile = (session: Session): string => path.join(env.BUDDY_CACHE_DIR as string, 'sessions', `${sessionKey(session.id)}.status.json`);
const readState = (session: Session): StatusState => JSON.parse(fs.readFileSync(stateFile(session), 'utf8')) as StatusState;

function editState(session: Session, change: (state: StatusState) => StatusState): void {
  fs.writeFileSync(stateFile(session), JSON.stringify(change(readState(session))));
}

function append(session: Session, fixture: string): void {
  fs.appendFileSync(session.transcript, fixtureText(fixture));
}

/** One host refresh, wide and plain so the whole saying is visible. */
async function refresh(session: Session): Promise<string> {
  const run = await statuslineInProcess(['--format', 'plain', '--width', '200'], { env, input: session.payload });
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  const lines = run.stdout.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

const saysFrom = (line: string, lines: readonly string[]): boolean => lines.some((text) => line.includes(text));
/**
 * What the buddy's remark on each fixture names, whichever template it picks: the most specific fact it
 * holds (the failing test's name before its file, the edited file, the error's words, the command or count).
 */
const NAMED: Readonly<Record<'testsFailed' | 'error' | 'bigDiff' | 'recovered', readonly string[]>> = {
  testsFailed: ['"creates an order"'],
  error: ['ENOENT'],
  bigDiff: ['order-states.ts'],
  recovered: ['npm test', '12 tests'],
};
const remarksOn = (line: string, event: keyof typeof NAMED): boolean => saysFrom(line, NAMED[event]);
const anyReaction = (line: string): boolean =>
  saysFrom(line, [...BANK.testsFailed, ...BANK.error, ...BANK.bigDiff, ...BANK.recovered, ...Object.values(NAMED).flat()]);
/** The idle line: face and name, no mark, nothing said. */
const idle = (): RegExp => new RegExp(`^\\S+ ${name}$`);

beforeEach(() => {
  sandbox = hatchedSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: USER_ID };
  const buddy = readConfig().buddy;
  expect(buddy?.bones.species).toBe('Nebulynx');
  name = buddy!.name;
});

afterEach(() => {
  sandbox.cleanup();
});

describe('buddy statusline, refresh after refresh', () => {
  describe('reactions from the transcript tail', () => {
    it('measures first, then reacts, rate-limits, expires, recovers and spots big diffs', async () => {
      // Old history full of failures is not news.
      const session = openSession('react-1', fixtureText('transcript-tests-failed.jsonl') + fixtureText('transcript-error.jsonl'));
      expect(await refresh(session)).toMatch(idle());
      expect(readState(session)).toMatchObject({ transcriptSize: fs.statSync(session.transcript).size, lastReactionAt: 0, recentFailures: 0 });
      expect(readState(session).reaction).toBeUndefined();

      // Tests fail: an alarmed remark naming the failing test.
      append(session, 'transcript-tests-failed.jsonl');
      let line = await refresh(session);
      expect(remarksOn(line, 'testsFailed'), line).toBe(true);
      expect(line).toContain(` ! ${name}  `);
      const first = readState(session);
      expect(first.reaction?.event).toBe('testsFailed');
      expect(first.recentFailures).toBe(1);

      // An error right after: no new reaction (the test one may still be up).
      append(session, 'transcript-error.jsonl');
      line = await refresh(session);
      expect(remarksOn(line, 'error'), line).toBe(false);
      const second = readState(session);
      expect(second.reaction).toEqual(first.reaction);
      expect(second.lastReactionAt).toBe(first.lastReactionAt);
      expect(second.recentFailures).toBe(2);
      expect(second.transcriptSize).toBe(fs.statSync(session.transcript).size);

      // Reactions go away after REACTION_SHOW_MS.
      editState(session, (state) => ({ ...state, reaction: { ...state.reaction!, at: Date.now() - REACTION_SHOW_MS - 1_000 } }));
      expect(await refresh(session)).toMatch(idle());

      // Green again after the failures, once the gap has passed: recovered.
      editState(session, (state) => ({ ...state, lastReactionAt: Date.now() - REACTION_MIN_GAP_MS - 1_000 }));
      append(session, 'transcript-tests-passed.jsonl');
      line = await refresh(session);
      expect(remarksOn(line, 'recovered'), line).toBe(true);
      expect(line).toContain(` ♥ ${name}  `);
      expect(readState(session)).toMatchObject({ recentFailures: 0, reaction: { event: 'recovered' } });

      // A 120-line edit: big diff.
      editState(session, (state) => ({ ...state, lastReactionAt: Date.now() - REACTION_MIN_GAP_MS - 1_000 }));
      append(session, 'transcript-big-diff.jsonl');
      line = await refresh(session);
      expect(remarksOn(line, 'bigDiff'), line).toBe(true);
      expect(line).toContain(` ! ${name}  `);
      expect(readState(session).reaction?.event).toBe('bigDiff');
    });

    it('passing tests without earlier failures are not a recovery', async () => {
      const session = openSession('react-2', fixtureText('transcript-tests-passed.jsonl'));
      await refresh(session);
      append(session, 'transcript-tests-passed.jsonl');
      expect(await refresh(session)).toMatch(idle());
      expect(readState(session).lastReactionAt).toBe(0);
    });

    it('stays quiet while muted, persists the setting, and reacts again once unmuted', async () => {
      const session = openSession('react-3', fixtureText('transcript-tests-passed.jsonl'));
      await refresh(session);

      // A reaction on screen disappears at once when muted.
      append(session, 'transcript-tests-failed.jsonl');
      expect(remarksOn(await refresh(session), 'testsFailed')).toBe(true);
      const muted = await runInProcess(['mute'], { env });
      expect(muted.code, muted.stderr).toBe(0);
      expect(readConfig().settings.muted).toBe(true);
      expect(await refresh(session)).toMatch(idle());

      // New trouble while muted: nothing, and no reaction is spent.
      editState(session, (state) => ({ ...state, lastReactionAt: Date.now() - REACTION_MIN_GAP_MS - 1_000 }));
      const quietSince = readState(session).lastReactionAt;
      append(session, 'transcript-tests-failed.jsonl');
      append(session, 'transcript-big-diff.jsonl');
      expect(await refresh(session)).toMatch(idle());
      expect(readState(session).lastReactionAt).toBe(quietSince);
      expect(readConfig().settings.muted).toBe(true);

      const unmuted = await runInProcess(['unmute'], { env });
      expect(unmuted.code, unmuted.stderr).toBe(0);
      expect(readConfig().settings.muted).toBe(false);
      append(session, 'transcript-tests-failed.jsonl');
      const line = await refresh(session);
      expect(remarksOn(line, 'testsFailed'), line).toBe(true);
      expect(line).toContain(` ! ${name}  `);
    });

    // A record only half on disk at one refresh is read whole at the next one.
    it('reacts to a record that was half-written at the previous refresh once it is complete', async () => {
      const session = openSession('react-4', fixtureText('transcript-tests-passed.jsonl'));
      await refresh(session);
      const failing = fixtureText('transcript-tests-failed.jsonl');
      const cut = failing.indexOf('\n') + 300;
      fs.appendFileSync(session.transcript, failing.slice(0, cut));
      expect(await refresh(session)).toMatch(idle());
      fs.appendFileSync(session.transcript, failing.slice(cut));
      const line = await refresh(session);
      expect(remarksOn(line, 'testsFailed'), line).toBe(true);
    });
  });

  describe('grounded remarks', () => {
    const bones = rollFromUserId(USER_ID);
    const record = (message: Record<string, unknown>): string => `${JSON.stringify({ type: message.role, message })}\n`;
    const bash = (id: string, command: string): string => record({ role: 'assistant', content: [{ type: 'tool_use', id, name: 'Bash', input: { command } }], stop_reason: 'tool_use' });
    const output = (id: string, text: string, failed = true): string => record({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: text, is_error: failed }] });
    const done = (text: string): string => record({ role: 'assistant', content: [{ type: 'text', text }], stop_reason: 'end_turn' });
    const PYTEST = [
      '=========================== short test summary info ============================',
      'FAILED tests/test_invoice.py::test_rounds_vat - AssertionError: assert 19.99 == 20.0',
      '========================= 1 failed, 7 passed in 0.09s ==========================',
    ].join('\n');
    const gapPassed = (session: Session, gap = REACTION_MIN_GAP_MS): void => editState(session, (state) => ({ ...state, lastReactionAt: Date.now() - gap - 1_000 }));

    // Far east of UTC, where the day is never UTC's day nor the day of the zone as far west: the tally's day
    // is the person's own.
    const zone = process.env.TZ;
    beforeEach(() => {
      process.env.TZ = 'Pacific/Kiritimati';
    });
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    // The day by the clock the process has (Kiritimati's, UTC+14, wherever TZ takes effect): the moment moved
    // by the zone's offset, read as a UTC date.
    const kiritimatiDay = (at: number): string => new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

    it("names the failing test in the buddy's remark, and counts the red runs of the day", async () => {
      expect(bones.species).toBe('Nebulynx');
      const session = openSession('grounded-1', chatterLine(0));
      await refresh(session);
      fs.appendFileSync(session.transcript, bash('toolu_py1', 'pytest -q') + output('toolu_py1', PYTEST));
      const line = await refresh(session);
      const first = readState(session);
      const facts = { kind: 'testsFailed', timesToday: 1, tests: ['test_rounds_vat'], file: 'tests/test_invoice.py', error: 'AssertionError: assert 19.99 == 20.0', command: 'pytest -q', failed: 1, passed: 7 } as const;
      expect(first.reaction).toEqual({ event: 'testsFailed', text: offlineRemark(bones, facts, first.reaction!.at), at: first.reaction!.at });
      expect(line).toBe(`${line.split(' ')[0]} ! ${name}  ${first.reaction!.text}`);
      expect(line).toContain('"test_rounds_vat"');
      const day = kiritimatiDay(first.reaction!.at);
      // Where the zone took effect, that day is Kiritimati's (UTC+14), ahead of UTC's for ten hours of each day.
      if (new Date(first.reaction!.at).getTimezoneOffset() === -840) expect(localDay(first.reaction!.at, 14 * 60)).toBe(day);
      expect(first.remarkTally).toEqual({ day, counts: { testsFailed: 1 } });

      gapPassed(session);
      fs.appendFileSync(session.transcript, bash('toolu_py2', 'pytest -q') + output('toolu_py2', PYTEST));
      await refresh(session);
      const second = readState(session);
      expect(second.reaction!.text).toBe(offlineRemark(bones, { ...facts, timesToday: 2 }, second.reaction!.at));
      expect(second.remarkTally).toEqual({ day, counts: { testsFailed: 2 } });
    });

    it('writes the remark for the room a narrow line has, so it is shown whole', async () => {
      const session = openSession('grounded-narrow', chatterLine(0));
      await refresh(session);
      fs.appendFileSync(session.transcript, bash('toolu_py3', 'pytest -q') + output('toolu_py3', PYTEST));
      const width = 44;
      const run = await statuslineInProcess(['--format', 'plain', '--width', String(width)], { env, input: session.payload });
      expect(run.code, run.stderr).toBe(0);
      const line = run.stdout.replace(/\n$/, '');
      const reaction = readState(session).reaction!;
      const head = `${line.split(' ')[0]} ! ${name}`;
      const room = width - displayWidth(head) - 2;
      expect(room).toBeLessThan(30);
      const facts = { kind: 'testsFailed', timesToday: 1, tests: ['test_rounds_vat'], file: 'tests/test_invoice.py', error: 'AssertionError: assert 19.99 == 20.0', command: 'pytest -q', failed: 1, passed: 7 } as const;
      expect(reaction.text).toBe(offlineRemark(bones, facts, reaction.at, room));
      // The one remark naming the test that fits the room.
      expect(reaction.text).toBe('Red: "test_rounds_vat".');
      expect(line).toBe(`${head}  ${reaction.text}`);
    });

    it("remarks on the end of a turn that did work, not of one that only talked, and seldom", async () => {
      // A worked turn in the history is old news: the first look only takes the session's measure.
      const session = openSession('grounded-2', bash('toolu_old', 'npm ci') + output('toolu_old', 'added 1 package', false) + done('Installed.'));
      expect(await refresh(session)).toMatch(idle());
      expect(readState(session)).toMatchObject({ turnWorking: false, lastReactionAt: 0 });
      // A turn that only talked ends without a word.
      fs.appendFileSync(session.transcript, done('Here is how the cart works.'));
      expect(await refresh(session)).toMatch(idle());

      // Work in one refresh, its end in the next: the turn is remembered across them.
      fs.appendFileSync(session.transcript, bash('toolu_w1', 'npm run build') + output('toolu_w1', 'built in 2s', false));
      expect(await refresh(session)).toMatch(idle());
      expect(readState(session).turnWorking).toBe(true);
      fs.appendFileSync(session.transcript, done('The build is fixed.'));
      const line = await refresh(session);
      const state = readState(session);
      expect(state).toMatchObject({ turnWorking: false, reaction: { event: 'turnEnd' } });
      expect(state.reaction!.text).toBe(offlineRemark(bones, { kind: 'turnEnd', timesToday: 1 }, state.reaction!.at));
      expect(line).toContain(` ♥ ${name}  ${state.reaction!.text}`);

      // The next worked turn, past the usual gap but within TURN_END_MIN_GAP_MS: no word, but it counts.
      gapPassed(session);
      fs.appendFileSync(session.transcript, bash('toolu_w2', 'npm test') + output('toolu_w2', 'ok', false) + done('Done again.'));
      await refresh(session);
      expect(readState(session).reaction!.at).toBe(state.reaction!.at);
      gapPassed(session, TURN_END_MIN_GAP_MS);
      fs.appendFileSync(session.transcript, bash('toolu_w3', 'npm test') + output('toolu_w3', 'ok', false) + done('And again.'));
      await refresh(session);
      const third = readState(session);
      expect(third.reaction!.text).toBe(offlineRemark(bones, { kind: 'turnEnd', timesToday: 3, command: 'npm test' }, third.reaction!.at));
      expect(third.remarkTally?.counts).toEqual({ turnEnd: 3 });
    });
  });

  describe('per-session isolation', () => {
    it('keeps two sessions refreshed concurrently apart', async () => {
      const a = openSession('session-alpha', fixtureText('transcript-tests-passed.jsonl'));
      const b = openSession('session-bravo', fixtureText('transcript-big-diff.jsonl') + fixtureText('transcript-tests-passed.jsonl'));
      // Quiet rounds, the round A's tests fail, and rounds after it: each a pair of concurrent refreshes.
      const FAIL_ROUND = 3;
      const ROUNDS = 6;

      for (let round = 0; round < ROUNDS; round++) {
        if (round > 0) {
          if (round === FAIL_ROUND) append(a, 'transcript-tests-failed.jsonl');
          else fs.appendFileSync(a.transcript, chatterLine(round));
          fs.appendFileSync(b.transcript, chatterLine(round) + chatterLine(round + 100));
        }
        const [lineA, lineB] = await Promise.all([refresh(a), refresh(b)]);
        expect(lineB, `round ${round}`).toMatch(idle());
        expect(anyReaction(lineB)).toBe(false);
        if (round < FAIL_ROUND) expect(lineA, `round ${round}`).toMatch(idle());
        if (round === FAIL_ROUND) expect(remarksOn(lineA, 'testsFailed'), lineA).toBe(true);
        expect(readState(a).transcriptSize).toBe(fs.statSync(a.transcript).size);
        expect(readState(b).transcriptSize).toBe(fs.statSync(b.transcript).size);
      }

      expect(fs.statSync(a.transcript).size).not.toBe(fs.statSync(b.transcript).size);
      expect(readState(a)).toMatchObject({ recentFailures: 1, reaction: { event: 'testsFailed' } });
      expect(readState(b)).toMatchObject({ recentFailures: 0, lastReactionAt: 0 });
      expect(readState(b).reaction).toBeUndefined();
      const files = fs.readdirSync(path.dirname(stateFile(a))).sort();
      expect(files).toEqual([`${sessionKey(a.id)}.status.json`, `${sessionKey(b.id)}.status.json`]);
    });
  });
});
