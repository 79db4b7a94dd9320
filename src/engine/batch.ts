// One line of `buddy roll --batch`: an ID in, a JSON line out (or an error object naming the line).
// Shared by the main thread (small inputs) and the worker threads.
import { DEFAULT_SALT } from './constants.js';
import { hashUserId } from './hash.js';
import { bonesToJson, rollFromHash, type GeneratorFactory } from './roll.js';
import { validateUserId } from './validate.js';

export interface LineResult {
  readonly json: string;
  readonly ok: boolean;
}

export function rollLine(raw: string, lineNumber: number, salt: string = DEFAULT_SALT, generator?: GeneratorFactory): LineResult {
  const userId = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const validation = validateUserId(userId);
  if (validation.ok) return { json: bonesToJson(rollFromHash(hashUserId(userId), salt, generator), userId), ok: true };
  return { json: JSON.stringify({ line: lineNumber, error: validation.reason }), ok: false };
}

export interface BatchSlice {
  readonly output: string;
  readonly failed: number;
}

export function rollLines(lines: readonly string[], firstLineNumber: number, salt: string = DEFAULT_SALT): BatchSlice {
  let output = '';
  let failed = 0;
  lines.forEach((line, index) => {
    const result = rollLine(line, firstLineNumber + index, salt);
    if (!result.ok) failed++;
    output += `${result.json}\n`;
  });
  return { output, failed };
}

/** Splits batch input into lines; a final newline ends the last line rather than adding an empty one. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
