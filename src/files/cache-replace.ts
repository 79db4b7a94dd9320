// Replacing one of Buddy's own cache files (session state, prepared frames, compiled code). Their names are
// never links or special files, and nobody but Buddy has any business there: anything else found at the
// name (a symlink, which replace.ts would follow to the file it points to; a FIFO; a device; a socket) is
// removed, never followed or written, and the file is written anew. A folder at the name is refused.
import { removeFile } from './housekeeping.js';
import { kindAt } from './kind.js';
import { replaceFileAtomically, type ReplaceOptions } from './replace.js';

/** Atomic, 0600 when new (replace.ts's rules), after clearing the name of anything that is not Buddy's. */
export function replaceCacheFile(file: string, data: string | Uint8Array, options: ReplaceOptions = {}): void {
  const kind = kindAt(file);
  if (kind !== 'missing' && kind !== 'file' && kind !== 'directory') removeFile(file);
  replaceFileAtomically(file, data, options);
}
