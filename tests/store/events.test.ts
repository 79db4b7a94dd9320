// The event log: appends are whole lines, folds take each line once from where the last one stopped, a big
// log is rotated without losing a late writer's line, a fold that died half-way loses nothing, and the log
// is never written through a symlink or past its size limit.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameEvent } from '../../src/game/events.js';
import { appendEvent, eventsFile, hasNewEvents, MAX_LOG_BYTES, ROTATE_AT_BYTES, ROTATED_EVENTS_FILE_NAME, takeNewEvents } from '../../src/store/event-log.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

let temp: TempConfig;
beforeEach(() => {
  temp = makeTempConfig('buddy-events-');
});
afterEach(() => removeTempConfig(temp));

const pet = (at: number, id?: string): GameEvent => ({ kind: 'pet', at, offsetMinutes: 60, ...(id ? { id } : {}) });
const rotated = (): string => path.join(temp.dir, ROTATED_EVENTS_FILE_NAME);

describe('appending', () => {
  it('writes one line per event, creating the directory and a private file', () => {
    expect(appendEvent(temp.env, pet(1))).toBe(true);
    expect(appendEvent(temp.env, pet(2, 'session-a:0:pet'))).toBe(true);
    expect(fs.readFileSync(eventsFile(temp.env), 'utf8')).toBe('{"k":"pet","at":1,"tz":60}\n{"k":"pet","at":2,"tz":60,"id":"session-a:0:pet"}\n');
    expect(fs.statSync(eventsFile(temp.env)).mode & 0o777).toBe(0o600);
  });

  it('never writes through a symlink, and says so without throwing', () => {
    fs.mkdirSync(temp.dir, { recursive: true });
    const target = path.join(temp.root, 'elsewhere.txt');
    fs.writeFileSync(target, 'mine\n');
    fs.symlinkSync(target, eventsFile(temp.env));
    expect(appendEvent(temp.env, pet(1))).toBe(false);
    expect(fs.readFileSync(target, 'utf8')).toBe('mine\n');
  });

  it('stops at the size limit until a fold takes the log', () => {
    fs.mkdirSync(temp.dir, { recursive: true });
    fs.writeFileSync(eventsFile(temp.env), 'x'.repeat(MAX_LOG_BYTES - 1) + '\n');
    expect(appendEvent(temp.env, pet(1))).toBe(false);
    expect(fs.statSync(eventsFile(temp.env)).size).toBe(MAX_LOG_BYTES);
  });
});

describe('taking new events', () => {
  it('takes each line once, from where the last fold stopped', () => {
    appendEvent(temp.env, pet(1));
    const first = takeNewEvents(temp.env, undefined);
    expect(first.events.map((event) => event.at)).toEqual([1]);
    expect(hasNewEvents(temp.env, first.cursor)).toBe(false);
    appendEvent(temp.env, pet(2));
    appendEvent(temp.env, pet(3));
    expect(hasNewEvents(temp.env, first.cursor)).toBe(true);
    const second = takeNewEvents(temp.env, first.cursor);
    expect(second.events.map((event) => event.at)).toEqual([2, 3]);
    expect(takeNewEvents(temp.env, second.cursor).events).toEqual([]);
  });

  it('leaves a line still being written for the next fold', () => {
    appendEvent(temp.env, pet(1));
    fs.appendFileSync(eventsFile(temp.env), '{"k":"pet","at":2,');
    const first = takeNewEvents(temp.env, undefined);
    expect(first.events.map((event) => event.at)).toEqual([1]);
    fs.appendFileSync(eventsFile(temp.env), '"tz":0}\n');
    expect(takeNewEvents(temp.env, first.cursor).events.map((event) => event.at)).toEqual([2]);
  });

  it('reads a new log (deleted and written again) from its start', () => {
    appendEvent(temp.env, pet(1));
    const first = takeNewEvents(temp.env, undefined);
    fs.rmSync(eventsFile(temp.env));
    appendEvent(temp.env, pet(2));
    expect(takeNewEvents(temp.env, first.cursor).events.map((event) => event.at)).toEqual([2]);
  });

  it('rotates a big log it has read to the end, and still takes a late writer\'s line from it', () => {
    const line = JSON.stringify({ k: 'pet', at: 1, tz: 0 });
    fs.mkdirSync(temp.dir, { recursive: true });
    const count = Math.ceil(ROTATE_AT_BYTES / (line.length + 1));
    fs.writeFileSync(eventsFile(temp.env), `${line}\n`.repeat(count));
    const big = takeNewEvents(temp.env, undefined);
    expect(big.events).toHaveLength(count);
    expect(fs.existsSync(eventsFile(temp.env))).toBe(false);
    expect(fs.existsSync(rotated())).toBe(true);
    // A writer that opened the log before the rotation appends to the rotated file; another starts a new log.
    fs.appendFileSync(rotated(), `${JSON.stringify({ k: 'feed', at: 2, tz: 0 })}\n`);
    appendEvent(temp.env, pet(3));
    expect(hasNewEvents(temp.env, big.cursor)).toBe(true);
    const after = takeNewEvents(temp.env, big.cursor);
    expect(after.events.map((event) => event.at)).toEqual([2, 3]);
    expect(takeNewEvents(temp.env, after.cursor).events).toEqual([]);
  });

  it('loses nothing when a fold died after rotating but before recording where it stopped', () => {
    const line = JSON.stringify({ k: 'pet', at: 1, tz: 0 });
    fs.mkdirSync(temp.dir, { recursive: true });
    fs.writeFileSync(eventsFile(temp.env), `${line}\n`.repeat(10));
    const recorded = takeNewEvents(temp.env, undefined).cursor;
    // More lines, then a fold that rotated them away and died before its config write.
    for (let index = 0; index < 5; index++) appendEvent(temp.env, pet(100 + index));
    fs.renameSync(eventsFile(temp.env), rotated());
    appendEvent(temp.env, pet(200));
    const recovered = takeNewEvents(temp.env, recorded);
    expect(recovered.events.map((event) => event.at)).toEqual([100, 101, 102, 103, 104, 200]);
    expect(takeNewEvents(temp.env, recovered.cursor).events).toEqual([]);
  });
});
