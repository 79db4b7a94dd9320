// The pure core behind the statusline's reactions: what the Claude Code transcript fixtures signal, how a
// session's memory turns signals into (few) reactions, and that only the transcript's tail is ever read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonLines, signalsIn, type Signal } from '../../src/statusline/transcript-signals.js';
import { decideReaction, LONG_SILENCE_MS, REACTION_MIN_GAP_MS, type WatchMemory } from '../../src/statusline/reactions.js';
import { readTranscriptTail, TAIL_BYTES } from '../../src/statusline/transcript-tail.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const fixtureText = (file: string): string => fs.readFileSync(path.join(FIXTURES, file), 'utf8');
const fixtureSignals = (file: string): Signal[] => signalsIn(parseJsonLines(fixtureText(file)));

const NOW = Date.UTC(2025, 9, 14, 9, 30);
const FRESH: WatchMemory = { recentFailures: 0, lastReactionAt: 0, transcriptChangedAt: 0, silenceNoticed: false };

describe('signalsIn on Claude Code transcripts', () => {
  it.each([
    ['transcript-tests-failed.jsonl', ['testsFailed']],
    ['transcript-error.jsonl', ['error']],
    ['transcript-big-diff.jsonl', ['bigDiff']],
    ['transcript-tests-passed.jsonl', ['testsPassed']],
  ])('%s signals %j', (file, expected) => {
    expect(fixtureSignals(file)).toEqual(expected);
  });

  it('reads signals in transcript order across several records', () => {
    const text = ['transcript-tests-failed.jsonl', 'transcript-error.jsonl', 'transcript-big-diff.jsonl', 'transcript-tests-passed.jsonl'].map(fixtureText).join('');
    expect(signalsIn(parseJsonLines(text))).toEqual(['testsFailed', 'error', 'bigDiff', 'testsPassed']);
  });

  // A big diff is an edit of 80 lines or more: literal sizes on both sides of that line, for every edit
  // tool and the way each one carries its text.
  const toolUse = (name: string, input: Record<string, unknown>): unknown => ({
    type: 'assistant',
    message: { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name, input }] },
  });
  const text = (lines: number): string => Array(lines).fill('line').join('\n');
  const bigDiff = (record: unknown): boolean => signalsIn([record]).includes('bigDiff');

  it.each([
    ['Edit', (lines: number) => toolUse('Edit', { file_path: 'a.ts', old_string: 'x', new_string: text(lines) })],
    ['Write', (lines: number) => toolUse('Write', { file_path: 'b.ts', content: text(lines) })],
    ['NotebookEdit', (lines: number) => toolUse('NotebookEdit', { notebook_path: 'c.ipynb', new_source: text(lines) })],
    ['MultiEdit', (lines: number) => toolUse('MultiEdit', { file_path: 'd.ts', edits: [{ old_string: 'a', new_string: text(lines - 30) }, { old_string: 'b', new_string: text(30) }] })],
  ])('counts %s as a big diff from 80 lines, not at 79', (_tool, edit) => {
    expect(bigDiff(edit(79))).toBe(false);
    expect(bigDiff(edit(80))).toBe(true);
    expect(bigDiff(edit(81))).toBe(true);
    expect(signalsIn([edit(80)])).toEqual(['bigDiff']);
  });

  it('counts a big diff from the edit size, not from the tool name alone', () => {
    expect(bigDiff(toolUse('Edit', { file_path: 'a.ts', old_string: text(200), new_string: 'x' }))).toBe(false);
    expect(bigDiff(toolUse('Bash', { command: text(120) }))).toBe(false);
    expect(bigDiff(toolUse('Read', { content: text(120) }))).toBe(false);
  });

  it('treats is_error as an error and reads array content blocks', () => {
    const result = (content: unknown, isError: boolean): unknown => ({
      type: 'user',
      message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content, is_error: isError }] },
    });
    expect(signalsIn([result('exit code 1', true)])).toEqual(['error']);
    expect(signalsIn([result('all good', false)])).toEqual([]);
    expect(signalsIn([result([{ type: 'text', text: 'Tests  2 failed | 10 passed' }], false)])).toEqual(['testsFailed']);
  });

  it('ignores records of unknown shape', () => {
    expect(signalsIn([null, 5, 'Error: ENOENT', [], { type: 'summary', summary: 'Tests failed' }, { message: { content: 'Error: x' } }, { message: { content: [null, 7] } }])).toEqual([]);
  });
});

describe('parseJsonLines', () => {
  it('skips a cut first line, a half-written last line and blank lines', () => {
    const [first, second] = fixtureText('transcript-tests-failed.jsonl').trimEnd().split('\n') as [string, string];
    const text = `${first.slice(40)}\n\n${second}\n   \n${first.slice(0, 120)}`;
    const records = parseJsonLines(text);
    expect(records).toHaveLength(1);
    expect(signalsIn(records)).toEqual(['testsFailed']);
  });

  it('returns nothing for empty text', () => {
    expect(parseJsonLines('')).toEqual([]);
  });
});

