// The journal in one process: one clean JSON line per thing said, read back checked (a bad or half-written
// line is skipped, and text is cleaned again), rotated at the size limit into exactly two files, never
// written through a symlink or into a FIFO; and the pure helpers that choose and format lines.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { journal, journalLine, JOURNAL_FILE_NAME, PREVIOUS_JOURNAL_FILE_NAME } from '../../src/journal/append.js';
import { formatRecord, parseDuration, recordJson, selectRecords, type JournalRecord } from '../../src/render/journal-lines.js';
import { clearJournal, parseJournalLine, readJournal, readJournalTail } from '../../src/journal/read-back.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const current = (): string => path.join(dir, JOURNAL_FILE_NAME);
const previous = (): string => path.join(dir, PREVIOUS_JOURNAL_FILE_NAME);
const fileLines = (file: string): string[] => fs.readFileSync(file, 'utf8').split('\n').slice(0, -1);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-journal-'));
  env = { BUDDY_CONFIG_DIR: path.join(dir) };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('journal: appending', () => {
  it('writes one JSON line with the time, source, session, name, mood and text', () => {
    journal({ at: Date.UTC(2026, 4, 1, 14, 2, 9), source: 'reaction', text: 'Ooh, a red one.', session: 'abc-123', name: 'Dorina', mood: 'wry' }, env);
    journal({ at: Date.UTC(2026, 4, 1, 14, 3, 0), source: 'say', text: 'Hello.' }, env);
    expect(fs.readFileSync(current(), 'utf8')).toBe(
      '{"at":"2026-05-01T14:02:09.000Z","source":"reaction","session":"abc-123","name":"Dorina","mood":"wry","text":"Ooh, a red one."}\n' +
        '{"at":"2026-05-01T14:03:00.000Z","source":"say","text":"Hello."}\n',
    );
    expect(fs.statSync(current()).mode & 0o777).toBe(0o600);
  });

  it('cleans what the model or a person wrote before it reaches the file: one line, no escape codes', () => {
    journal({ at: 0, source: 'pet', text: 'red\u001b[31m alert\u001b]0;title\u0007\nnext line \u202ereversed', name: 'Do\u001b[1mrina', mood: 'calm\r\n' }, env);
    const [line] = fileLines(current());
    expect(JSON.parse(line!)).toEqual({ at: '1970-01-01T00:00:00.000Z', source: 'pet', name: 'Dorina', mood: 'calm', text: 'red alert next line reversed' });
  });

  it('leaves out a session that is not a plain token, and caps the text', () => {
    const line = JSON.parse(journalLine({ source: 'say', text: 'x'.repeat(2_000), session: 'a b/../../etc' }, 0)) as Record<string, string>;
    expect(line.session).toBeUndefined();
    expect(line.text!.length).toBeLessThanOrEqual(500);
  });

  it('writes nothing for an empty line, and never throws where it cannot write', () => {
    journal({ source: 'say', text: '   ' }, env);
    expect(fs.existsSync(current())).toBe(false);
    fs.writeFileSync(path.join(dir, 'file'), '');
    expect(() => journal({ source: 'say', text: 'hi' }, { BUDDY_CONFIG_DIR: path.join(dir, 'file', 'below-a-file') })).not.toThrow();
  });

  it('never writes through a symlink at its path', () => {
    const target = path.join(dir, 'elsewhere.txt');
    fs.writeFileSync(target, 'untouched\n');
    fs.symlinkSync(target, current());
    journal({ source: 'say', text: 'hi' }, env);
    expect(fs.readFileSync(target, 'utf8')).toBe('untouched\n');
    expect(fs.lstatSync(current()).isSymbolicLink()).toBe(true);
  });

  it('returns at once when a FIFO sits at its path, instead of waiting for a reader', () => {
    execFileSync('mkfifo', [current()]);
    journal({ source: 'say', text: 'hi' }, env);
    expect(fs.statSync(current()).isFIFO()).toBe(true);
  });
});

