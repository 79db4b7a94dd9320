// The event log at its edges: where a fold starts and stops (a line still being written, a log cut
// shorter, a run with no line end longer than a whole read, a log bigger than one read), the exact size
// at which it rotates and the position recorded after, the rotated file that is or is not ours, and the
// cheap look that says whether a fold has anything to take.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent, eventsFile, hasNewEvents, MAX_LOG_BYTES, ROTATE_AT_BYTES, takeNewEvents } from '../../src/store/event-log.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

let temp: TempConfig;
beforeEach(() => {
  temp = makeTempConfig('buddy-events-edges-');
  fs.mkdirSync(temp.dir, { recursive: true });
});
afterEach(() => removeTempConfig(temp));

const live = (): string => eventsFile(temp.env);
const rotated = (): string => path.join(temp.dir, 'events.log.1');
const petLine = (at: number): string => `{"k":"pet","at":${at},"tz":0}\n`;
/** The identity the log records for a file: device, inode and birth time. */
const identityOf = (file: string): string => {
  const stats = fs.statSync(file, { bigint: true });
  return `${stats.dev}:${stats.ino}:${stats.birthtimeNs}`;
};
/** Lines of filler (not events) and one pet, `bytes` long in all. */
const logOfBytes = (bytes: number): string => {
  const last = petLine(7);
  const filler = bytes - last.length;
  return `${'x'.repeat(filler - 1)}\n${last}`;
};

describe('where a fold starts and stops', () => {
  it('names the files it writes: events.log, and events.log.1 once rotated', () => {
    expect(eventsFile(temp.env)).toBe(path.join(temp.dir, 'events.log'));
  });

  it('takes nothing from a log that is one unfinished line, and takes it once finished', () => {
    fs.writeFileSync(live(), '{"k":"pet","at":5,');
    const first = takeNewEvents(temp.env, undefined);
    expect(first.events).toEqual([]);
    expect(first.cursor).toEqual({ file: identityOf(live()), offset: 0 });
    fs.appendFileSync(live(), '"tz":0}\n');
    expect(takeNewEvents(temp.env, first.cursor).events.map((event) => event.at)).toEqual([5]);
  });

  it('reads a log cut shorter than where it stopped from its start', () => {
    fs.writeFileSync(live(), petLine(1) + petLine(2));
    const first = takeNewEvents(temp.env, undefined);
    fs.truncateSync(live(), 0);
    fs.appendFileSync(live(), petLine(3));
    expect(identityOf(live())).toBe(first.cursor.file);
    const second = takeNewEvents(temp.env, first.cursor);
    expect(second.events.map((event) => event.at)).toEqual([3]);
    expect(second.cursor.offset).toBe(petLine(3).length);
  });

  it('passes over a run longer than a whole read with no line end in it, rather than read it again and again', () => {
    const read = 4 * MAX_LOG_BYTES;
    fs.writeFileSync(live(), 'x'.repeat(read + 10) + '\n' + petLine(9));
    const first = takeNewEvents(temp.env, undefined);
    expect(first.events).toEqual([]);
    // Read that far, the log was rotated: the position is kept for the rotated file.
    expect(first.cursor.previous?.offset).toBe(read);
    const second = takeNewEvents(temp.env, first.cursor);
    expect(second.events.map((event) => event.at)).toEqual([9]);
  });

  it('reads at most 4 MiB at a time, and the rest at the next fold', () => {
    const line = petLine(1);
    const perRead = Math.floor((4 * MAX_LOG_BYTES) / line.length);
    fs.writeFileSync(live(), line.repeat(perRead + 3));
    const first = takeNewEvents(temp.env, undefined);
    expect(first.events).toHaveLength(perRead);
    expect(first.cursor.previous?.offset).toBe(perRead * line.length);
    expect(takeNewEvents(temp.env, first.cursor).events).toHaveLength(3);
  });

  it('reads nothing from a log that is not a regular file, and does not throw', () => {
    fs.mkdirSync(live());
    expect(takeNewEvents(temp.env, undefined)).toEqual({ events: [], cursor: { offset: 0 } });
    expect(hasNewEvents(temp.env, undefined)).toBe(false);
  });

  it('reads nothing, and does not throw, where the folder cannot even be looked at', () => {
    const unreachable = { BUDDY_CONFIG_DIR: path.join(temp.root, 'n'.repeat(300)) };
    expect(takeNewEvents(unreachable, undefined)).toEqual({ events: [], cursor: { offset: 0 } });
    expect(hasNewEvents(unreachable, { offset: 0, previous: { file: 'x', offset: 0 } })).toBe(false);
  });
});