describe('decideReaction', () => {
  it('reacts to failing tests and remembers the failure', () => {
    const decision = decideReaction(FRESH, ['testsFailed'], true, NOW, false);
    expect(decision.event).toBe('testsFailed');
    expect(decision.memory).toEqual({ recentFailures: 1, lastReactionAt: NOW, transcriptChangedAt: NOW, silenceNoticed: false });
  });

  it('rate-limits: an error right after a reaction is counted but not shown', () => {
    const afterFailure = decideReaction(FRESH, ['testsFailed'], true, NOW, false).memory;
    const decision = decideReaction(afterFailure, ['error'], true, NOW + 1_000, false);
    expect(decision.event).toBeUndefined();
    expect(decision.memory.recentFailures).toBe(2);
    expect(decision.memory.lastReactionAt).toBe(NOW);
    expect(decideReaction(afterFailure, ['error'], true, NOW + REACTION_MIN_GAP_MS, false).event).toBe('error');
  });

  it('calls passing tests after failures a recovery, and only then', () => {
    const failing: WatchMemory = { ...FRESH, recentFailures: 2, lastReactionAt: NOW - REACTION_MIN_GAP_MS };
    const recovered = decideReaction(failing, ['testsPassed'], true, NOW, false);
    expect(recovered.event).toBe('recovered');
    expect(recovered.memory.recentFailures).toBe(0);
    expect(decideReaction(FRESH, ['testsPassed'], true, NOW, false).event).toBeUndefined();
  });

  it('prefers recovered over failures over errors over big diffs within one refresh', () => {
    expect(decideReaction(FRESH, ['bigDiff', 'error', 'testsFailed', 'testsPassed'], true, NOW, false).event).toBe('recovered');
    expect(decideReaction(FRESH, ['bigDiff', 'error', 'testsFailed'], true, NOW, false).event).toBe('testsFailed');
    expect(decideReaction(FRESH, ['bigDiff', 'error'], true, NOW, false).event).toBe('error');
    expect(decideReaction(FRESH, ['bigDiff'], true, NOW, false).event).toBe('bigDiff');
  });

  it('keeps quiet when muted without spending a reaction', () => {
    const decision = decideReaction(FRESH, ['testsFailed', 'bigDiff'], true, NOW, true);
    expect(decision.event).toBeUndefined();
    expect(decision.memory.lastReactionAt).toBe(0);
    expect(decision.memory.recentFailures).toBe(1);
  });

  it('notices a long silence once, and again only after something happened', () => {
    const quietSince: WatchMemory = { ...FRESH, transcriptChangedAt: NOW - LONG_SILENCE_MS, lastReactionAt: NOW - LONG_SILENCE_MS };
    expect(decideReaction({ ...quietSince, transcriptChangedAt: NOW - LONG_SILENCE_MS + 1 }, [], false, NOW, false).event).toBeUndefined();

    const noticed = decideReaction(quietSince, [], false, NOW, false);
    expect(noticed.event).toBe('longSilence');
    expect(noticed.memory).toMatchObject({ silenceNoticed: true, lastReactionAt: NOW, transcriptChangedAt: quietSince.transcriptChangedAt });
    expect(decideReaction(noticed.memory, [], false, NOW + LONG_SILENCE_MS, false).event).toBeUndefined();

    const resumed = decideReaction(noticed.memory, [], true, NOW + 60_000, false);
    expect(resumed.event).toBeUndefined();
    expect(resumed.memory).toMatchObject({ silenceNoticed: false, transcriptChangedAt: NOW + 60_000 });
    expect(decideReaction(resumed.memory, [], false, NOW + 60_000 + LONG_SILENCE_MS, false).event).toBe('longSilence');
  });

  it('never calls a session that has not changed yet silent', () => {
    expect(decideReaction(FRESH, [], false, NOW + 10 * LONG_SILENCE_MS, false).event).toBeUndefined();
  });
});

describe('readTranscriptTail', () => {
  let dir: string;
  let big: string;
  const record = `${JSON.stringify({ type: 'assistant', message: { role: 'assistant', content: [{ type: 'text', text: 'x'.repeat(200) }] } })}\n`;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-tail-'));
    big = path.join(dir, 'big.jsonl');
    fs.writeFileSync(big, record.repeat(Math.ceil((5 * 1024 * 1024) / record.length)));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads at most TAIL_BYTES of a 5 MB transcript, from a line start', () => {
    const size = fs.statSync(big).size;
    expect(size).toBeGreaterThan(5 * 1024 * 1024);
    const tail = readTranscriptTail(big, 0)!;
    expect(tail.size).toBe(size);
    expect(tail.text.length).toBeLessThanOrEqual(TAIL_BYTES);
    expect(tail.text.length).toBeGreaterThan(TAIL_BYTES - record.length * 2);
    expect(tail.text.startsWith('{')).toBe(true);
    expect(parseJsonLines(tail.text)).toHaveLength(tail.text.split('\n').filter(Boolean).length);
  });

  it('reads only what is new since the last size', () => {
    const file = path.join(dir, 'grow.jsonl');
    fs.writeFileSync(file, fixtureText('transcript-tests-passed.jsonl'));
    const first = readTranscriptTail(file, 0)!;
    expect(readTranscriptTail(file, first.size)).toEqual({ size: first.size, text: '' });
    fs.appendFileSync(file, fixtureText('transcript-error.jsonl'));
    const next = readTranscriptTail(file, first.size)!;
    expect(next.text).toBe(fixtureText('transcript-error.jsonl'));
  });

  it('reads the tail of a file that shrank (rewritten)', () => {
    const file = path.join(dir, 'shrunk.jsonl');
    fs.writeFileSync(file, fixtureText('transcript-error.jsonl'));
    const tail = readTranscriptTail(file, 10 * 1024 * 1024)!;
    expect(tail.text).toBe(fixtureText('transcript-error.jsonl'));
  });

  it('gives nothing for a missing file or a directory', () => {
    expect(readTranscriptTail(path.join(dir, 'missing.jsonl'), 0)).toBeUndefined();
    expect(readTranscriptTail(dir, 0)).toBeUndefined();
  });
});
