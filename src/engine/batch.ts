// One slice of `buddy roll --batch`: lines in, JSON lines out. Shared by the main thread and the workers.
import { DEFAULT_SALT } from './constants.js';
import { hashUserId } from './hash.js';
import { bonesToJson, rollFromHash } from './roll.js';
import { validateUserId } from './validate.js';

export interface BatchSlice {
  readonly output: string;
  readonly failed: number;
}

export function rollLines(lines: readonly string[], firstLineNumber: number, salt: string = DEFAULT_SALT): BatchSlice {
  let output = '';
  let failed = 0;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    const userId = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const validation = validateUserId(userId);
    if (validation.ok) {
      output += `${bonesToJson(rollFromHash(hashUserId(userId), salt), userId)}\n`;
    } else {
      failed++;
      output += `${JSON.stringify({ line: firstLineNumber + index, error: validation.reason })}\n`;
    }
  }
  return { output, failed };
}

/** Splits batch input into lines; a final newline ends the last line rather than adding an empty one. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
