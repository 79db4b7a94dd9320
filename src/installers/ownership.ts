// How Buddy knows its own entries in a host file: by the exact text it recorded, or by their unmistakable
// form, which always runs an absolute Node and an absolute Buddy bundle (dist/buddy.js), or the standalone
// executable named as both. Never by a substring: `codebuddy` and `study-buddy` are other tools.
import path from 'node:path';

export const isAbsolute = (file: string): boolean => path.posix.isAbsolute(file) || path.win32.isAbsolute(file);
export const isBundle = (file: string): boolean => /[/\\]dist[/\\]buddy\.js$/.test(file);
/**
 * The standalone executable in the place of both Node and the bundle (cli/standalone/own-path.ts): the same
 * absolute path twice, a file named buddy or buddy-<platform>-<arch> as the build names it.
 */
export const isExecutableForm = (node: string, script: string): boolean => node === script && isAbsolute(script) && /[/\\]buddy(?:-[\w.-]+)?(?:\.exe)?$/i.test(script);
/** Buddy's own program: an absolute Node with an absolute bundle, or the executable twice. */
export const isBuddyProgram = (node: string, script: string): boolean => (isAbsolute(node) && isAbsolute(script) && isBundle(script)) || isExecutableForm(node, script);

/** Another tool whose name merely looks like Buddy's; reported, never touched. */
export function looksLikeBuddy(command: string): boolean {
  return /buddy/i.test(command);
}
