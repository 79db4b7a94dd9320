// Hearing about changes in one of Buddy's folders without polling (the pet listens to the sessions folder
// for what the buddy said to an agent CLI). The folder is made first (0700) if it is missing.
import fs from 'node:fs';
import { ensurePrivateDir } from './dirs.js';
import { fileErrorFrom } from './errors.js';

/**
 * Calls `onName` with the name of each entry that changes in `dir`; returns the function that stops. The
 * watch never keeps the process alive, and stops by itself on an error. Throws FileAccessError when the
 * folder cannot be watched.
 */
export function watchFolder(dir: string, onName: (name: string) => void): () => void {
  ensurePrivateDir(dir);
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(dir, { persistent: false }, (_kind, name) => {
      if (typeof name === 'string') onName(name);
    });
  } catch (error) {
    throw fileErrorFrom(error, dir, 'watch');
  }
  watcher.on('error', () => watcher.close());
  return () => watcher.close();
}
