// One statusline refresh in process, for what the end-to-end tests see only from outside: when the
// session's state file is written (and when it is left alone), the first look that only takes the
// transcript's measure, when a session counts as the host's, what a stored buddy adds (its name, its
// witnessed events, the journal), the cleanup a new session starts with, and the lines without a buddy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { journalFiles } from '../../src/journal/append.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { eventsFile } from '../../src/store/event-log.js';
import { toStoredGrowth } from '../../src/store/growth-schema.js';
import { initialGrowth } from '../../src/game/state.js';
import { CARE_CHEERS_MS } from '../../src/game/mood.js';
import { FRAMES_HORIZON_MS } from '../../src/statusline/frames.js';
import { LONG_SILENCE_MS, REACTION_SHOW_MS } from '../../src/statusline/reactions.js';
import { PLAIN_FACE } from '../../src/statusline/render.js';
import { EMPTY_STATUS, readStatusState, statusFile, updateHookState, writeStatusState } from '../../src/statusline/session-state.js';
import { GREETING_SHOW_MS, buildStatusline, drawStatusline, type StatuslineOutcome } from '../../src/statusline/statusline.js';
import { recordAgentReaction } from '../../src/statusline/agent-event.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
/** The session the fixture transcripts were written by. */
const SID = '4f1c2a7e-9b3d-4c1a-8e2f-6d5b0a9c3e71';
const DAY_MS = 24 * 60 * 60_000;
/**
 * Noon UTC, for what goes by the local hour (the mood's energy): daytime in the zone tests/setup.ts picks,
 * and in UTC, which a worker thread keeps whatever TZ says (Stryker runs its tests in threads).
 */
const NOON = Date.UTC(2026, 4, 1, 12);

let root: string;
let env: NodeJS.ProcessEnv;
let transcript: string;
/** Refreshes are drawn at moments after the real clock (stale-state cleanup goes by file times). */
let start: number;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-refresh-'));
  env = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config'), BUDDY_CACHE_DIR: path.join(root, 'cache'), CLAUDE_CONFIG_DIR: path.join(root, 'claude') };
  transcript = path.join(root, 'transcript.jsonl');
  start = Date.now();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const rolled = (): void => void (env.BUDDY_USER_ID = 'buddy-93');
function stored(): void {
  saveBuddy(makeStoredBuddy(rollFromUserId('refresh-1'), { name: 'Pim', personality: 'Pim keeps watch.' }, 'offline', new Date(start - 60_000)), env);
}
function settings(values: Record<string, unknown>): void {
  fs.mkdirSync(env.BUDDY_CONFIG_DIR as string, { recursive: true });
  fs.writeFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), JSON.stringify({ settings: values }));
}
const append = (fixture: string): void => fs.appendFileSync(transcript, fs.readFileSync(path.join(FIXTURES, fixture)));

function refresh(offset: number, options: { sessionId?: string; layout?: 'compact' | 'full'; ascii?: boolean; payload?: string } = {}): StatuslineOutcome {
  const payloadText = options.payload ?? JSON.stringify({ session_id: options.sessionId ?? SID, transcript_path: transcript });
  return drawStatusline({ payloadText, env, now: start + offset, width: 200, format: 'plain', layout: options.layout ?? 'compact', ascii: options.ascii });
}
const stateInode = (key = SID): bigint => fs.statSync(statusFile(env, key), { bigint: true }).ino;
const events = (): Array<{ k: string }> => (fs.existsSync(eventsFile(env)) ? fs.readFileSync(eventsFile(env), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { k: string }) : []);
const journaled = (): Array<Record<string, unknown>> => {
  const file = journalFiles(env).current;
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) : [];
};

