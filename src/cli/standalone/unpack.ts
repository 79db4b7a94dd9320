// The standalone executable carries Buddy's built files (dist/) inside itself. Node runs an embedded main
// script that can load only Node's own modules, so the files are written out once, to a folder of Buddy's
// cache named by the build's content hash, and loaded from there like the npm package's. A folder is put
// in place whole (written under a temporary name, then renamed), so a run sees a complete build or none;
// every later run of the same build costs one lstat.
import path from 'node:path';
import { FileAccessError } from '../../files/errors.js';
import { factsAbout } from '../../files/facts.js';
import { ensurePrivateDir } from '../../files/dirs.js';
import { writeFreshFile } from '../../files/fresh-files.js';
import { listNames, removeFile, removeTree, renameOwnFile } from '../../files/housekeeping.js';
import { makeFreshPrivateDir, placeFolder, privateFolderState } from '../../files/private-folders.js';

export interface EmbeddedBuild {
  /** Buddy's cache folder: the builds go into its `exe/` folder. */
  readonly cacheDir: string;
  /** The content hash of the embedded files, baked in when the executable was built. */
  readonly hash: string;
  /** The embedded files' names (flat, as in dist/). */
  readonly files: readonly string[];
  /** One embedded file's bytes. */
  readonly read: (name: string) => Uint8Array;
}

/** A folder of another build, left for a day: a long-running server of that build may still load from it. */
const OTHER_BUILD_KEPT_MS = 24 * 60 * 60 * 1000;
/** A half-written folder of a run that was killed. */
const ABANDONED_MS = 60 * 60 * 1000;
const FILE_NAME = /^[\w.-]+$/;
const HASH = /^[0-9a-f]{16,64}$/;

export function buildsFolder(cacheDir: string): string {
  return path.join(cacheDir, 'exe');
}

export interface UnpackedBuild {
  readonly dir: string;
  /** Whether this run wrote the files (the build's first run here, or `again`). */
  readonly unpacked: boolean;
}

/** Where this build's files are (unpacked now if they were not, or `again`). Throws FileAccessError. */
export function unpackedBuild(build: EmbeddedBuild, options: { readonly again?: boolean } = {}): UnpackedBuild {
  if (!HASH.test(build.hash)) throw new FileAccessError('io', build.hash, 'this executable carries no valid build hash');
  const root = buildsFolder(build.cacheDir);
  const dir = path.join(root, build.hash);
  const state = privateFolderState(dir);
  if (state === 'private' && !options.again) return { dir, unpacked: false };
  ensurePrivateDir(root);
  // A link, a file, or a folder someone else could have changed is never used: it is moved out of the way.
  if (state !== 'missing') setAside(root, dir);
  const staging = path.join(root, `.${build.hash}.${process.pid}.${Date.now()}.tmp`);
  makeFreshPrivateDir(staging);
  try {
    for (const name of build.files) {
      if (!FILE_NAME.test(name) || name.startsWith('.')) throw new FileAccessError('io', name, `this executable carries a file with an unexpected name: ${name}`);
      writeFreshFile(path.join(staging, name), build.read(name));
    }
    // Another run of the same build may have put its folder in place meanwhile: either one will do.
    if (!placeFolder(staging, dir)) removeTree(staging);
  } catch (error) {
    removeTree(staging);
    throw error;
  }
  sweepOtherBuilds(root, build.hash);
  return { dir, unpacked: true };
}

function setAside(root: string, dir: string): void {
  const facts = factsAbout(dir);
  if (facts?.kind !== 'directory') {
    removeFile(dir);
    return;
  }
  const aside = path.join(root, `.${path.basename(dir)}.${process.pid}.${Date.now()}.old.tmp`);
  if (renameOwnFile(dir, aside)) removeTree(aside);
}

/** Other builds' folders untouched for a day, and abandoned half-written ones (housekeeping: never fails). */
function sweepOtherBuilds(root: string, hash: string, now = Date.now()): void {
  try {
    for (const name of listNames(root)) {
      if (name === hash) continue;
      const temporary = name.startsWith('.') && name.endsWith('.tmp');
      if (!temporary && !HASH.test(name)) continue;
      const file = path.join(root, name);
      const facts = factsAbout(file);
      if (facts?.kind !== 'directory') continue;
      if (now - facts.mtimeMs > (temporary ? ABANDONED_MS : OTHER_BUILD_KEPT_MS)) removeTree(file);
    }
  } catch {
    // Left for the next build's first run.
  }
}
