// The once-a-day claim behind the daily greeting: an empty marker file named by the local date, made by
// exclusive create. Exactly one process (pet or statusline, any number at once) makes it; every other sees
// it there. Exclusive create never follows a link, never opens a FIFO or a folder, and never replaces
// anything: whatever stands at the path, the day counts as claimed by someone else, and nothing waits.
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './dirs.js';

const MARKER = /^greeted-(\d{4}-\d{2}-\d{2})$/;

export function markerName(date: string): string {
  return `greeted-${date}`;
}

/** True when this call claimed `date` (YYYY-MM-DD); false when it was claimed already or cannot be. */
export function claimDay(dir: string, date: string): boolean {
  const marker = path.join(dir, markerName(date));
  try {
    // Most calls come after the claim (every statusline refresh of the day): one lstat answers them.
    if (fs.lstatSync(marker, { throwIfNoEntry: false }) !== undefined) return false;
    ensurePrivateDir(dir);
    const fd = fs.openSync(marker, 'wx', 0o600);
    fs.closeSync(fd);
  } catch {
    // Claimed already (EEXIST, whatever is there), or no room to claim it in: no greeting, never a retry loop.
    return false;
  }
  pruneMarkers(dir, date);
  return true;
}

/** Removes the markers of days before `date`: only regular files of the marker's name, nothing else. */
export function pruneMarkers(dir: string, date: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const day = MARKER.exec(name)?.[1];
    if (day === undefined || day >= date) continue;
    try {
      const file = path.join(dir, name);
      if (fs.lstatSync(file).isFile()) fs.unlinkSync(file);
    } catch {
      // Another process pruned it first, or it is not ours to remove: either way it stays out of the way.
    }
  }
}
