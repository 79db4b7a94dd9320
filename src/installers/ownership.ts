// How Buddy knows its own entries in a host file: by the exact text it recorded, or by their unmistakable
// form, which always runs an absolute Node and an absolute Buddy bundle (dist/buddy.js). Never by a
// substring: `codebuddy` and `study-buddy` are other tools.
import path from 'node:path';

export const isAbsolute = (file: string): boolean => path.posix.isAbsolute(file) || path.win32.isAbsolute(file);
export const isBundle = (file: string): boolean => /[/\\]dist[/\\]buddy\.js$/.test(file);

/** Another tool whose name merely looks like Buddy's; reported, never touched. */
export function looksLikeBuddy(command: string): boolean {
  return /buddy/i.test(command);
}
