// Unexpected statusline and hook errors go here, never to the host's screen. Capped in size.
// Only where and what kind of error is written, never its message: messages can quote a prompt or other
// text the person typed. The file is never reached through a symlink (it could point anywhere), never
// opened blocking, and only ever a regular file (src/files/append.ts).
import path from 'node:path';
import { appendWhole } from '../files/append-whole.js';
import { cacheDir } from './paths.js';
import { redactLine } from '../text/redact.js';

const MAX_LOG_BYTES = 256 * 1024;

export function debugLogFile(env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), 'debug.log');
}

const MAX_NAME_LENGTH = 80;

/** The stack after the message (which can span lines, some looking like frames): the frames alone. */
function framesOf(error: Error): string[] {
  const stack = error.stack ?? '';
  const end = error.message === '' ? -1 : stack.indexOf(error.message);
  const after = end === -1 ? stack : stack.slice(end + error.message.length);
  return after.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8);
}

/**
 * The error's kind, code and stack frames: enough to find the bug, nothing the person wrote. Each line goes
 * through the report redactor: a frame names files and functions, and a thrown object names itself, so
 * none may carry a terminal escape or a credential into the file.
 */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as NodeJS.ErrnoException).code;
  const name = redactLine(String(error.name), [], MAX_NAME_LENGTH);
  const frames = framesOf(error).map((frame) => `    ${redactLine(frame.trim())}`);
  return [`${name}${typeof code === 'string' ? ` (${code.replace(/[^\w-]/g, '')})` : ''}`, ...frames].join('\n');
}

export function logDebug(env: NodeJS.ProcessEnv, where: string, error: unknown): void {
  try {
    appendWhole(debugLogFile(env), `${new Date().toISOString()} ${where}: ${describeError(error)}\n`, { truncateAboveBytes: MAX_LOG_BYTES });
  } catch {
    // Logging must never become the failure.
  }
}
