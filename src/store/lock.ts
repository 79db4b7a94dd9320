// A small cross-process lock (mkdir is atomic on every platform) around read-modify-write of the config:
// conf itself re-reads and rewrites the whole file with no lock, so two processes could lose updates.
// The holder writes its pid inside; a lock whose holder has died is broken at once, and a live holder is
// waited for long enough that dozens of writers on a busy two-core machine all get their turn.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const OWNER_FILE = 'owner';
/** A live holder is waited for this long before giving up. */
const GIVE_UP_AFTER_MS = 30_000;
/** A lock with no readable owner (its holder died between mkdir and writing it) is broken after this. */
const OWNERLESS_STALE_MS = 2_000;
const RETRY_MIN_MS = 2;
const RETRY_MAX_MS = 25;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Owner {
  readonly pid: number;
  readonly host: string;
}

function readOwner(lockDir: string): Owner | undefined {
  try {
    const [pid, host] = fs.readFileSync(path.join(lockDir, OWNER_FILE), 'utf8').split('\n');
    const number = Number(pid);
    return Number.isInteger(number) && number > 0 ? { pid: number, host: host ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

/** True when the lock's holder is gone: its pid is dead on this host, or it never said who it was. */
function isAbandoned(lockDir: string, owner: Owner | undefined, now: number): boolean {
  if (owner) return owner.host === os.hostname() && !isAlive(owner.pid);
  try {
    return now - fs.statSync(lockDir).mtimeMs > OWNERLESS_STALE_MS;
  } catch {
    return false;
  }
}

/**
 * Breaks an abandoned lock; the rename makes sure only one waiter breaks it. Should a new holder have taken
 * the lock between the look and the rename, its lock is put back.
 */
function breakLock(lockDir: string, seen: Owner | undefined): void {
  const aside = `${lockDir}.broken-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    fs.renameSync(lockDir, aside);
  } catch {
    return; // another waiter broke it first
  }
  const taken = readOwner(aside);
  if (taken && (taken.pid !== seen?.pid || taken.host !== seen.host) && isAlive(taken.pid)) {
    try {
      fs.renameSync(aside, lockDir);
      return;
    } catch {
      // Someone else holds it now; the other holder's lock is already gone, nothing more to save.
    }
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

export class LockTimeoutError extends Error {
  constructor(lockDir: string) {
    super(`another buddy process is holding ${lockDir}; try again in a moment`);
  }
}

export function withLockSync<T>(lockDir: string, work: () => T): T {
  const started = Date.now();
  let wait = RETRY_MIN_MS;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, OWNER_FILE), `${process.pid}\n${os.hostname()}`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const now = Date.now();
      const owner = readOwner(lockDir);
      if (isAbandoned(lockDir, owner, now)) {
        breakLock(lockDir, owner);
        continue;
      }
      if (now - started > GIVE_UP_AFTER_MS) throw new LockTimeoutError(lockDir);
      // Jittered backoff: waiters spread out instead of all waking together.
      sleepSync(wait + Math.floor(Math.random() * wait));
      wait = Math.min(RETRY_MAX_MS, wait * 2);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
