// Turns any error into one line on stderr and an exit code; never a stack trace unless BUDDY_DEBUG is set.
import { InvalidIdentityError } from '../buddy/identity-error.js';
import { EXIT_FAILURE, EXIT_USAGE, UsageError, UserFacingError } from './errors.js';
import type { CliIo } from './io.js';

/** Messages can quote input: keep their first line, without terminal control characters. */
function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return (message.split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

export function report(io: CliIo, error: unknown): number {
  if (error instanceof InvalidIdentityError) {
    // The same one line for the same bad ID, from every command.
    io.stderr.write(`buddy: ${oneLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    // One line, as the README promises: the hint rides on the same line.
    io.stderr.write(`buddy: ${oneLine(error.message)} (see buddy --help)\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UserFacingError) {
    io.stderr.write(`buddy: ${oneLine(error.message)}\n`);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`buddy: ${oneLine(message)}\n`);
  if (io.env.BUDDY_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return EXIT_FAILURE;
}
