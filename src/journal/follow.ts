// `buddy log --follow`: new lines as they are written, like `tail -f`. It polls the file (cheap: one
// fstat and one read a tick) and follows it through rotation: when the path names another file, the rest
// of the old one is read first, then the new one from its start. A cleared journal is waited for.
import { factsAbout } from '../files/facts.js';
import { OpenRegularFile } from '../files/partial-read.js';
import type { JournalRecord } from '../render/journal-lines.js';
import { journalFiles } from './append.js';
import { parseLines } from './read-back.js';

export const FOLLOW_INTERVAL_MS = 200;
const CHUNK_BYTES = 64 * 1024;

interface Open {
  readonly file: OpenRegularFile;
  position: number;
}

export interface Follower {
  /** Where the current file ended when following began: lines before it are the caller's to show. */
  readonly startedAt: number;
  stop(): void;
}

/** The journal's regular file, from its end or its start; undefined when there is none (or not a regular one). */
function openAt(path: string, fromEnd: boolean): Open | undefined {
  try {
    const file = OpenRegularFile.at(path);
    return file ? { file, position: fromEnd ? file.sizeAtOpen : 0 } : undefined;
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
  function drain(opened: Open): void {
    for (;;) {
      const chunk = opened.file.read(opened.position, CHUNK_BYTES);
      if (chunk.length === 0) break;
      opened.position += chunk.length;
      pending += chunk.toString('utf8');
    }
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const records = parseLines(lines);
    if (records.length > 0) onRecords(records);
  }

  function tick(): void {
    try {
      if (open) drain(open);
      const now = factsAbout(current, { followLinks: true });
      if (now && (!open || now.ino !== open.file.ino)) {
        // Rotated (or cleared and written again): finish the old file, then start the new one.
        open?.file.close();
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
      open?.file.close();
      open = undefined;
    },
  };
}
