// The one error the file-access layer throws: a sentence a person can act on, naming the file, and a kind
// so callers can tell "not there" from "not allowed" from "not a file Buddy will touch".
export type FileAccessProblem =
  /** A FIFO, device, socket or directory where a regular file was expected. */
  | 'not-regular'
  /** A symlink whose target is missing or is not a regular file. */
  | 'bad-link'
  /** Larger than the cap for its kind of file. */
  | 'too-big'
  /** The operating system said no (EACCES, EPERM, EROFS). */
  | 'permission'
  /** The file is read-only: Buddy never replaces a file its owner protected. */
  | 'read-only'
  /** Anything else the operating system reported. */
  | 'io';

export class FileAccessError extends Error {
  /** The operating system's code behind it (ENOTDIR, EACCES…), when there was one: for the debug log. */
  readonly code: string | undefined;

  constructor(
    readonly problem: FileAccessProblem,
    readonly file: string,
    message: string,
    code?: string,
  ) {
    super(message);
    this.name = 'FileAccessError';
    this.code = code;
  }
}

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

export function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** An operating-system error from `action` on `file` as a FileAccessError (one line, no stack, no errno soup). */
export function fileErrorFrom(error: unknown, file: string, action: string): FileAccessError {
  if (error instanceof FileAccessError) return error;
  const code = errnoOf(error);
  if (code && PERMISSION_CODES.has(code)) {
    return new FileAccessError('permission', file, `cannot ${action} ${file}: permission denied${code === 'EROFS' ? ' (read-only file system)' : ''}`, code);
  }
  const reason = code ? `${code.toLowerCase()}` : ((error as Error | undefined)?.message ?? 'unknown error').split('\n')[0];
  return new FileAccessError('io', file, `cannot ${action} ${file}: ${describeErrno(code) ?? reason}`, code);
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'nothing is reading from it',
  EPIPE: 'its reader went away before all was written',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function describeErrno(code: string | undefined): string | undefined {
  return code ? ERRNO_WORDS[code] : undefined;
}
