// What a command says on stderr before its output: repairs made on the way in, and the mismatch warning.
import type { Session } from '../buddy/session.js';
import type { CliIo } from './io.js';

export function printNotes(io: CliIo, session: Session, options: { warning?: boolean } = {}): void {
  for (const repair of session.repairs) io.stderr.write(`buddy: ${repair}\n`);
  if (session.warning && options.warning !== false) io.stderr.write(`buddy: ${session.warning}\n`);
}
