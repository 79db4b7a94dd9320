// Runs one of Buddy's self-contained CommonJS bundles (the statusline and hooks, the MCP server) through
// V8's code cache. An agent CLI starts these on every refresh or session, and compiling their code again
// each time was most of what they cost beyond Node's own start. The cache is V8's own format: V8 checks
// that it belongs to this V8 build, these flags and a source of this length, and ignores it otherwise.
// Because two bundles of the same length could still differ, the file is also named by the bundle's
// content hash (computed at build time), the Node version and the kind of run that filled it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** Far above any real cache (a few hundred KB); anything bigger is not ours and is not read. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;
const OPEN_FOR_READING = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

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
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(file, OPEN_FOR_READING);
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile() || stat.size === 0 || stat.size > MAX_CACHE_BYTES) return undefined;
    const buffer = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const read = fs.readSync(descriptor, buffer, filled, buffer.length - filled, filled);
      if (read === 0) return undefined;
      filled += read;
    }
    return buffer;
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
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
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const temporary = path.join(directory, `.${name}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, path.join(directory, name));
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  // Caches of other builds, and half-written files of runs that were killed (another run's rename then
  // fails, and that run just writes again next time).
  const ours = `${bundleName(location)}-`;
  for (const entry of fs.readdirSync(directory)) {
    const stale = entry.startsWith(ours) ? !entry.startsWith(`${ours}${location.hash}-`) : entry.startsWith(`.${ours}`);
    if (stale) fs.rmSync(path.join(directory, entry), { force: true });
  }
}

/** Loads the bundle as CommonJS (its `require` resolves beside it), with its cached code when V8 accepts it. */
export function loadBundle<Exports>(location: BundleLocation): CachedBundle<Exports> {
  const source = fs.readFileSync(location.file, 'utf8');
  const directory = path.join(location.cacheDir, 'code');
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