describe('rotation', () => {
  it('rotates a log read to exactly 256 KiB, and records the rotated file as the previous one', () => {
    fs.writeFileSync(live(), logOfBytes(ROTATE_AT_BYTES));
    const id = identityOf(live());
    const taken = takeNewEvents(temp.env, undefined);
    expect(taken.events.map((event) => event.at)).toEqual([7]);
    expect(fs.existsSync(live())).toBe(false);
    expect(identityOf(rotated())).toBe(id);
    expect(taken.cursor).toEqual({ offset: 0, previous: { file: id, offset: ROTATE_AT_BYTES } });
    expect(Object.keys(taken.cursor)).toEqual(['offset', 'previous']);
  });

  it('leaves a log a byte short of 256 KiB where it is', () => {
    fs.writeFileSync(live(), logOfBytes(ROTATE_AT_BYTES - 1));
    const taken = takeNewEvents(temp.env, undefined);
    expect(fs.existsSync(rotated())).toBe(false);
    expect(taken.cursor).toEqual({ file: identityOf(live()), offset: ROTATE_AT_BYTES - 1 });
  });

  it('never reads a rotated file that is not the one it knows', () => {
    fs.writeFileSync(rotated(), petLine(1) + petLine(2));
    fs.writeFileSync(live(), petLine(3));
    expect(takeNewEvents(temp.env, undefined).events.map((event) => event.at)).toEqual([3]);
    const known = takeNewEvents(temp.env, { file: 'another-file', offset: 0, previous: { file: 'yet-another', offset: 0 } });
    expect(known.events.map((event) => event.at)).toEqual([3]);
  });

  it('after a fold that rotated and died, takes the rest of the rotated file and starts the next log from nothing', () => {
    fs.writeFileSync(live(), petLine(1));
    const recorded = takeNewEvents(temp.env, undefined).cursor;
    fs.appendFileSync(live(), petLine(2));
    const id = identityOf(live());
    fs.renameSync(live(), rotated());
    const recovered = takeNewEvents(temp.env, recorded);
    expect(recovered.events.map((event) => event.at)).toEqual([2]);
    expect(recovered.cursor).toEqual({ offset: 0, previous: { file: id, offset: 2 * petLine(1).length } });
    expect(Object.keys(recovered.cursor)).toEqual(['offset', 'previous']);
  });
});

describe('hasNewEvents', () => {
  it('is false with nothing logged, and true for a line not taken yet', () => {
    expect(hasNewEvents(temp.env, undefined)).toBe(false);
    appendEvent(temp.env, { kind: 'pet', at: 1, offsetMinutes: 0 });
    expect(hasNewEvents(temp.env, undefined)).toBe(true);
    expect(hasNewEvents(temp.env, takeNewEvents(temp.env, undefined).cursor)).toBe(false);
  });

  it('looks at a rotated file only when it is the one the position names, and only past where it stopped', () => {
    fs.writeFileSync(rotated(), petLine(1) + petLine(2));
    const id = identityOf(rotated());
    const size = 2 * petLine(1).length;
    // A rotated file, but no position in it: nothing to take there (and no error).
    expect(hasNewEvents(temp.env, { offset: 0 })).toBe(false);
    expect(hasNewEvents(temp.env, { offset: 0, previous: { file: id, offset: size } })).toBe(false);
    expect(hasNewEvents(temp.env, { offset: 0, previous: { file: id, offset: size - 1 } })).toBe(true);
    expect(hasNewEvents(temp.env, { offset: 0, previous: { file: 'another-file', offset: 0 } })).toBe(false);
    fs.rmSync(rotated());
    expect(hasNewEvents(temp.env, { offset: 0, previous: { file: id, offset: 0 } })).toBe(false);
  });

  it('compares the live log with the position only when it is the file the position names', () => {
    fs.writeFileSync(live(), petLine(1));
    const id = identityOf(live());
    const size = petLine(1).length;
    expect(hasNewEvents(temp.env, { file: id, offset: size })).toBe(false);
    expect(hasNewEvents(temp.env, { file: id, offset: size - 1 })).toBe(true);
    expect(hasNewEvents(temp.env, { file: 'another-file', offset: size })).toBe(true);
  });
});
