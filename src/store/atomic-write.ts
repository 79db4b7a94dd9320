// Kept for the installers' call sites until they call src/files/replace.ts themselves: the same atomic
// replace, with its rules (a regular file only, mode and owner kept, read-only refused, links kept).
import { replaceFileAtomically } from '../files/replace.js';

/** `mode` is the mode of a file made new; an existing file keeps its own. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, mode = 0o600): void {
  replaceFileAtomically(file, data, { newFileMode: mode });
}