describe("the session's state file", () => {
  it('is written on the first look and when something changed, and left alone by a quiet refresh', () => {
    rolled();
    append('transcript-tests-passed.jsonl');
    const first = refresh(0);
    expect(first.scene.watched.s?.own).toBe(true);
    const written = stateInode();
    const quiet = refresh(1_000);
    expect(stateInode()).toBe(written);
    expect(quiet.scene.watched.s?.own).toBe(false);
    expect(readStatusState(env, SID)?.transcriptChangedAt).toBe(start);
    append('transcript-tests-passed.jsonl');
    refresh(2_000);
    expect(stateInode()).not.toBe(written);
    expect(readStatusState(env, SID)?.transcriptChangedAt).toBe(start + 2_000);
  });

  it('notes a long silence of a muted session without saying it', () => {
    rolled();
    settings({ muted: true });
    append('transcript-tests-passed.jsonl');
    refresh(0);
    const size = fs.statSync(transcript).size;
    writeStatusState(env, SID, { ...EMPTY_STATUS, transcriptSize: size, transcriptChangedAt: start - LONG_SILENCE_MS, hostSeen: true });
    const line = refresh(0).lines[0]!;
    expect(line).not.toMatch(/ z /);
    expect(readStatusState(env, SID)).toMatchObject({ silenceNoticed: true, lastReactionAt: 0 });
  });

  it('takes only the measure of an old transcript on the first look, and reacts to what comes after', () => {
    rolled();
    append('transcript-tests-failed.jsonl');
    expect(refresh(0).lines[0]).not.toMatch(/ ! /);
    expect(readStatusState(env, SID)).toMatchObject({ transcriptSize: fs.statSync(transcript).size, recentFailures: 0 });
    append('transcript-tests-failed.jsonl');
    expect(refresh(1_000).lines[0]).toMatch(/ ! /);
    expect(readStatusState(env, SID)).toMatchObject({ recentFailures: 1, lastReactionAt: start + 1_000 });
  });

  it("counts the session as the host's once its transcript holds the host's records for it, and for good", () => {
    rolled();
    append('transcript-tests-passed.jsonl');
    refresh(0, { sessionId: 'someone-else' });
    expect(readStatusState(env, 'someone-else')?.hostSeen).toBe(false);
    refresh(0);
    expect(readStatusState(env, SID)?.hostSeen).toBe(true);
    fs.appendFileSync(transcript, `${JSON.stringify({ type: 'summary', summary: 'x' })}\n`);
    refresh(1_000);
    expect(readStatusState(env, SID)?.hostSeen).toBe(true);
  });

  it('clears out week-old sessions when a new session is first seen, not on every refresh', () => {
    rolled();
    const old = (key: string): string => {
      const file = statusFile(env, key);
      writeStatusState(env, key, EMPTY_STATUS);
      const at = (Date.now() - 8 * DAY_MS) / 1000;
      fs.utimesSync(file, at, at);
      return file;
    };
    const first = old('stale-1');
    refresh(0);
    expect(fs.existsSync(first)).toBe(false);
    const second = old('stale-2');
    refresh(1_000);
    expect(fs.existsSync(second)).toBe(true);
  });
});

describe('the moment the frames end', () => {
  it('leaves out moments already past, and one that is exactly now', () => {
    rolled();
    updateHookState(env, SID, () => ({ greeting: { text: 'hi!', at: start - GREETING_SHOW_MS } }));
    writeStatusState(env, SID, { ...EMPTY_STATUS, reaction: { event: 'error', text: 'oh no', at: start - 2 * REACTION_SHOW_MS } });
    expect(refresh(0, { payload: JSON.stringify({ session_id: SID }) }).scene.until).toBe(start + FRAMES_HORIZON_MS);
  });
});

