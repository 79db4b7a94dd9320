// The event log: the statusline, hooks and commands append one short line per event (src/game/events.ts)
// to `events.log` beside the config, with a single write on an O_APPEND descriptor, so concurrent writers
// never tear or interleave lines and nobody waits for a lock. Full commands take the new lines under the
// config lock and fold them into the buddy's growth; the position taken so far is stored in the same
// config write, so no event is counted twice and none is lost, even if a process dies half-way.
import path from 'node:path';
import { appendWhole } from '../files/append-whole.js';
import { factsAbout } from '../files/facts.js';
import { renameOwnFile } from '../files/housekeeping.js';
import { withOpenFile } from '../files/partial-read.js';
import { formatEventLine, parseEventLines, type GameEvent } from '../game/events.js';
import type { EventCursor } from './growth-schema.js';
import { configDir } from './paths.js';

export const EVENTS_FILE_NAME = 'events.log';
export const ROTATED_EVENTS_FILE_NAME = 'events.log.1';
/** Appends stop at this size until a command folds the log: months of busy sessions, never an unbounded file. */
export const MAX_LOG_BYTES = 1024 * 1024;
/** A fold that has taken everything from a log this big starts a new one. */
export const ROTATE_AT_BYTES = 256 * 1024;
/**
 * One fold reads at most this much of a log (a log grown past MAX_LOG_BYTES was not written by Buddy);
 * the rest waits for the next fold, which starts where this one stopped.
 */
const MAX_FOLD_READ_BYTES = 4 * MAX_LOG_BYTES;

export function eventsFile(env: NodeJS.ProcessEnv): string {
  return path.join(configDir(env), EVENTS_FILE_NAME);
}

/**
 * Appends one event. Never throws and never waits: true when the line was written, false when it could not
 * be (a full log, a read-only disk, a symlink, FIFO or device where the log should be).
 */
export function appendEvent(env: NodeJS.ProcessEnv, event: GameEvent): boolean {
  try {
    return appendWhole(eventsFile(env), formatEventLine(event), { refuseAtBytes: MAX_LOG_BYTES }) !== undefined;
  } catch {
    return false;
  }
}

interface LogRead {
  /** The file's identity (device, inode, birth time). */
  readonly id: string;
  readonly events: GameEvent[];
  /** Where the next read of this file starts: just after its last complete line. */
  readonly end: number;
}

/** Reads the complete lines of a log from where `startFor` says (undefined: do not read this file). */
function readLog(file: string, startFor: (id: string) => number | undefined): LogRead | undefined {
  try {
    return withOpenFile(file, (log) => {
      const wanted = startFor(log.identity);
      if (wanted === undefined) return undefined;
      const size = log.sizeAtOpen;
      // A log replaced by a shorter file is read from its start.
      const start = wanted > size ? 0 : wanted;
      const buffer = log.read(start, Math.min(size - start, MAX_FOLD_READ_BYTES));
      // A line still being written is left for the next fold; a run longer than a whole read with no line
      // end in it is no event of Buddy's, and is passed over rather than read again and again.
      const lineEnd = buffer.length === 0 ? 0 : buffer.lastIndexOf(0x0a, buffer.length - 1) + 1;
      const complete = lineEnd === 0 && buffer.length === MAX_FOLD_READ_BYTES ? buffer.length : lineEnd;
      return { id: log.identity, events: parseEventLines(buffer.subarray(0, complete).toString('utf8')), end: start + complete };
    });
  } catch {
    // Not a regular file, or not ours to read: no events from it.
    return undefined;
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
  // Joined with concat, not push(...spread): one read of short lines holds far more events than a call
  // takes arguments.
  let events: GameEvent[] = [];
  let previous = cursor?.previous;
  let current: { file: string | undefined; offset: number } = { file: cursor?.file, offset: cursor?.offset ?? 0 };

  // The rotated log: what a late writer added after the rotation, or (if a fold died between rotating and
  // recording it) what that fold had not recorded.
  const old = readLog(rotated, (id) => (id === previous?.file ? previous.offset : id === current.file ? current.offset : undefined));
  if (old) {
    events = old.events;
    if (old.id === current.file) current = { file: undefined, offset: 0 };
    previous = { file: old.id, offset: old.end };
  }

  const now = readLog(live, (id) => (id === current.file ? current.offset : 0));
  if (now) {
    events = events.concat(now.events);
    current = { file: now.id, offset: now.end };
    if (now.end >= ROTATE_AT_BYTES) {
      try {
        if (renameOwnFile(live, rotated)) {
          previous = { file: now.id, offset: now.end };
          current = { file: undefined, offset: 0 };
        }
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
    const facts = factsAbout(file);
    return facts?.kind === 'file' ? { id: facts.identity, size: facts.size } : undefined;
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
