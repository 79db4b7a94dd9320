// The event log: the statusline, hooks and commands append one short line per event (src/game/events.ts)
// to `events.log` beside the config, with a single write on an O_APPEND descriptor, so concurrent writers
// never tear or interleave lines and nobody waits for a lock. Full commands take the new lines under the
// config lock and fold them into the buddy's growth; the position taken so far is stored in the same
// config write, so no event is counted twice and none is lost, even if a process dies half-way.
import fs from 'node:fs';
import path from 'node:path';
import { formatEventLine, parseEventLines, type GameEvent } from '../game/events.js';
import type { EventCursor } from './growth-schema.js';
import { configDir } from './paths.js';

const EVENTS_FILE_NAME = 'events.log';
export const ROTATED_EVENTS_FILE_NAME = 'events.log.1';
/** Appends stop at this size until a command folds the log: months of busy sessions, never an unbounded file. */
export const MAX_LOG_BYTES = 1024 * 1024;
/** A fold that has taken everything from a log this big starts a new one. */
export const ROTATE_AT_BYTES = 256 * 1024;

const NO_FOLLOW = fs.constants.O_NOFOLLOW ?? 0;

export function eventsFile(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), EVENTS_FILE_NAME);
}

function openForAppend(file: string): number {
  return fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | NO_FOLLOW, 0o600);
}

/**
 * Appends one event. Never throws and never waits: true when the line was written, false when it could not
 * be (a full log, a read-only disk, a symlink where the log should be).
 */
export function appendEvent(env: NodeJS.ProcessEnv, event: GameEvent): boolean {
  const file = eventsFile(env);
  let fd: number | undefined;
  try {
    try {
      fd = openForAppend(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return false;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fd = openForAppend(file);
    }
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size >= MAX_LOG_BYTES) return false;
    fs.writeSync(fd, formatEventLine(event));
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A file's identity: device, inode and birth time (an inode freed by a deleted log is soon given to a new
 * one; its birth time tells them apart where the file system records it).
 */
function fileId(stat: fs.BigIntStats): string {
  return `${stat.dev}:${stat.ino}:${stat.birthtimeNs}`;
}

interface LogRead {
  /** The file's identity (fileId). */
  readonly id: string;
  readonly events: GameEvent[];
  /** Where the next read of this file starts: just after its last complete line. */
  readonly end: number;
}

/** Reads the complete lines of a log from where `startFor` says (undefined: do not read this file). */
function readLog(file: string, startFor: (id: string) => number | undefined): LogRead | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NO_FOLLOW);
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    if (!stat.isFile()) return undefined;
    const id = fileId(stat);
    const wanted = startFor(id);
    if (wanted === undefined) return undefined;
    const size = Number(stat.size);
    // A log replaced by a shorter file is read from its start.
    const start = wanted > size ? 0 : wanted;
    const buffer = Buffer.alloc(size - start);
    let read = 0;
    while (read < buffer.length) {
      const count = fs.readSync(fd, buffer, read, buffer.length - read, start + read);
      if (count === 0) break;
      read += count;
    }
    // A line still being written is left for the next fold.
    const complete = read === 0 ? 0 : buffer.lastIndexOf(0x0a, read - 1) + 1;
    return { id, events: parseEventLines(buffer.subarray(0, complete).toString('utf8')), end: start + complete };
  } finally {
    fs.closeSync(fd);
  }
}

export interface TakenEvents {
  readonly events: GameEvent[];
  /** Store this with the folded growth, in the same write. */
  readonly cursor: EventCursor;
}

/**
 * The events not folded yet, in the order they were written, and the position after them. Call under the
 * config lock. A log that has grown big and was read to its end is rotated out, and the next fold still
 * takes any line a late writer appended to it.
 */
export function takeNewEvents(env: NodeJS.ProcessEnv, cursor: EventCursor | undefined): TakenEvents {
  const live = eventsFile(env);
  const rotated = path.join(path.dirname(live), ROTATED_EVENTS_FILE_NAME);
  const events: GameEvent[] = [];
  let previous = cursor?.previous;
  let current: { file: string | undefined; offset: number } = { file: cursor?.file, offset: cursor?.offset ?? 0 };

  // The rotated log: what a late writer added after the rotation, or (if a fold died between rotating and
  // recording it) what that fold had not recorded.
  const old = readLog(rotated, (id) => (id === previous?.file ? previous.offset : id === current.file ? current.offset : undefined));
  if (old) {
    events.push(...old.events);
    if (old.id === current.file) current = { file: undefined, offset: 0 };
    previous = { file: old.id, offset: old.end };
  }

  const now = readLog(live, (id) => (id === current.file ? current.offset : 0));
  if (now) {
    events.push(...now.events);
    current = { file: now.id, offset: now.end };
    if (now.end >= ROTATE_AT_BYTES) {
      try {
        fs.renameSync(live, rotated);
        previous = { file: now.id, offset: now.end };
        current = { file: undefined, offset: 0 };
      } catch {
        // Rotation is housekeeping: the log is read on as it is.
      }
    }
  }
  return {
    events,
    cursor: { ...(current.file === undefined ? {} : { file: current.file }), offset: current.offset, ...(previous ? { previous } : {}) },
  };
}

function identity(file: string): { readonly id: string; readonly size: number } | undefined {
  try {
    const stat = fs.lstatSync(file, { bigint: true });
    return stat.isFile() ? { id: fileId(stat), size: Number(stat.size) } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the log holds lines a fold has not taken yet (two stats, no lock): most folds can then be skipped. */
export function hasNewEvents(env: NodeJS.ProcessEnv, cursor: EventCursor | undefined): boolean {
  const live = identity(eventsFile(env));
  if (live && live.size > (live.id === cursor?.file ? cursor.offset : 0)) return true;
  const previous = cursor?.previous;
  if (!previous) return false;
  const rotated = identity(path.join(configDir(env), ROTATED_EVENTS_FILE_NAME));
  return rotated !== undefined && rotated.id === previous.file && rotated.size > previous.offset;
}