describe('journal: rotation', () => {
  it('moves the file aside at the size limit and keeps only the last two files', async () => {
    const limit = 2_000;
    for (let index = 0; index < 200; index++) journal({ at: index, source: 'say', text: `line ${index}` }, env, { rotateBytes: limit });
    // The expired files are deleted without the appender waiting for it.
    await vi.waitFor(() => expect(fs.readdirSync(dir).sort()).toEqual([PREVIOUS_JOURNAL_FILE_NAME, JOURNAL_FILE_NAME].sort()));
    const lineBytes = Buffer.byteLength(journalLine({ at: 199, source: 'say', text: 'line 199' }, 0));
    expect(fs.statSync(previous()).size).toBeGreaterThanOrEqual(limit);
    expect(fs.statSync(previous()).size).toBeLessThan(limit + lineBytes);
    expect(fs.statSync(current()).size).toBeLessThan(limit + lineBytes);
    // The newest lines are kept, in order, with nothing torn or doubled across the two files.
    const texts = readJournal(env).map((record) => record.text);
    expect(texts.at(-1)).toBe('line 199');
    const numbers = texts.map((text) => Number(text.slice(5)));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => 200 - numbers.length + index));
    expect(numbers.length).toBeGreaterThan(30);
  });

  it('rotates at about a megabyte by default', () => {
    const text = 'x'.repeat(400);
    const lineBytes = Buffer.byteLength(journalLine({ at: 0, source: 'say', text }, 0));
    const lines = Math.ceil((1024 * 1024) / lineBytes);
    for (let index = 0; index < lines - 1; index++) journal({ at: 0, source: 'say', text }, env);
    expect(fs.existsSync(previous())).toBe(false);
    journal({ at: 0, source: 'say', text }, env);
    expect(fs.existsSync(previous())).toBe(true);
    expect(fs.statSync(previous()).size).toBe(lines * lineBytes);
  });

  it('leaves rotation to the process holding the lock, and breaks a lock left behind by a dead one', () => {
    const lock = path.join(dir, 'journal.rotate.lock');
    fs.writeFileSync(lock, '');
    for (let index = 0; index < 50; index++) journal({ at: index, source: 'say', text: `line ${index}` }, env, { rotateBytes: 500 });
    expect(fs.existsSync(previous())).toBe(false);
    // Only a lock older than ten seconds is stale.
    const old = new Date(Date.now() - 11_000);
    fs.utimesSync(lock, old, old);
    journal({ at: 50, source: 'say', text: 'line 50' }, env, { rotateBytes: 500 });
    expect(fs.existsSync(lock)).toBe(false);
    journal({ at: 51, source: 'say', text: 'line 51' }, env, { rotateBytes: 500 });
    expect(fs.existsSync(previous())).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('journal: reading back', () => {
  const good = '{"at":"2026-05-01T14:02:09.000Z","source":"reaction","session":"s1","name":"Dorina","mood":"wry","text":"Ooh."}';

  it('skips lines that fail the schema and a half-written last line, and keeps the rest in order', () => {
    fs.writeFileSync(
      current(),
      [
        good,
        'not json',
        '{"at":"yesterday","source":"say","text":"bad time"}',
        '{"at":"2026-05-01T14:02:10.000Z","source":"BAD SOURCE","text":"x"}',
        '{"at":"2026-05-01T14:02:11.000Z","source":"say","text":42}',
        '[1,2,3]',
        '{"at":"2026-05-01T14:02:12.000Z","source":"level-up","text":"Level 3!"}',
        '{"at":"2026-05-01T14:02:13.000Z","source":"say","te',
      ].join('\n'),
    );
    expect(readJournal(env).map((record) => record.text)).toEqual(['Ooh.', 'Level 3!']);
  });

  it('cleans text again when reading, since anyone can edit the file', () => {
    const edited = JSON.stringify({ at: '2026-05-01T14:02:09.000Z', source: 'say', name: 'Do\u001b[31mrina', text: 'hi\u001b[2J there\u0007' });
    expect(parseJournalLine(edited)).toEqual({ at: '2026-05-01T14:02:09.000Z', time: Date.UTC(2026, 4, 1, 14, 2, 9), source: 'say', name: 'Dorina', text: 'hi there' });
  });

  it('reads the previous file before the current one, and the tail without reading everything', () => {
    fs.writeFileSync(previous(), `${good.replace('Ooh.', 'one')}\n${good.replace('Ooh.', 'two')}\n`);
    fs.writeFileSync(current(), `${good.replace('Ooh.', 'three')}\n`);
    expect(readJournal(env).map((record) => record.text)).toEqual(['one', 'two', 'three']);
    expect(readJournalTail(env, 2).map((record) => record.text)).toEqual(['two', 'three']);
    expect(readJournalTail(env, 1).map((record) => record.text)).toEqual(['three']);
  });

  it('clears both files, and an expired one left behind', () => {
    fs.writeFileSync(previous(), `${good}\n`);
    fs.writeFileSync(current(), `${good}\n`);
    fs.writeFileSync(path.join(dir, 'journal.expired-123-456.jsonl'), `${good}\n`);
    fs.writeFileSync(path.join(dir, 'config.json'), '{}');
    clearJournal(env);
    expect(fs.readdirSync(dir)).toEqual(['config.json']);
    expect(readJournal(env)).toEqual([]);
  });
});

describe('choosing and formatting lines', () => {
  const record = (minute: number, text: string, extra: Partial<JournalRecord> = {}): JournalRecord => ({
    at: `2026-05-01T14:${String(minute).padStart(2, '0')}:00.000Z`,
    time: Date.UTC(2026, 4, 1, 14, minute),
    source: 'say',
    text,
    ...extra,
  });
  const records = [record(0, 'a'), record(10, 'b'), record(20, 'c'), record(30, 'd')];

  it.each([
    ['2h', 7_200_000],
    ['30m', 1_800_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    [' 2H ', 7_200_000],
  ])('reads the duration %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '2', 'h', '2 h', '-2h', '2y', '1.5h', '0m', 'yesterday', '9999999h'])('refuses the duration %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('keeps the lines since a moment, then the last N of them, oldest first', () => {
    const texts = (selected: JournalRecord[]): string[] => selected.map((item) => item.text);
    expect(texts(selectRecords(records, {}))).toEqual(['a', 'b', 'c', 'd']);
    expect(texts(selectRecords(records, { count: 2 }))).toEqual(['c', 'd']);
    expect(texts(selectRecords(records, { since: Date.UTC(2026, 4, 1, 14, 10) }))).toEqual(['b', 'c', 'd']);
    expect(texts(selectRecords(records, { since: Date.UTC(2026, 4, 1, 14, 10), count: 1 }))).toEqual(['d']);
    expect(texts(selectRecords(records, { since: Date.UTC(2026, 4, 1, 15) }))).toEqual([]);
    expect(texts(selectRecords(records, { count: 10 }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('formats a line for people and for scripts', () => {
    const full = record(2, 'Ooh, a red one.', { source: 'reaction', session: 's1', name: 'Dorina', mood: 'wry' });
    expect(formatRecord(full, '2026-05-01 14:02:00')).toBe('2026-05-01 14:02:00  reaction  Dorina: Ooh, a red one.');
    expect(formatRecord(record(3, 'Hi.'), '14:03')).toBe('14:03  say       Hi.');
    expect(recordJson(full)).toBe('{"at":"2026-05-01T14:02:00.000Z","source":"reaction","session":"s1","name":"Dorina","mood":"wry","text":"Ooh, a red one."}');
    expect(recordJson(record(3, 'Hi.'))).toBe('{"at":"2026-05-01T14:03:00.000Z","source":"say","text":"Hi."}');
  });
});
