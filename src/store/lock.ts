// A small cross-process lock (mkdir is atomic on every platform) around read-modify-write of the config:
// conf itself re-reads and rewrites the whole file with no lock, so two processes could lose updates.
import fs from 'node:fs';

const STALE_AFTER_MS = 10_000;
const GIVE_UP_AFTER_MS = 5_000;
const RETRY_EVERY_MS = 5;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function removeIfStale(lockDir: string): void {
  try {
    const age = Date.now() - fs.statSync(lockDir).mtimeMs;
    if (age > STALE_AFTER_MS) fs.rmSync(lockDir, { recursive: true, force: true });
  } catch {
    // Gone already: the next mkdir decides.
  }
}

export class LockTimeoutError extends Error {
  constructor(lockDir: string) {
    super(`another buddy process is holding ${lockDir}; try again in a moment`);
  }
}

export function withLockSync<T>(lockDir: string, work: () => T): T {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      removeIfStale(lockDir);
      if (Date.now() - started > GIVE_UP_AFTER_MS) throw new LockTimeoutError(lockDir);
      sleepSync(RETRY_EVERY_MS);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
