// The journal as `buddy export` carries it and `buddy import` puts it back: only lines the schema accepts
// leave, a brought-in journal is refused whole at its first bad line (with a message naming it), and
// putting one back replaces both files exactly, removing what it leaves empty and the expired leftovers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalLine, JOURNAL_FILE_NAME, PREVIOUS_JOURNAL_FILE_NAME } from '../../src/journal/append.js';
import { MAX_READ_BYTES } from '../../src/journal/read-back.js';
import { checkJournalWritable, journalForExport, journalProblem, MAX_JOURNAL_LINES, replaceJournal } from '../../src/journal/transfer.js';

// journalLine gives the line with its newline; the export carries lines without.
const line = (text: string, at = 0): string => journalLine({ at, source: 'say', text }, 0).slice(0, -1);
const HELLO = line('Hello.');
const LATER = line('Later.', 60_000);

describe('journalProblem', () => {
  it('accepts both files of valid lines, empty or not', () => {
    expect(journalProblem({ previous: [], current: [] })).toBeUndefined();
    expect(journalProblem({ previous: [HELLO], current: [LATER, HELLO] })).toBeUndefined();
  });

  it.each([
    [null, 'the journal is not an object'],
    ['journal', 'the journal is not an object'],
    [[HELLO], 'the journal is not an object'],
    [{ current: [] }, 'journal.previous is not a list'],
    [{ previous: [], current: 'Hello.' }, 'journal.current is not a list'],
    [{ previous: [HELLO, 7], current: [] }, 'journal.previous line 2 is not a journal line'],
    [{ previous: [], current: ['not json'] }, 'journal.current line 1 is not a journal line'],
    [{ previous: [], current: [`${HELLO}\n${LATER}`] }, 'journal.current line 1 is not a journal line'],
    [{ previous: [`${HELLO}\r`], current: [] }, 'journal.previous line 1 is not a journal line'],
    [{ previous: [], current: [], extra: [] }, 'the journal holds "extra", which this Buddy does not know'],
  ])('refuses %j: %s', (value, problem) => {
    expect(journalProblem(value)).toBe(problem);
  });

  it('cuts a long unknown key in its message', () => {
    expect(journalProblem({ previous: [], current: [], ['k'.repeat(100)]: 1 })).toBe(`the journal holds "${'k'.repeat(40)}", which this Buddy does not know`);
  });

  it(`takes ${MAX_JOURNAL_LINES} lines in a file and refuses one more`, () => {
    const lines = Array.from({ length: MAX_JOURNAL_LINES }, () => HELLO);
    expect(journalProblem({ previous: lines, current: [] })).toBeUndefined();
    expect(journalProblem({ previous: [], current: [...lines, HELLO] })).toBe(`journal.current has more than ${MAX_JOURNAL_LINES} lines`);
  });

  it('takes a file of exactly the most bytes a journal file is read to, newlines counted, and refuses one byte more', () => {
    // Lines of the longest text, then one sized so that the lines and their newlines come to the limit.
    const long = line('x'.repeat(500));
    const lines: string[] = [];
    let bytes = 0;
    while (MAX_READ_BYTES - bytes > 2 * (long.length + 1)) {
      lines.push(long);
      bytes += long.length + 1;
    }
    const rest = MAX_READ_BYTES - bytes - 1;
    const half = line('y'.repeat(200));
    lines.push(half);
    const last = line('z'.repeat(rest - half.length - 1 - line('').length));
    lines.push(last);
    expect(lines.reduce((sum, each) => sum + Buffer.byteLength(each) + 1, 0)).toBe(MAX_READ_BYTES);
    expect(journalProblem({ previous: [], current: lines })).toBeUndefined();
    const over = [...lines.slice(0, -1), line(`${'z'.repeat(rest - half.length - 1 - line('').length)}!`)];
    expect(journalProblem({ previous: over, current: [] })).toBe('journal.previous is larger than a journal file');
  });
});

describe('journalForExport and replaceJournal', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const current = (): string => path.join(dir, JOURNAL_FILE_NAME);
  const previous = (): string => path.join(dir, PREVIOUS_JOURNAL_FILE_NAME);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-journal-transfer-'));
    env = { BUDDY_CONFIG_DIR: dir };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports nothing from a machine with no journal', () => {
    expect(journalForExport(env)).toEqual({ previous: [], current: [] });
  });

  it('exports both files line for line, leaving garbage and a half-written line behind', () => {
    fs.writeFileSync(previous(), `${HELLO}\nnot a journal line\n`);
    fs.writeFileSync(current(), `${LATER}\n{"at":1}\n${HELLO}\n${LATER.slice(0, 20)}`);
    expect(journalForExport(env)).toEqual({ previous: [HELLO], current: [LATER, HELLO] });
  });

  it('replaces both files exactly, and a later export gives back what was imported', () => {
    fs.writeFileSync(previous(), `${LATER}\n`);
    fs.writeFileSync(current(), `${LATER}\n${LATER}\n`);
    replaceJournal(env, { previous: [HELLO], current: [LATER, HELLO] });
    expect(fs.readFileSync(previous(), 'utf8')).toBe(`${HELLO}\n`);
    expect(fs.readFileSync(current(), 'utf8')).toBe(`${LATER}\n${HELLO}\n`);
    expect(journalForExport(env)).toEqual({ previous: [HELLO], current: [LATER, HELLO] });
  });

  it('removes a file the imported journal leaves empty, and the expired leftovers, but nothing else', () => {
    fs.writeFileSync(previous(), `${LATER}\n`);
    fs.writeFileSync(current(), `${LATER}\n`);
    fs.writeFileSync(path.join(dir, 'journal.expired-1a2b.jsonl'), `${LATER}\n`);
    fs.writeFileSync(path.join(dir, 'journal.expired-notes.txt'), 'mine');
    fs.writeFileSync(path.join(dir, 'config.json'), '{}');
    replaceJournal(env, { previous: [], current: [HELLO] });
    expect(fs.existsSync(previous())).toBe(false);
    expect(fs.readFileSync(current(), 'utf8')).toBe(`${HELLO}\n`);
    expect(fs.readdirSync(dir).sort()).toEqual(['config.json', 'journal.expired-notes.txt', JOURNAL_FILE_NAME].sort());
  });

  it('checks before anything changes that neither file is something Buddy may not replace', () => {
    expect(() => checkJournalWritable(env)).not.toThrow();
    fs.mkdirSync(current());
    expect(() => checkJournalWritable(env)).toThrow();
    fs.rmdirSync(current());
    fs.mkdirSync(previous());
    expect(() => checkJournalWritable(env)).toThrow();
  });
});
