// One line of `buddy roll --batch`: an ID in, a JSON line out (or an error object naming the line), by roll
// v1 or, given a seed function, by the classic roll. Shared by the main thread (small inputs) and the
// worker threads.
import { classicBonesToJson, rollClassic } from './classic.js';
import type { HashFn } from './classic-constants.js';
import { DEFAULT_SALT } from './constants.js';
import { hashUserId } from './hash.js';
import { bonesToJson, rollFromHash, type GeneratorFactory } from './roll.js';
import { validateUserId } from './validate.js';

export interface LineResult {
  readonly json: string;
  readonly ok: boolean;
}

/** A line longer than this many bytes is not read; it becomes an error line. */
export const MAX_LINE_BYTES = 64 * 1024;

// Stand-ins for lines that never become strings: they start with NUL, which no valid ID holds.
export const OVERLONG_LINE = '\u0000overlong';
export const INVALID_UTF8_LINE = '\u0000invalid-utf8';

const MARKER_REASONS: Readonly<Record<string, string>> = {
  [OVERLONG_LINE]: `line is longer than ${MAX_LINE_BYTES} bytes`,
  [INVALID_UTF8_LINE]: 'line is not valid UTF-8',
};

export function rollLine(raw: string, lineNumber: number, salt: string = DEFAULT_SALT, generator?: GeneratorFactory, classic?: HashFn): LineResult {
  const userId = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const marker = userId.startsWith('\u0000') ? MARKER_REASONS[userId] : undefined;
  if (marker) return { json: JSON.stringify({ line: lineNumber, error: marker }), ok: false };
  const validation = validateUserId(userId);
  if (!validation.ok) return { json: JSON.stringify({ line: lineNumber, error: validation.reason }), ok: false };
  if (classic) return { json: classicBonesToJson(rollClassic(userId, salt, classic), userId), ok: true };
  return { json: bonesToJson(rollFromHash(hashUserId(userId), salt, generator), userId), ok: true };
}

export interface BatchSlice {
  readonly output: string;
  readonly failed: number;
}

export function rollLines(lines: readonly string[], firstLineNumber: number, salt: string = DEFAULT_SALT, classic?: HashFn): BatchSlice {
  let output = '';
  let failed = 0;
  lines.forEach((line, index) => {
    const result = rollLine(line, firstLineNumber + index, salt, undefined, classic);
    if (!result.ok) failed++;
    output += `${result.json}\n`;
  });
  return { output, failed };
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const NEWLINE = 0x0a;

/**
 * Decodes batch input bytes into lines. Invalid UTF-8 is never patched with U+FFFD (two different IDs
 * would then share a hash): such a line becomes INVALID_UTF8_LINE. The whole slice is tried first; only a
 * slice with a bad byte somewhere is decoded line by line.
 */
export function decodeLines(bytes: Uint8Array): string[] {
  try {
    return splitLines(strictDecoder.decode(bytes));
  } catch {
    const lines: string[] = [];
    let start = 0;
    while (start < bytes.length) {
      const found = bytes.indexOf(NEWLINE, start);
      const end = found === -1 ? bytes.length : found;
      try {
        lines.push(strictDecoder.decode(bytes.subarray(start, end)));
      } catch {
        lines.push(INVALID_UTF8_LINE);
      }
      start = end + 1;
    }
    return lines;
  }
}

/** Splits batch input into lines; a final newline ends the last line rather than adding an empty one. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
