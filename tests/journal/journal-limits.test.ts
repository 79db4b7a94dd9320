// The journal's limits, each pinned on both sides: what a written line keeps (session, name, mood, text and
// their caps), when the file rotates, what a line read back may hold, and how much of a big file is read
// (the durations and dates `buddy log --since` takes: tests/render/journal-lines.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journal, journalLine } from '../../src/journal/append.js';
import { clearJournal, parseJournalLine, readJournal, readJournalTail } from '../../src/journal/read-back.js';
import type { JournalRecord } from '../../src/render/journal-lines.js';

let dir: string;
let env: NodeJS.ProcessEnv;
const current = (): string => path.join(dir, 'journal.jsonl');
const previous = (): string => path.join(dir, 'journal.1.jsonl');
const written = (input: Parameters<typeof journalLine>[0], now = 0): Record<string, unknown> => JSON.parse(journalLine(input, now)) as Record<string, unknown>;
/** One journal line of exactly `bytes` bytes, newline included. */
const lineOfBytes = (text: string, bytes: number): string => {
  const head = `{"at":"2026-05-01T14:02:09.000Z","source":"say","text":"${text}`;
  const tail = '"}\n';
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-journal-limits-'));
  env = { BUDDY_CONFIG_DIR: dir };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a line as written', () => {
  it('is dated now when no moment is given, or when the moment is no date', () => {
    expect(written({ source: 'say', text: 'hi' }, 1_000).at).toBe('1970-01-01T00:00:01.000Z');
    expect(written({ source: 'say', text: 'hi', at: Number.NaN }, 2_000).at).toBe('1970-01-01T00:00:02.000Z');
    expect(written({ source: 'say', text: 'hi', at: 8.64e15 + 1 }, 3_000).at).toBe('1970-01-01T00:00:03.000Z');
    expect(written({ source: 'say', text: 'hi', at: 8.64e15 }, 3_000).at).toBe('+275760-09-13T00:00:00.000Z');
  });

  it('keeps a session of 1 to 80 word characters, dots, colons and dashes, and nothing else', () => {
    expect(written({ source: 'say', text: 'hi', session: 'a' }).session).toBe('a');
    expect(written({ source: 'say', text: 'hi', session: 'run-1.2:x_y' }).session).toBe('run-1.2:x_y');
    expect(written({ source: 'say', text: 'hi', session: 's'.repeat(80) }).session).toBe('s'.repeat(80));
    expect('session' in written({ source: 'say', text: 'hi', session: 's'.repeat(81) })).toBe(false);
    expect('session' in written({ source: 'say', text: 'hi', session: '' })).toBe(false);
    expect('session' in written({ source: 'say', text: 'hi', session: 'x/y' })).toBe(false);
    expect('session' in written({ source: 'say', text: 'hi', session: ' ab' })).toBe(false);
    expect('session' in written({ source: 'say', text: 'hi', session: 'ab ' })).toBe(false);
    expect('session' in written({ source: 'say', text: 'hi' })).toBe(false);
  });

  it('caps the name at 40 characters, the mood at 80 and the text at 500, and leaves out an empty name or mood', () => {
    const line = written({ source: 'say', text: 't'.repeat(501), name: 'n'.repeat(41), mood: 'm'.repeat(81) });
    expect(line).toEqual({ at: '1970-01-01T00:00:00.000Z', source: 'say', name: 'n'.repeat(40), mood: 'm'.repeat(80), text: 't'.repeat(500) });
    expect(written({ source: 'say', text: 't'.repeat(500), name: 'n'.repeat(40), mood: 'm'.repeat(80) })).toEqual(line);
    expect(written({ source: 'say', text: 'hi', name: '', mood: '' })).toEqual({ at: '1970-01-01T00:00:00.000Z', source: 'say', text: 'hi' });
  });

  it('turns each run of spaces, tabs and line breaks into one space, and trims both ends', () => {
    expect(written({ source: 'say', text: '  one \t\t two\n\n three  ', name: ' Do  rina ', mood: '\tvery   calm\n' })).toMatchObject({
      name: 'Do rina',
      mood: 'very calm',
      text: 'one two three',
    });
  });

  it('is not written at all when nothing is left of the text once cleaned', () => {
    journal({ source: 'say', text: '\u001b[31m\u0007 \t' }, env);
    expect(fs.existsSync(current())).toBe(false);
    journal({ at: 0, source: 'say', text: '.' }, env);
    expect(fs.readFileSync(current(), 'utf8')).toBe('{"at":"1970-01-01T00:00:00.000Z","source":"say","text":"."}\n');
  });
});

