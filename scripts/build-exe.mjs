// Builds the standalone executable (Node's single executable applications): this Node's binary with the
// built dist/ embedded as assets and src/entries/exe.ts as its main script, written to
// dist-exe/buddy-<platform>-<arch> (git-ignored, never packed). Run `npm run build` first (`npm run build:exe`
// does both). An executable already built from the same dist/, glue and Node is kept ("up to date"), so
// tests can call this on every run; --force builds anyway.
// Built and tested on linux-x64; other Linux and macOS machines build their own the same way (macOS: the
// binary is signed again, ad hoc, after the blob goes in).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const started = performance.now();
const DIST = 'dist';
const OUT = 'dist-exe';
const name = `buddy-${process.platform}-${process.arch}${process.platform === 'win32' ? '.exe' : ''}`;
const target = path.join(OUT, name);
const stampFile = `${target}.stamp`;
/** The fuse Node looks for to know a blob was injected (Node's documentation gives this exact string). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

if (!existsSync(path.join(DIST, 'buddy.js'))) {
  console.error('build-exe: dist/ is missing: run `npm run build` first (or `npm run build:exe`)');
  process.exit(1);
}

// Every built file, flat as dist/ is; a folder in it would be a new kind of build this does not know.
const files = readdirSync(DIST, { withFileTypes: true }).map((entry) => {
  if (!entry.isFile()) throw new Error(`build-exe: ${DIST}/${entry.name} is not a regular file`);
  return entry.name;
});
files.sort();
const contents = createHash('sha256');
for (const file of files) contents.update(`${file}\0`).update(readFileSync(path.join(DIST, file))).update('\0');
const hash = contents.digest('hex').slice(0, 16);

const work = path.join(OUT, `.work-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The main script: CommonJS, one file, Node's built-ins only (all a single executable's main may require).
const main = path.join(work, 'main.cjs');
await build({
  entryPoints: ['src/entries/exe.ts'],
  outfile: main,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { BUDDY_EXE_HASH: JSON.stringify(hash), BUDDY_EXE_FILES: JSON.stringify(files) },
});

// The main script as built, the embedded files and the Node they run on: the same three make the same executable.
const glueHash = createHash('sha256').update(readFileSync(main)).digest('hex').slice(0, 16);
const stamp = `${hash} ${glueHash} ${process.version} ${process.execPath}\n`;
if (!process.argv.includes('--force') && existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`build-exe: ${target} is up to date (build ${hash})`);
  process.exit(0);
}

const blob = path.join(work, 'sea-prep.blob');
const config = {
  main,
  output: blob,
  disableExperimentalSEAWarning: true,
  // The main script's compiled code goes into the blob: one less compile on every start.
  useCodeCache: true,
  assets: Object.fromEntries(files.map((file) => [file, path.join(DIST, file)])),
};
const configFile = path.join(work, 'sea-config.json');
writeFileSync(configFile, JSON.stringify(config, null, 2));
execFileSync(process.execPath, ['--experimental-sea-config', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });

const staging = path.join(work, name);
copyFileSync(process.execPath, staging);
chmodSync(staging, 0o755);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', staging]);
await inject(staging, blob);
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', staging]);
renameSync(staging, target);
writeFileSync(stampFile, stamp);
const megabytes = statSync(target).size / (1024 * 1024);
console.log(`build-exe: ${target} (${megabytes.toFixed(1)} MB, build ${hash}, ${files.length} files) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** Puts the blob into the binary with postject (a devDependency, pinned in the lockfile). */
async function inject(binary, blobFile) {
  const args = [binary, 'NODE_SEA_BLOB', blobFile, '--sentinel-fuse', SEA_FUSE, ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [])];
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('postject/package.json')), 'dist', 'cli.js');
  // postject's warnings about ELF note names it does not know are noise: only a failure is shown.
  const options = { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' };
  try {
    execFileSync(process.execPath, [cli, ...args], options);
  } catch (error) {
    process.stderr.write(error.stderr ?? '');
    throw new Error('build-exe: postject could not inject the blob');
  }
}
