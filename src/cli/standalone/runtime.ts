// Whether this Buddy is the standalone executable (Node's single executable application) rather than the
// npm package run by a Node of the user's. Some things differ: installs name the executable itself, and
// what needs a package from npm (PNG cards) says so.
import { createRequire } from 'node:module';

let standalone: boolean | undefined;

export function runsAsExecutable(): boolean {
  if (standalone === undefined) {
    try {
      standalone = (createRequire(import.meta.url)('node:sea') as typeof import('node:sea')).isSea();
    } catch {
      // A Node without single executable applications runs the npm package.
      standalone = false;
    }
  }
  return standalone;
}

/** What to say when the executable is asked for something only the npm package can do. */
export function needsNpmPackage(what: string): string {
  return `${what} needs the npm package (npm install -g buddy-terminal-pet); the standalone executable cannot load it`;
}