describe('a stored buddy', () => {
  it('is drawn under its own name, in the layout its settings choose', () => {
    stored();
    append('transcript-tests-passed.jsonl');
    const line = refresh(0).lines[0]!;
    expect(line).toMatch(/ Pim$/);
    const full = drawStatusline({ payloadText: JSON.stringify({ session_id: SID }), env, now: start, width: 200, format: 'plain', layout: undefined }).lines;
    expect(full).toHaveLength(1);
  });

  it('draws the full layout, with its level, when the settings say so and the request does not', () => {
    rolled();
    settings({ statuslineLayout: 'full' });
    const lines = drawStatusline({ payloadText: JSON.stringify({ session_id: SID }), env, now: start, width: 200, format: 'plain', layout: undefined }).lines;
    expect(lines.length).toBeGreaterThan(1);
  });

  it("records what the host's session witnessed, which a buddy only rolled from an ID does not", () => {
    rolled();
    append('transcript-tests-passed.jsonl');
    refresh(0);
    expect(fs.existsSync(eventsFile(env))).toBe(false);
    delete env.BUDDY_USER_ID;
    stored();
    refresh(0, { sessionId: SID });
    fs.rmSync(statusFile(env, SID));
    refresh(1_000);
    expect(events().map((event) => event.k)).toEqual(['session']);
  });

  it("shows in the full layout the mood of what a host's session witnessed, and not of another session's", () => {
    start = NOON;
    stored();
    const full = (sessionId: string, offset: number): string[] => refresh(offset, { sessionId, layout: 'full' }).lines;
    for (const [sessionId, mood] of [
      [SID, 'worried'],
      ['not-the-host', 'content'],
    ] as const) {
      fs.writeFileSync(transcript, '');
      append('transcript-tests-passed.jsonl');
      expect(full(sessionId, 0)[1]).toMatch(/Lv 1 hatchling · content$/);
      append('transcript-tests-failed.jsonl');
      expect(full(sessionId, 1_000)[1]).toMatch(new RegExp(`Lv 1 hatchling · ${mood}$`));
    }
  });

  it('ends the full layout\'s frames when its mood would change, and the compact layout\'s at the horizon', () => {
    start = NOON;
    const cheerEnds = start + 60_000;
    const growth = toStoredGrowth({ ...initialGrowth(start - 60 * 60_000, start), fullness: 100, lastCareAt: cheerEnds - CARE_CHEERS_MS });
    saveBuddy({ ...makeStoredBuddy(rollFromUserId('refresh-1'), { name: 'Pim', personality: 'Pim keeps watch.' }, 'offline', new Date(start - 60 * 60_000)), growth }, env);
    const payload = JSON.stringify({ session_id: SID });
    expect(refresh(0, { payload, layout: 'full' }).scene.until).toBe(cheerEnds);
    expect(refresh(0, { payload, layout: 'compact' }).scene.until).toBe(start + FRAMES_HORIZON_MS);
  });

  it("shows an agent's reaction in a host's session without letting it colour the mood", () => {
    start = NOON;
    stored();
    append('transcript-tests-passed.jsonl');
    refresh(0, { layout: 'full' });
    const told = recordAgentReaction(env, rollFromUserId('refresh-1'), 'tests_failed', false, start + 1_000);
    const lines = refresh(2_000, { layout: 'full' }).lines;
    expect(lines.join('\n')).toContain(told.text.slice(0, 20));
    expect(lines[1]).toMatch(/Lv 1 hatchling · content$/);
  });

  it('talks with its mouth open in the full layout, and rests it otherwise', () => {
    start = NOON;
    stored();
    const rest = refresh(0, { layout: 'full' }).lines;
    updateHookState(env, SID, () => ({ reply: { text: 'hello there friend', at: start + 1_000, askedAt: 0 } }));
    const talking = refresh(1_000, { layout: 'full' }).lines;
    expect(talking[2]).toMatch(/hello there friend$/);
    expect(rest[5]).toContain('\\_,--.');
    expect(talking[5]).toContain('\\_o--.');
  });

  it('keeps its own reactions in the journal, once, with the session and its name', () => {
    stored();
    append('transcript-tests-passed.jsonl');
    refresh(0);
    append('transcript-tests-failed.jsonl');
    const reacted = refresh(1_000).lines[0]!;
    refresh(2_000);
    const lines = journaled();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ source: 'reaction', session: SID, name: 'Pim' });
    expect(reacted).toContain(String(lines[0]!.text));
  });
});

describe('buildStatusline', () => {
  it('gives the lines of the refresh', () => {
    rolled();
    const request = { payloadText: JSON.stringify({ session_id: SID }), env, now: start, width: 200, format: 'plain' as const, layout: 'compact' as const };
    expect(buildStatusline(request)).toEqual(drawStatusline(request).lines);
    expect(buildStatusline(request)).toHaveLength(1);
  });
});

describe('the line without a buddy', () => {
  it('asks to hatch one, with frames that last to the horizon', () => {
    const outcome = refresh(0);
    expect(outcome.lines).toEqual([`${PLAIN_FACE} · run \`buddy\` to hatch yours`]);
    expect(outcome.scene.until).toBe(start + FRAMES_HORIZON_MS);
  });

  it('names what is wrong with the ID, in ASCII when asked', () => {
    env.BUDDY_USER_ID = 'x'.repeat(2_000);
    const [line] = refresh(0).lines;
    expect(line!.startsWith(`${PLAIN_FACE} · BUDDY_USER_ID`)).toBe(true);
    expect(line).not.toContain('hatch');
    const [ascii] = refresh(0, { ascii: true }).lines;
    expect(ascii).toMatch(/^[\x20-\x7e]+$/);
  });
});
