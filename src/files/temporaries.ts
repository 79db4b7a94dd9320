// Temporary files beside the file they will replace. Their names say whose they are (Buddy's, and which
// process's), so a later run can tell a leftover of a killed writer from a write still under way, and
// remove only the former. conf's own writer (the `atomically` package) names its temporaries
// `config.json.tmp-<10 digits><6 hex>`; those are recognised as well.
import fs from 'node:fs';
import path from 'node:path';
import { lockLeftoverPid } from './lock.js';

const OURS = /^\.(.+)\.buddy-tmp-(\d+)-[a-z0-9]+$/;
const CONF_WRITER = /^(.+)\.tmp-\d{10}[a-f0-9]{6}$/;
/** A temporary this old is a leftover whatever its pid says (pids are reused). */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

export function temporaryPathFor(target: string): string {
  const random = Math.random().toString(36).slice(2, 10) || '0';
  return path.join(path.dirname(target), `.${path.basename(target)}.buddy-tmp-${process.pid}-${random}`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when `name` is named as Buddy's temporaries (or conf's) are, whatever its state. */
export function isTemporaryName(name: string): boolean {
  return OURS.test(name) || CONF_WRITER.test(name);
}

/** True when `name` is a temporary a writer left behind: its process is gone, or it is old. */
export function isAbandonedTemporary(name: string, stats: fs.Stats, now: number): boolean {
  if (!stats.isFile()) return false;
  const old = now - stats.mtimeMs > ABANDONED_AFTER_MS;
  const ours = OURS.exec(name);
  if (ours) return old || !isAlive(Number(ours[2]));
  // conf's temporaries carry no pid: only age tells a leftover from a write under way.
  return CONF_WRITER.test(name) && old;
}

export interface SweepOptions {
  /**
   * Only Buddy's own temporaries (their names carry its pid): for folders of other programs (a host's
   * settings folder), where a name that merely looks like conf's is not Buddy's to remove.
   */
  readonly onlyBuddys?: boolean;
}

/**
 * Removes the temporaries killed writers left in `dir` (regular files only), and, in Buddy's own folders,
 * the folders a process killed while taking or letting go of a lock left beside it; nothing else is
 * touched. Returns how many were removed. Never throws: a folder that cannot be read has nothing to sweep.
 */
export function sweepTemporaries(dir: string, now: number = Date.now(), options: SweepOptions = {}): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!options.onlyBuddys && removeLockLeftover(dir, name, now)) {
      removed += 1;
      continue;
    }
    if (!OURS.test(name) && (options.onlyBuddys || !CONF_WRITER.test(name))) continue;
    const file = path.join(dir, name);
    try {
      if (!isAbandonedTemporary(name, fs.lstatSync(file), now)) continue;
      fs.unlinkSync(file);
      removed += 1;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/** Removes `name` when it is a lock's momentary folder whose process is gone (or that is old). */
function removeLockLeftover(dir: string, name: string, now: number): boolean {
  const pid = lockLeftoverPid(name);
  if (pid === undefined) return false;
  const folder = path.join(dir, name);
  try {
    const stats = fs.lstatSync(folder);
    if (!stats.isDirectory() || (now - stats.mtimeMs <= ABANDONED_AFTER_MS && isAlive(pid))) return false;
    fs.rmSync(folder, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}
