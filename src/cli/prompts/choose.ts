// One choice among a few on the terminal (an answer is a choice's name, its first letter or its number);
// without a terminal, or when the person answers nothing, there is no choice and the caller decides.
import { createInterface } from 'node:readline/promises';
import type { CliIo } from '../io.js';

const ATTEMPTS = 3;

export async function chooseOne<T extends string>(io: CliIo, question: string, choices: readonly T[]): Promise<T | undefined> {
  if (!io.stdin.isTTY) return undefined;
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  const hint = choices.map((choice, index) => `${index + 1}/${choice}`).join(', ');
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const answer = (await rl.question(`${question} [${hint}] `)).trim().toLowerCase();
      if (answer === '') return undefined;
      const found = choices.find((choice, index) => answer === choice || answer === String(index + 1) || answer === choice[0]);
      if (found) return found;
    }
    return undefined;
  } finally {
    rl.close();
  }
}