describe('rotation', () => {
  it('happens when a line brings the file to the limit exactly, and not a byte before', () => {
    const line = journalLine({ at: 0, source: 'say', text: 'one' }, 0);
    const bytes = Buffer.byteLength(line);
    journal({ at: 0, source: 'say', text: 'one' }, env, { rotateBytes: bytes + 1 });
    expect(fs.existsSync(previous())).toBe(false);
    fs.rmSync(current());
    journal({ at: 0, source: 'say', text: 'one' }, env, { rotateBytes: bytes });
    expect(fs.readFileSync(previous(), 'utf8')).toBe(line);
    expect(fs.existsSync(current())).toBe(false);
    journal({ at: 0, source: 'say', text: 'two' }, env, { rotateBytes: 10 * bytes });
    expect(readJournal(env).map((record) => record.text)).toEqual(['one', 'two']);
  });
});

describe('a line as read back', () => {
  const base = { at: '2026-05-01T14:02:09.000Z', source: 'say', text: 'hi' };
  const parse = (fields: Record<string, unknown>): JournalRecord | undefined => parseJournalLine(JSON.stringify({ ...base, ...fields }));

  it('takes a source of 1 to 24 lower-case letters and dashes that starts with a letter', () => {
    expect(parse({ source: 'a' })?.source).toBe('a');
    expect(parse({ source: 'level-up' })?.source).toBe('level-up');
    expect(parse({ source: 'a'.repeat(24) })?.source).toBe('a'.repeat(24));
    expect(parse({ source: 'a'.repeat(25) })).toBeUndefined();
    expect(parse({ source: '' })).toBeUndefined();
    expect(parse({ source: '-say' })).toBeUndefined();
    expect(parse({ source: 'Say' })).toBeUndefined();
    expect(parse({ source: 'say2' })).toBeUndefined();
    expect(parse({ source: 'x say' })).toBeUndefined();
    expect(parse({ source: 'say x' })).toBeUndefined();
  });

  it('takes a session as written, and refuses a line whose session is no plain token', () => {
    expect(parse({ session: 'run-1.2:x_y' })?.session).toBe('run-1.2:x_y');
    expect(parse({ session: 's'.repeat(81) })).toBeUndefined();
    expect(parse({ session: 'x y' })).toBeUndefined();
    expect(parse({ session: 7 })).toBeUndefined();
  });

  it('takes a name up to 400 characters, a mood up to 800 and a text up to 4000, cut to the written caps', () => {
    expect(parse({ name: 'n'.repeat(400), mood: 'm'.repeat(800), text: 't'.repeat(4_000) })).toEqual({
      at: base.at,
      time: Date.UTC(2026, 4, 1, 14, 2, 9),
      source: 'say',
      name: 'n'.repeat(40),
      mood: 'm'.repeat(80),
      text: 't'.repeat(500),
    });
    expect(parse({ name: 'n'.repeat(401) })).toBeUndefined();
    expect(parse({ mood: 'm'.repeat(801) })).toBeUndefined();
    expect(parse({ text: 't'.repeat(4_001) })).toBeUndefined();
  });

  it('has no session key at all when the line has none', () => {
    expect(Object.keys(parse({}) ?? {})).toEqual(['at', 'time', 'source', 'text']);
  });

  it('leaves out an empty name or mood, and refuses a line with no text left once cleaned', () => {
    expect(parse({ name: '', mood: '' })).toEqual({ at: base.at, time: Date.UTC(2026, 4, 1, 14, 2, 9), source: 'say', text: 'hi' });
    expect(parse({ text: '' })).toBeUndefined();
    expect(parse({ text: '\u001b[2J\u0007' })).toBeUndefined();
    expect(parse({ at: undefined })).toBeUndefined();
  });
});

