// The journal under concurrent appenders: separate processes append at the same time, and no line is ever
// torn or interleaved with another; with rotation running under them, the journal stays two bounded files
// of whole lines. The writers run the journal's own append module, bundled as it ships. They meet at a
// barrier (marker files) before their first line, halfway and near the end, so they provably write together.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE_NAME, PREVIOUS_JOURNAL_FILE_NAME } from '../../src/journal/append.js';

const APPEND_SOURCE = fileURLToPath(new URL('../../src/journal/append.ts', import.meta.url));
const WRITERS = 6;

let work: string;
let writerScript: string;

const WRITER = `
import fs from 'node:fs';
import path from 'node:path';
import { journal } from './append.mjs';

const [dir, id, count, writers, rotateBytes] = process.argv.slice(2);
const env = { BUDDY_CONFIG_DIR: dir };
const pause = new Int32Array(new SharedArrayBuffer(4));

function barrier(name) {
  const marks = path.join(dir, 'barrier-' + name);
  fs.mkdirSync(marks, { recursive: true });
  fs.writeFileSync(path.join(marks, id), '');
  const deadline = Date.now() + 60000;
  while (fs.readdirSync(marks).length < Number(writers)) {
    if (Date.now() > deadline) process.exit(3);
    Atomics.wait(pause, 0, 0, 2);
  }
}

const total = Number(count);
const options = rotateBytes === '0' ? {} : { rotateBytes: Number(rotateBytes) };
// Long enough lines make a torn or mixed write easy to see.
const padding = 'abcdefghij'.repeat(12);
barrier('start');
for (let n = 0; n < total; n++) {
  if (n === total / 2) barrier('half');
  // Once more near the end, so the last lines (those a rotated journal keeps) are written together too.
  if (n === total - 100) barrier('end');
  journal({ source: 'say', session: 'w' + id, text: 'writer ' + id + ' line ' + n + ' ' + padding }, env, options);
}
`;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-journal-race-'));
  await build({ entryPoints: [APPEND_SOURCE], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: path.join(work, 'append.mjs'), logLevel: 'warning' });
  writerScript = path.join(work, 'writer.mjs');
  fs.writeFileSync(writerScript, WRITER);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function runWriters(dir: string, count: number, rotateBytes: number): Promise<number[]> {
  return Promise.all(
    Array.from(
      { length: WRITERS },
      (_, id) =>
        new Promise<number>((resolve, reject) => {
          const child = spawn(process.execPath, [writerScript, dir, String(id), String(count), String(WRITERS), String(rotateBytes)], { stdio: 'ignore' });
          child.on('error', reject);
          child.on('close', (code) => resolve(code ?? -1));
        }),
    ),
  );
}

interface Parsed {
  readonly writer: number;
  readonly n: number;
}

/** Every line of a file, each of which must be a whole journal line from one writer. */
function parseFile(file: string): Parsed[] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), `${file} ends with a whole line`).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const record = JSON.parse(line) as { source: string; session: string; text: string };
      const match = /^writer (\d+) line (\d+) (?:abcdefghij){12}$/.exec(record.text);
      expect(match, line).not.toBeNull();
      expect(record.session).toBe(`w${match![1]}`);
      return { writer: Number(match![1]), n: Number(match![2]) };
    });
}

function expectBarriersMet(dir: string): void {
  for (const name of ['start', 'half', 'end']) expect(fs.readdirSync(path.join(dir, `barrier-${name}`)).sort()).toEqual(Array.from({ length: WRITERS }, (_, id) => String(id)).sort());
}

describe('concurrent appends', () => {
  it('keep every line whole and every writer complete, in its own order, while the writers interleave', async () => {
    const dir = path.join(work, 'plain');
    // Below the rotation size, so every line stays in one file.
    const count = 700;
    expect(await runWriters(dir, count, 0)).toEqual(Array(WRITERS).fill(0));
    expectBarriersMet(dir);
    const lines = parseFile(path.join(dir, JOURNAL_FILE_NAME));
    expect(lines).toHaveLength(WRITERS * count);
    for (let writer = 0; writer < WRITERS; writer++) {
      expect(lines.filter((line) => line.writer === writer).map((line) => line.n)).toEqual(Array.from({ length: count }, (_, n) => n));
    }
    // They really wrote at the same time: the writers take turns many times over.
    const switches = lines.filter((line, index) => index > 0 && line.writer !== lines[index - 1]!.writer).length;
    expect(switches).toBeGreaterThan(WRITERS * 2);
  });

  it('keep two bounded files of whole lines while rotating under them', async () => {
    const dir = path.join(work, 'rotating');
    const rotateBytes = 192 * 1024;
    expect(await runWriters(dir, 1_200, rotateBytes)).toEqual(Array(WRITERS).fill(0));
    expectBarriersMet(dir);
    // Each writer deleted the previous files it expired before it exited.
    const journalFiles = fs.readdirSync(dir).filter((name) => !name.startsWith('barrier-'));
    expect(journalFiles.sort()).toEqual([PREVIOUS_JOURNAL_FILE_NAME, JOURNAL_FILE_NAME].sort());
    for (const name of journalFiles) {
      const file = path.join(dir, name);
      // Past the limit only by what the others wrote while one of them was moving it aside (which can
      // take a while on a busy machine); 1.6 MB were written in all.
      expect(fs.statSync(file).size, name).toBeLessThan(rotateBytes * 3);
      const lines = parseFile(file);
      for (let writer = 0; writer < WRITERS; writer++) {
        const numbers = lines.filter((line) => line.writer === writer).map((line) => line.n);
        expect(numbers, `${name}, writer ${writer}`).toEqual([...numbers].sort((a, b) => a - b));
      }
    }
    expect(parseFile(path.join(dir, PREVIOUS_JOURNAL_FILE_NAME)).length).toBeGreaterThan(100);
    // The kept lines were written together: the writers take turns in them.
    const kept = [...parseFile(path.join(dir, PREVIOUS_JOURNAL_FILE_NAME)), ...parseFile(path.join(dir, JOURNAL_FILE_NAME))];
    const switches = kept.filter((line, index) => index > 0 && line.writer !== kept[index - 1]!.writer).length;
    expect(switches).toBeGreaterThan(WRITERS * 2);
  });
});
