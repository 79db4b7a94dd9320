// A lock for housekeeping that is never worth waiting for (the journal's rotation, on the statusline's path):
// a marker file made with O_EXCL. Whoever makes it does the work; everyone else goes on at once. A marker
// left by a process that died mid-work is removed once it is old, so the work is only ever put off.
import fs from 'node:fs';
import { PRIVATE_FILE_MODE } from './replace.js';

const CREATE_NEW = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Runs `work` while holding the marker `lockFile`, and returns true; returns false at once when another
 * process holds it (removing it when it is older than `staleAfterMs`, for the next attempt). Errors of
 * `work` are thrown after the marker is gone.
 */
export function ifLockFree(lockFile: string, staleAfterMs: number, work: () => void): boolean {
  let descriptor: number;
  try {
    descriptor = fs.openSync(lockFile, CREATE_NEW, PRIVATE_FILE_MODE);
  } catch {
    try {
      const held = fs.lstatSync(lockFile, { throwIfNoEntry: false });
      if (held?.isFile() && Date.now() - held.mtimeMs > staleAfterMs) fs.unlinkSync(lockFile);
    } catch {
      // Someone else removed it first.
    }
    return false;
  }
  try {
    work();
    return true;
  } finally {
    fs.closeSync(descriptor);
    try {
      fs.unlinkSync(lockFile);
    } catch {
      // A stale-lock breaker took it already.
    }
  }
}
