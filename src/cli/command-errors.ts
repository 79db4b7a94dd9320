// Errors the CLI reports as one plain line. UsageError means the input was wrong (exit 2).
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /**
   * The one hint that follows the message in parentheses, when the message has a better one than the
   * command's usage (a list to choose from, an example): the reporter never adds a second.
   */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** A failure the user can act on, reported without a stack trace (exit 1). */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/** The person stopped the command (Ctrl-C at a question): one line saying what stayed as it was, exit 130. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
}

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;
