// Turns any error into one line on stderr and an exit code; never a stack trace unless BUDDY_DEBUG is set.
import { InvalidIdentityError } from '../buddy/identity-error.js';
import { redactLine, secretsOf } from '../text/redact.js';
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE, InterruptedError, UsageError, UserFacingError } from './command-errors.js';
import type { CliIo } from './io.js';

/** `command` is the command that failed (empty for the pet), whose usage a wrong input is pointed to. */
export function report(io: CliIo, error: unknown, command?: string): number {
  // Messages can quote input, paths and URLs from the environment: keep their first line, without terminal
  // escapes and without credentials.
  const secrets = secretsOf(io.env);
  const oneLine = (message: string): string => redactLine(message.split('\n')[0] ?? '', secrets);
  if (error instanceof InvalidIdentityError) {
    // The same one line for the same bad ID, from every command.
    io.stderr.write(`buddy: ${oneLine(error.message)}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    // One line, as the README promises, with one hint on it: the error's own, or the command's usage.
    const hint = error.hint ?? (command ? `see buddy ${command} --help` : 'see buddy --help');
    io.stderr.write(`buddy: ${oneLine(error.message)} (${oneLine(hint)})\n`);
    return EXIT_USAGE;
  }
  if (error instanceof InterruptedError) {
    io.stderr.write(`buddy: ${oneLine(error.message)}\n`);
    return EXIT_INTERRUPTED;
  }
  if (error instanceof UserFacingError) {
    io.stderr.write(`buddy: ${oneLine(error.message)}\n`);
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`buddy: ${oneLine(message)}\n`);
  // The stack, asked for in bug reports, goes through the same redactor line by line.
  if (io.env.BUDDY_DEBUG && error instanceof Error) io.stderr.write(`${(error.stack ?? '').split('\n').map((line) => redactLine(line, secrets)).join('\n')}\n`);
  return EXIT_FAILURE;
}
