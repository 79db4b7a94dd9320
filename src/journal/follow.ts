// `buddy log --follow`: new lines as they are written, like `tail -f`. It polls the file (cheap: one
// fstat and one read a tick) and follows it through rotation: when the path names another file, the rest
// of the old one is read first, then the new one from its start. A cleared journal is waited for.
import fs from 'node:fs';
import type { JournalRecord } from './format.js';
import { journalFiles } from './append.js';
import { parseLines, READ_FLAGS } from './read.js';

export const FOLLOW_INTERVAL_MS = 200;
const CHUNK_BYTES = 64 * 1024;

interface Open {
  readonly descriptor: number;
  readonly ino: number;
  position: number;
}

export interface Follower {
  /** Where the current file ended when following began: lines before it are the caller's to show. */
  readonly startedAt: number;
  stop(): void;
}

function openAt(file: string, fromEnd: boolean): Open | undefined {
  try {
    const descriptor = fs.openSync(file, READ_FLAGS);
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) {
      fs.closeSync(descriptor);
      return undefined;
    }
    return { descriptor, ino: stats.ino, position: fromEnd ? stats.size : 0 };
  } catch {
    return undefined;
  }
}

export function followJournal(env: NodeJS.ProcessEnv, onRecords: (records: JournalRecord[]) => void, intervalMs = FOLLOW_INTERVAL_MS): Follower {
  const { current } = journalFiles(env);
  let open = openAt(current, true);
  let pending = '';
  const startedAt = open?.position ?? 0;

  /** Everything written to the open file since the last look, as whole lines. */
  function drain(file: Open): void {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (;;) {
      const read = fs.readSync(file.descriptor, buffer, 0, CHUNK_BYTES, file.position);
      if (read <= 0) break;
      file.position += read;
      pending += buffer.subarray(0, read).toString('utf8');
    }
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const records = parseLines(lines);
    if (records.length > 0) onRecords(records);
  }

  function tick(): void {
    try {
      if (open) drain(open);
      const now = fs.statSync(current, { throwIfNoEntry: false });
      if (now && (!open || now.ino !== open.ino)) {
        // Rotated (or cleared and written again): finish the old file, then start the new one.
        if (open) fs.closeSync(open.descriptor);
        pending = '';
        open = openAt(current, false);
        if (open) drain(open);
      }
    } catch {
      // the file moved under us; the next tick looks again
    }
  }

  const timer = setInterval(tick, intervalMs);
  return {
    startedAt,
    stop: () => {
      clearInterval(timer);
      if (open) fs.closeSync(open.descriptor);
      open = undefined;
    },
  };
}
