// `buddy log --follow` in one process: each tick of its timer shows the whole lines written since the last
// one, a line still being written waits for its end, and the journal is followed through rotation (the rest
// of the old file first, then the new one from its start) and through being cleared. The timer is faked, so
// every tick is one call to the clock, never a wait.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOURNAL_FILE_NAME, PREVIOUS_JOURNAL_FILE_NAME } from '../../src/journal/append.js';
import { FOLLOW_INTERVAL_MS, followJournal, type Follower } from '../../src/journal/follow.js';

const INTERVAL = 50;

let dir: string;
let env: NodeJS.ProcessEnv;
let follower: Follower | undefined;
let seen: string[][];

const current = (): string => path.join(dir, JOURNAL_FILE_NAME);
const line = (text: string, second = 0): string => `{"at":"2026-05-01T14:02:${String(second).padStart(2, '0')}.000Z","source":"say","text":"${text}"}\n`;
const append = (text: string): void => fs.appendFileSync(current(), text);
const follow = (intervalMs = INTERVAL): Follower => {
  follower = followJournal(env, (records) => seen.push(records.map((record) => record.text)), intervalMs);
  return follower;
};
const tick = (): void => {
  vi.advanceTimersByTime(INTERVAL);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-follow-'));
  env = { BUDDY_CONFIG_DIR: dir };
  seen = [];
  follower = undefined;
});

afterEach(() => {
  follower?.stop();
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('following the journal', () => {
  it('starts at the end of the file: the lines already there are the caller\'s, and only new ones come', () => {
    const before = line('old one') + line('old two');
    fs.writeFileSync(current(), before);
    expect(follow().startedAt).toBe(Buffer.byteLength(before));
    tick();
    expect(seen).toEqual([]);
    append(line('new one') + line('new two'));
    tick();
    expect(seen).toEqual([['new one', 'new two']]);
    tick();
    expect(seen).toEqual([['new one', 'new two']]);
  });

  it('looks once a tick, 200 ms by default', () => {
    expect(FOLLOW_INTERVAL_MS).toBe(200);
    fs.writeFileSync(current(), '');
    follower = followJournal(env, (records) => seen.push(records.map((record) => record.text)));
    append(line('hello'));
    vi.advanceTimersByTime(199);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([['hello']]);
  });

  it('holds a line still being written until its end arrives, and never calls back with nothing', () => {
    fs.writeFileSync(current(), '');
    follow();
    const whole = line('written in two parts');
    append(whole.slice(0, 30));
    tick();
    expect(seen).toEqual([]);
    append(whole.slice(30));
    tick();
    expect(seen).toEqual([['written in two parts']]);
  });

  it('skips a line that fails the journal\'s schema and shows the rest', () => {
    fs.writeFileSync(current(), '');
    follow();
    append(`not json\n${line('kept')}{"at":"2026-05-01T14:02:00.000Z","source":"say"}\n`);
    tick();
    expect(seen).toEqual([['kept']]);
  });

  it('reads everything written between two ticks, however much: more than one read\'s worth', () => {
    fs.writeFileSync(current(), '');
    follow();
    // 300 lines of about 460 bytes: more than 128 KiB, two whole reads of 64 KiB and a part.
    const texts = Array.from({ length: 300 }, (_, index) => `${String(index).padStart(3, '0')} ${'x'.repeat(400)}`);
    append(texts.map((text) => line(text)).join(''));
    expect(fs.statSync(current()).size).toBeGreaterThan(128 * 1024);
    tick();
    expect(seen).toEqual([texts]);
  });

  it('starts at 0 with no journal yet, and reads one made later from its start', () => {
    expect(follow().startedAt).toBe(0);
    tick();
    expect(seen).toEqual([]);
    fs.writeFileSync(current(), line('first') + line('second'));
    tick();
    expect(seen).toEqual([['first', 'second']]);
  });

  it('follows a rotation: the rest of the old file first, then the new file from its start', () => {
    fs.writeFileSync(current(), line('before'));
    follow();
    append(line('last of the old file'));
    // Rotated between two ticks: the old file moves aside and a new one is written.
    fs.renameSync(current(), path.join(dir, PREVIOUS_JOURNAL_FILE_NAME));
    fs.writeFileSync(current(), line('first of the new file'));
    tick();
    expect(seen).toEqual([['last of the old file'], ['first of the new file']]);
    append(line('second of the new file'));
    tick();
    expect(seen).toEqual([['last of the old file'], ['first of the new file'], ['second of the new file']]);
  });

  it('drops the unfinished end of the old file at a rotation rather than join it to the new file\'s first line', () => {
    fs.writeFileSync(current(), '');
    follow();
    append(line('whole') + '{"at":"2026-05-01T14:02:00.000Z","source":"say","te');
    tick();
    expect(seen).toEqual([['whole']]);
    fs.renameSync(current(), path.join(dir, PREVIOUS_JOURNAL_FILE_NAME));
    fs.writeFileSync(current(), line('new'));
    tick();
    expect(seen).toEqual([['whole'], ['new']]);
  });

  it('waits through a cleared journal and reads the next one from its start', () => {
    fs.writeFileSync(current(), line('before'));
    follow();
    fs.rmSync(current());
    tick();
    tick();
    expect(seen).toEqual([]);
    fs.writeFileSync(current(), line('after the clear'));
    tick();
    expect(seen).toEqual([['after the clear']]);
  });

  it('reads nothing where the journal is not a regular file, and follows the one that replaces it', () => {
    fs.mkdirSync(current());
    expect(follow().startedAt).toBe(0);
    tick();
    expect(seen).toEqual([]);
    fs.rmdirSync(current());
    fs.writeFileSync(current(), line('a file again'));
    tick();
    expect(seen).toEqual([['a file again']]);
  });

  it('never reads through a symlink at the journal\'s path, and follows the file that replaces it', () => {
    const elsewhere = path.join(dir, 'elsewhere.jsonl');
    fs.writeFileSync(elsewhere, line('not the journal'));
    fs.symlinkSync(elsewhere, current());
    expect(follow().startedAt).toBe(0);
    fs.appendFileSync(elsewhere, line('still not the journal'));
    tick();
    expect(seen).toEqual([]);
    fs.unlinkSync(current());
    fs.writeFileSync(current(), line('the journal'));
    tick();
    expect(seen).toEqual([['the journal']]);
  });

  it('shows nothing more once stopped', () => {
    fs.writeFileSync(current(), '');
    const stopped = follow();
    stopped.stop();
    append(line('after the stop'));
    tick();
    tick();
    expect(seen).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