describe('reading a big journal', () => {
  it('reads the last 4 MiB of a file, and leaves out its first line when the limit may have cut it', () => {
    const lines = Array.from({ length: 4 * 1024 }, (_, index) => lineOfBytes(`${String(index).padStart(4, '0')} `, 1024));
    const firstOf = (records: JournalRecord[]): string | undefined => records[0]?.text.slice(0, 4);
    // Exactly 4 MiB: read whole, every line kept.
    fs.writeFileSync(current(), lines.join(''));
    const whole = readJournal(env);
    expect([whole.length, firstOf(whole), whole.at(-1)?.text.slice(0, 4)]).toEqual([4096, '0000', '4095']);
    // One byte more: the read starts one byte in, and its first line is left out.
    fs.writeFileSync(current(), 'x' + lines.join(''));
    const cut = readJournal(env);
    expect([cut.length, firstOf(cut), cut.at(-1)?.text.slice(0, 4)]).toEqual([4095, '0001', '4095']);
  });

  it('reads the tail from 4 KiB, or 1 KiB a line asked for when that is more', () => {
    const lines = Array.from({ length: 12 }, (_, index) => lineOfBytes(`${String(index).padStart(2, '0')} `, 1024));
    fs.writeFileSync(current(), lines.join(''));
    // Ten lines asked for: 10 KiB read from a longer file, whose first line may be cut and is left out.
    expect(readJournalTail(env, 10).map((record) => record.text.slice(0, 2))).toEqual(['03', '04', '05', '06', '07', '08', '09', '10', '11']);
    // Four lines of exactly 1 KiB fill the 4 KiB read, none cut.
    fs.writeFileSync(current(), lines.slice(0, 4).join(''));
    expect(readJournalTail(env, 4).map((record) => record.text.slice(0, 2))).toEqual(['00', '01', '02', '03']);
    expect(readJournalTail(env, 2).map((record) => record.text.slice(0, 2))).toEqual(['02', '03']);
  });

  it('takes the rest of the tail from the previous file when the current one has too few lines', () => {
    fs.writeFileSync(previous(), lineOfBytes('p1 ', 100) + lineOfBytes('p2 ', 100));
    fs.writeFileSync(current(), lineOfBytes('c1 ', 100));
    expect(readJournalTail(env, 2).map((record) => record.text.slice(0, 2))).toEqual(['p2', 'c1']);
    expect(readJournalTail(env, 5).map((record) => record.text.slice(0, 2))).toEqual(['p1', 'p2', 'c1']);
  });

  it('reads a journal that is not a regular file as empty, and still reads the other file', () => {
    fs.mkdirSync(current());
    fs.writeFileSync(previous(), lineOfBytes('p1 ', 100));
    expect(readJournal(env).map((record) => record.text.slice(0, 2))).toEqual(['p1']);
    expect(readJournalTail(env, 3).map((record) => record.text.slice(0, 2))).toEqual(['p1']);
  });

  it('stops reading the current file where it is asked to, leaving out a line cut there', () => {
    const first = lineOfBytes('one ', 100);
    fs.writeFileSync(current(), first + lineOfBytes('two ', 100));
    expect(readJournal(env, 100).map((record) => record.text.slice(0, 3))).toEqual(['one']);
    expect(readJournal(env, 150).map((record) => record.text.slice(0, 3))).toEqual(['one']);
    expect(readJournal(env, 200).map((record) => record.text.slice(0, 3))).toEqual(['one', 'two']);
    expect(readJournal(env, 0)).toEqual([]);
    expect(readJournal(env).map((record) => record.text.slice(0, 3))).toEqual(['one', 'two']);
  });
});

describe('clearing', () => {
  it('removes only what is the journal\'s: its two files and expired ones', () => {
    const keep = ['config.json', 'journal.expired-.jsonl', 'xjournal.expired-1.jsonl', 'journal.expired-1.jsonl.bak', 'journal.expired-1.json', 'journal.expired-a b.jsonl'];
    for (const name of [...keep, 'journal.jsonl', 'journal.1.jsonl', 'journal.expired-1.jsonl', 'journal.expired-123-456.jsonl', 'journal.expired-ab_c.jsonl']) fs.writeFileSync(path.join(dir, name), '');
    clearJournal(env);
    expect(fs.readdirSync(dir).sort()).toEqual([...keep].sort());
  });

  it('does nothing, and does not throw, when there is no journal folder', () => {
    expect(() => clearJournal({ BUDDY_CONFIG_DIR: path.join(dir, 'missing') })).not.toThrow();
  });
});
