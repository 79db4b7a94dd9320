// A yes/no question on the terminal; without a terminal the answer is no (use --yes in scripts).
import { createInterface } from 'node:readline/promises';
import type { CliIo } from '../io.js';

export async function confirm(io: CliIo, question: string): Promise<boolean> {
  if (!io.stdin.isTTY) return false;
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
