// What a command says on stderr before its output: repairs made on the way in, and the mismatch warning.
import type { Session } from '../buddy/session.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { CliIo } from './io.js';

export function printNotes(io: CliIo, session: Session, options: { warning?: boolean } = {}): void {
  // Notes can name paths and values from files: one clean line each.
  for (const repair of session.repairs) io.stderr.write(`buddy: ${sanitizeLine(repair)}\n`);
  if (session.warning && options.warning !== false) io.stderr.write(`buddy: ${sanitizeLine(session.warning)}\n`);
}
