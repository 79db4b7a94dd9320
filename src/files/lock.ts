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

/**
 * The folders beside a lock that its takers, breakers and releasers make for a moment
 * (`config.lock.new-PID-RAND`, `.broken-…`, `.released-…`). A process stopped in that moment (Ctrl-C,
 * SIGTERM, SIGKILL while it waits for the lock) leaves one behind; `sweepTemporaries` removes it once its
 * process is gone.
 */
const LEFTOVER = /^.+\.lock\.(?:new|broken|released)-(\d+)-[a-z0-9]+$/;

/** The pid of the process that made `name`, when `name` is one of a lock's momentary folders. */
export function lockLeftoverPid(name: string): number | undefined {
  const match = LEFTOVER.exec(name);
  return match ? Number(match[1]) : undefined;
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

/**
 * Takes the lock in one step: a folder made beside it, with the owner already written inside, is renamed
 * onto the lock. Renaming onto a folder that has an owner file fails, so a lock is never seen without its
 * owner (a holder slowed down between making the folder and naming itself could otherwise look abandoned
 * to a waiter, and two processes would hold it at once).
 */
function tryTake(lockDir: string): boolean {
  const staging = `${lockDir}.new-${process.pid}-${Math.random().toString(36).slice(2)}`;
  // Private like every folder and file Buddy makes (the owner names this machine and a process).
  fs.mkdirSync(staging, { mode: 0o700 });
  try {
    fs.writeFileSync(path.join(staging, OWNER_FILE), `${process.pid}\n${os.hostname()}`, { mode: 0o600 });
    fs.renameSync(staging, lockDir);
    return true;
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' || (code === 'EACCES' && fs.existsSync(lockDir))) return false;
    throw error;
  }
}

/**
 * Lets go in one step too: the lock is renamed aside, then removed. Removing it in place would leave an
 * empty folder for a moment, and a waiter's rename onto an empty folder succeeds: its fresh lock would
 * then be deleted under it.
 */
function release(lockDir: string): void {
  const aside = `${lockDir}.released-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    fs.renameSync(lockDir, aside);
  } catch {
    return;
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

export function withLockSync<T>(lockDir: string, work: () => T): T {
  const started = Date.now();
  let wait = RETRY_MIN_MS;
  while (!tryTake(lockDir)) {
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
  try {
    return work();
  } finally {
    release(lockDir);
  }
}
