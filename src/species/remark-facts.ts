// What the buddy saw happen in a coding session, as the facts a remark is grounded in: which test failed,
// which file, the error's first words, the command. One shape for every source (a Claude Code transcript,
// another agent CLI's hook, an agent's MCP report) and every writer (the offline templates, the model).
// Pure data: extracted elsewhere, already cut to size and cleaned of terminal escapes and secrets.

export const REMARK_KINDS = ['testsFailed', 'testsPassed', 'error', 'bigDiff', 'longSilence', 'turnEnd'] as const;
export type RemarkKind = (typeof REMARK_KINDS)[number];

/** The longest a fact's text may be (a test name, a path, an error's first words, a command). */
export const MAX_FACT_LENGTH = 80;
/** At most this many failing tests are named. */
export const MAX_NAMED_TESTS = 3;

export interface RemarkFacts {
  readonly kind: RemarkKind;
  /** Failing tests by name (testsFailed), at most MAX_NAMED_TESTS, in the order the runner printed them. */
  readonly tests?: readonly string[];
  /** The file it is about: a failing test's file, the edited file (bigDiff), a file named in the error. */
  readonly file?: string;
  /** The error's first meaningful words (error, testsFailed when the runner printed one). */
  readonly error?: string;
  /** The command that ran (a shell command from the agent), when one did. */
  readonly command?: string;
  /** testsFailed / testsPassed: how many, when the runner said. */
  readonly failed?: number;
  readonly passed?: number;
  /** bigDiff: how many lines the edit wrote. */
  readonly lines?: number;
  /** longSilence: how many minutes nothing happened. */
  readonly quietMinutes?: number;
  /** testsPassed: the run turned green after failing (a recovery), not merely green again. */
  readonly recovered?: boolean;
  /** How many times this kind has happened today, this one included (at least 1). */
  readonly timesToday: number;
}
