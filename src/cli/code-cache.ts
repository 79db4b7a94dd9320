// Runs one of Buddy's self-contained CommonJS bundles (the statusline and hooks, the MCP server) through
// V8's code cache. An agent CLI starts these on every refresh or session, and compiling their code again
// each time was most of what they cost beyond Node's own start. The cache is V8's own format: V8 checks
// that it belongs to this V8 build, these flags and a source of this length, and ignores it otherwise.
// Because two bundles of the same length could still differ, the file is also named by the bundle's
// content hash (computed at build time), the Node version and the kind of run that filled it.
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { replaceCacheFile } from '../files/cache-replace.js';
import { ensurePrivateDir } from '../files/dirs.js';
import { FileAccessError } from '../files/errors.js';
import { listNames, removeFile } from '../files/housekeeping.js';
import { withOpenFile } from '../files/partial-read.js';
import { OWN_FILE_CAP } from '../files/read.js';
import { sweepTemporaries } from '../files/temporaries.js';

/** Far above any real cache (a few hundred KB); anything bigger is not ours and is not read. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;

export interface CachedBundle<Exports> {
  readonly exports: Exports;
  /** How the code cache served this load: none yet, used, or turned down by V8 (then rewritten on save). */
  readonly cache: 'cold' | 'warm' | 'rejected';
  /**
   * Writes the cache when there was none or V8 turned it down. Called after the command's work, so the
   * cache also holds the functions that work compiled. Writes at most once per run and never throws (a
   * read-only cache folder only means the next run compiles again).
   */
  readonly saveCache: () => void;
}

export interface BundleLocation {
  /** The bundle's absolute path. */
  readonly file: string;
  /** Where caches live (Buddy's cache folder). */
  readonly cacheDir: string;
  /** The bundle's content hash, baked in at build time. */
  readonly hash: string;
  /** What kind of run fills this cache ("statusline", "hook"): each keeps the functions it uses. */
  readonly kind: string;
}

/** Reads a cache file if it is a plain file of sane size; any doubt (a FIFO, a link, a giant) is no cache. */
function readCache(file: string): Buffer | undefined {
  try {
    return withOpenFile(file, (cache) => {
      const size = cache.sizeAtOpen;
      if (size === 0 || size > MAX_CACHE_BYTES) return undefined;
      const buffer = cache.read(0, size);
      // Shorter than it said: cut while being written, so no cache.
      return buffer.length === size ? buffer : undefined;
    });
  } catch {
    return undefined;
  }
}

/**
 * The bundle's source: a regular file (or a link to one) opened without blocking and read whole, with no
 * look at the path first (this is every host refresh's path). Throws FileAccessError.
 */
function readBundle(file: string): string {
  const source = withOpenFile(
    file,
    (bundle) => {
      if (bundle.sizeAtOpen > OWN_FILE_CAP) throw new FileAccessError('too-big', file, `${file} is too large to be Buddy's bundle`);
      return bundle.read(0, bundle.sizeAtOpen).toString('utf8');
    },
    { followLinks: true },
  );
  if (source === undefined) throw new FileAccessError('io', file, `${file} is missing: reinstall Buddy`);
  return source;
}

/** The bundle's file name without its extension: the start of every cache file of it. */
function bundleName(location: BundleLocation): string {
  return path.basename(location.file).replace(/\.c?js$/, '');
}

export function cacheFileName(location: BundleLocation): string {
  return `${bundleName(location)}-${location.hash}-${process.version}-${process.arch}-${location.kind}.v8cache`;
}

/** Atomic: a reader sees the old cache, no cache or the whole new one; caches of other builds are removed. */
function writeCache(directory: string, location: BundleLocation, data: Buffer): void {
  const name = cacheFileName(location);
  ensurePrivateDir(directory);
  replaceCacheFile(path.join(directory, name), data);
  // Caches of other builds, and half-written files of runs that were killed: the layer's temporaries
  // (swept when their writer is gone) and those of older versions (`.NAME.PID.tmp`).
  const ours = `${bundleName(location)}-`;
  for (const entry of listNames(directory)) {
    const stale = entry.startsWith(ours) ? !entry.startsWith(`${ours}${location.hash}-`) : entry.startsWith(`.${ours}`) && entry.endsWith('.tmp');
    if (stale) removeFile(path.join(directory, entry));
  }
  sweepTemporaries(directory);
}

/** The cache folder's subfolder the compiled code is kept in. */
export const CODE_CACHE_FOLDER = 'code';

/** Loads the bundle as CommonJS (its `require` resolves beside it), with its cached code when V8 accepts it. */
export function loadBundle<Exports>(location: BundleLocation): CachedBundle<Exports> {
  const source = readBundle(location.file);
  const directory = path.join(location.cacheDir, CODE_CACHE_FOLDER);
  const cachedData = readCache(path.join(directory, cacheFileName(location)));
  // The same wrapper Node puts around a CommonJS file, so the bundle runs exactly as `require` would run it.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: location.file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as Exports };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper(module.exports, createRequire(location.file), module, location.file, path.dirname(location.file));
  let saved = Boolean(cachedData) && !script.cachedDataRejected;
  const saveCache = (): void => {
    if (saved) return;
    saved = true;
    try {
      writeCache(directory, location, script.createCachedData());
    } catch {
      // Nothing is lost: the next run compiles the bundle again.
    }
  };
  return { exports: module.exports, cache: cachedData ? (script.cachedDataRejected ? 'rejected' : 'warm') : 'cold', saveCache };
}
