// A yes/no question on the terminal; without a terminal the answer is no (use --yes in scripts).
import { createInterface } from 'node:readline/promises';
import { InterruptedError } from '../command-errors.js';
import type { CliIo } from '../io.js';

/**
 * Asks before anything changes. Ctrl-D (no answer) is no; Ctrl-C stops the command with InterruptedError
 * (one line, exit 130). In raw mode Ctrl-C is a key that readline reads, not a signal: without a SIGINT
 * listener readline would reject with its own message, on the question's line.
 */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  if (!io.stdin.isTTY) return false;
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  const interrupt = new AbortController();
  rl.once('SIGINT', () => interrupt.abort());
  try {
    const answer = await rl.question(`${question} [y/N] `, { signal: interrupt.signal });
    return /^y(es)?$/i.test(answer.trim());
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    // A question cancelled through its signal ends its line itself; Ctrl-D leaves the cursor after the
    // question, and what is said next must start a line of its own.
    if (interrupt.signal.aborted) throw new InterruptedError('interrupted at the question (Ctrl-C); nothing was changed');
    io.stderr.write('\n');
    return false;
  } finally {
    rl.close();
  }
}
