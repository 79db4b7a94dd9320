// Turns any error into one line on stderr and an exit code; never a stack trace unless BUDDY_DEBUG is set.
import { EXIT_FAILURE, EXIT_USAGE, UsageError, UserFacingError } from './errors.js';
import type { CliIo } from './io.js';

export function report(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr.write(`buddy: ${error.message}\nTry 'buddy --help'.\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UserFacingError) {
    io.stderr.write(`buddy: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`buddy: ${message.split('\n')[0]}\n`);
  if (io.env.BUDDY_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return EXIT_FAILURE;
}
