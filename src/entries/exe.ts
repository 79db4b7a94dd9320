// The standalone executable's main script (Node's single executable applications, scripts/build-exe.mjs).
// Node runs it with a `require` that knows only Node's own modules, so it is glue: it unpacks the build it
// carries (dist/, as embedded assets) into Buddy's cache once per build, then loads the unpacked
// dist/buddy.js with an ordinary `require`, from where everything runs as in the npm package.
// Installs name the executable twice, as Node and as the bundle (see cli/standalone/own-path.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { getAsset } from 'node:sea';
import { placeLightScript, LIGHT_SCRIPT_NAME } from '../cli/standalone/light-script.js';
import { argumentsAsBundle } from '../cli/standalone/own-path.js';
import { unpackedBuild, type EmbeddedBuild } from '../cli/standalone/unpack.js';
import { cacheDir } from '../store/paths.js';

/** The embedded files' content hash and names, filled in by the build. */
declare const BUDDY_EXE_HASH: string;
declare const BUDDY_EXE_FILES: readonly string[];

argumentsAsBundle(process.argv, process.execPath);

const build: EmbeddedBuild = {
  cacheDir: cacheDir(process.env),
  hash: BUDDY_EXE_HASH,
  files: BUDDY_EXE_FILES,
  read: (name) => new Uint8Array(getAsset(name)),
};

function unpack(again: boolean): string {
  const { dir, unpacked } = unpackedBuild(build, { again });
  if (unpacked) {
    try {
      // A new build brings its light script to the place Claude Code's settings name, if an install put one there.
      placeLightScript(process.env, path.join(dir, LIGHT_SCRIPT_NAME), { onlyIfPresent: true });
    } catch {
      // The old script goes on working; `buddy install claude-code` writes it again.
    }
  }
  return dir;
}

function start(dir: string): void {
  const entry = path.join(dir, 'buddy.js');
  createRequire(entry)(entry);
}

try {
  let dir = unpack(false);
  try {
    start(dir);
  } catch (error) {
    // The folder lost its entry (a cache cleaner took part of it): unpack the build again.
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    dir = unpack(true);
    start(dir);
  }
} catch (error) {
  if (process.argv[2] === 'statusline') {
    // A host's statusline always gets one line, as from the light script when Buddy cannot run.
    process.stdout.write('(·_·) buddy\n');
  } else {
    process.stderr.write(`buddy: cannot start: ${(error as Error).message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}
