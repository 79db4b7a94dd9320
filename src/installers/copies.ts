// A copy of Buddy on this machine, found by the bundle a process runs or a host setup points at: where it
// lives (location.ts decides what that means), and its version when its package.json says so. The facts
// the pure classifier needs are gathered here, through the file layer.
import os from 'node:os';
import path from 'node:path';
import { pathExists, realPathOf } from '../files/entries.js';
import { readJsonFile } from '../files/read.js';
import { classifyLocation, packageRootOf, type Location } from './location.js';

/** The package's name in its package.json: a package.json of anything else names no version of Buddy. */
const PACKAGE_NAME = 'buddy-terminal-pet';
/** A package.json is a few KB; anything much larger is not Buddy's. */
const PACKAGE_FILE_CAP = 256 * 1024;

export interface BuddyCopy {
  /** The bundle, every link resolved when it exists. */
  readonly script: string;
  readonly location: Location;
  /** From the copy's package.json; undefined when it cannot be read or is not Buddy's. */
  readonly version: string | undefined;
}

/** The temporary folders this process would use, as named and with links resolved (macOS: /private/var/…). */
export function tempDirsOf(env: NodeJS.ProcessEnv): string[] {
  const named = [os.tmpdir(), env.TMPDIR, env.TMP, env.TEMP].filter((dir): dir is string => dir !== undefined && dir !== '');
  const real = named.flatMap((dir) => {
    try {
      return [realPathOf(dir)];
    } catch {
      return [];
    }
  });
  return [...new Set([...named, ...real])];
}

/** The version in the package.json at `root`, if it is Buddy's and says one. */
export function versionAt(root: string): string | undefined {
  try {
    const read = readJsonFile(path.join(root, 'package.json'), { maxBytes: PACKAGE_FILE_CAP });
    if (read.state !== 'parsed' || typeof read.value !== 'object' || read.value === null) return undefined;
    const { name, version } = read.value as Record<string, unknown>;
    return name === PACKAGE_NAME && typeof version === 'string' && /^\d+\.\d+\.\d+[\w.+-]*$/.test(version) ? version : undefined;
  } catch {
    // A FIFO, a folder or an unreadable file there: no version to name.
    return undefined;
  }
}

/**
 * The npm package's bundle is always a `.js` file (dist/buddy.js); the standalone executable names itself
 * where a setup would name the bundle (`EXE EXE statusline`).
 */
function isExecutablePath(script: string): boolean {
  return !/\.[cm]?js$/.test(script);
}

/** The copy a bundle path belongs to. `version`: the running copy knows its own (the build put it in). */
export function buddyCopyAt(script: string, env: NodeJS.ProcessEnv, version?: string): BuddyCopy {
  let real = script;
  try {
    real = realPathOf(script);
  } catch {
    // Gone, or unreachable: classified by the path as written.
  }
  const root = packageRootOf(real);
  const location = classifyLocation({ script: real, gitBeside: pathExists(path.join(root, '.git')), tempDirs: tempDirsOf(env), platform: process.platform, executable: isExecutablePath(real) });
  return { script: real, location, version: version ?? versionAt(root) };
}
