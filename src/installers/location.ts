// Where a copy of Buddy lives, and whether a host setup may point at it. An installer writes the absolute
// path of the bundle it runs from into the host's file; when that path is an npx cache (which npm cleans
// out), a temporary folder (which the system empties) or a clone's working tree (moved, deleted, half
// rebuilt), the setup breaks later without a word. Pure: the facts come in (paths, the temporary folders,
// whether a .git sits beside the package), the verdict goes out; location-facts.ts gathers the facts.
import path from 'node:path';

export interface LocationFacts {
  /** The bundle's real path (every link resolved): `<package>/dist/buddy.js`. */
  readonly script: string;
  /** Whether a `.git` (a folder, or a file in a git worktree) sits beside the package root. */
  readonly gitBeside: boolean;
  /** The system's temporary folders as this process sees them (os.tmpdir(), TMPDIR…), as given and real. */
  readonly tempDirs: readonly string[];
  readonly platform: NodeJS.Platform;
  /** Whether `script` is the standalone executable itself (its own folder is then the "package root"). */
  readonly executable?: boolean;
}

export type LocationKind =
  /** Under a node_modules folder: a global install (`npm install -g`) or a project's dependency. */
  | 'installed'
  /** npm's cache for `npx` (`~/.npm/_npx/…`, or `_npx` in $npm_config_cache). */
  | 'npx-cache'
  | 'temporary'
  /** A git checkout: a `.git` beside the package root. */
  | 'clone'
  /** The standalone executable, in a folder of the person's choosing (such as ~/.local/bin). */
  | 'executable'
  /** Any other folder npm did not install it into (an unpacked archive, a copied dist/). */
  | 'loose';

export interface Location {
  readonly kind: LocationKind;
  /** The package root: the folder holding package.json and dist/. */
  readonly root: string;
}

/** Temporary folders on every system, whatever TMPDIR says (macOS gives each user one under /var/folders). */
const SYSTEM_TEMP_DIRS = ['/tmp', '/var/tmp', '/dev/shm', '/var/folders', '/private/tmp', '/private/var/tmp', '/private/var/folders'];

function pathsFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** The package root of a bundle: two folders up from `dist/buddy.js`, else the bundle's own folder. */
export function packageRootOf(script: string, platform: NodeJS.Platform = process.platform): string {
  const paths = pathsFor(platform);
  const dir = paths.dirname(script);
  return paths.basename(dir) === 'dist' ? paths.dirname(dir) : dir;
}

function isInside(child: string, parent: string, platform: NodeJS.Platform): boolean {
  const paths = pathsFor(platform);
  // Windows paths compare without case, as its file systems do.
  const fold = (file: string): string => (platform === 'win32' ? file.toLowerCase() : file);
  const relative = paths.relative(fold(paths.resolve(parent)), fold(paths.resolve(child)));
  return relative === '' || (!relative.startsWith('..') && !paths.isAbsolute(relative));
}

export function classifyLocation(facts: LocationFacts): Location {
  const { platform } = facts;
  const paths = pathsFor(platform);
  const root = packageRootOf(facts.script, platform);
  const segments = root.split(/[/\\]+/);
  const kind: LocationKind = segments.includes('_npx')
    ? 'npx-cache'
    : [...facts.tempDirs, ...(platform === 'win32' ? [] : SYSTEM_TEMP_DIRS)].some((dir) => dir !== '' && paths.isAbsolute(dir) && isInside(root, dir, platform))
      ? 'temporary'
      : facts.executable
        ? 'executable'
        : facts.gitBeside
          ? 'clone'
          : segments.includes('node_modules')
            ? 'installed'
            : 'loose';
  return { kind, root };
}

/**
 * A host setup that points here keeps working: a copy npm installed stays where it is, and so does the
 * standalone executable wherever the person put it (but for an npx cache or a temporary folder).
 */
export function isStable(location: Location): boolean {
  return location.kind === 'installed' || location.kind === 'executable';
}

/** The command that puts Buddy where setups stay working. */
export const GLOBAL_INSTALL_COMMAND = 'npm install -g buddy-terminal-pet';

/** Where the copy is and why a setup pointing there would break ("" for a stable one). */
export function whyUnstable(location: Location): string {
  switch (location.kind) {
    case 'installed':
    case 'executable':
      return '';
    case 'npx-cache':
      return `an npx cache (${location.root}), which npm cleans out`;
    case 'temporary':
      return `a temporary folder (${location.root}), which the system empties`;
    case 'clone':
      return `a clone's working tree (${location.root}), which may be moved, deleted or half rebuilt`;
    case 'loose':
      return `a folder npm did not install it into (${location.root}), which may be moved or deleted`;
  }
}

/** A short name for where a copy runs from, for `--version --verbose` and doctor. */
export function kindName(location: Location): string {
  switch (location.kind) {
    case 'installed':
      return 'installed by npm';
    case 'executable':
      return 'the standalone executable';
    case 'npx-cache':
      return 'an npx cache';
    case 'temporary':
      return 'a temporary folder';
    case 'clone':
      return "a clone's working tree";
    case 'loose':
      return 'a folder npm did not install it into';
  }
}
