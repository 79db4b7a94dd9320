// Unexpected statusline and hook errors go here, never to the host's screen. Capped in size.
// Only where and what kind of error is written, never its message: messages can quote a prompt or other
// text the person typed. The file is never reached through a symlink (it could point anywhere), never
// opened blocking, and only ever a regular file (src/files/append.ts).
import path from 'node:path';
import { appendWhole } from '../files/append.js';
import { cacheDir } from '../store/paths.js';

const MAX_LOG_BYTES = 256 * 1024;

export function debugLogFile(env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), 'debug.log');
}

/** The error's kind, code and stack frames: enough to find the bug, nothing the person wrote. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as NodeJS.ErrnoException).code;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8);
  return [`${error.name}${typeof code === 'string' ? ` (${code.replace(/[^\w-]/g, '')})` : ''}`, ...frames].join('\n');
}

export function logDebug(env: NodeJS.ProcessEnv, where: string, error: unknown): void {
  try {
    appendWhole(debugLogFile(env), `${new Date().toISOString()} ${where}: ${describeError(error)}\n`, { truncateAboveBytes: MAX_LOG_BYTES });
  } catch {
    // Logging must never become the failure.
  }
}
