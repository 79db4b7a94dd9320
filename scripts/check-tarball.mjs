// Proves the npm package from its tarball, as a user gets it: packs it (which builds dist/), installs the
// tarball into a fresh prefix with npm offline (nothing but the tarball and npm's cache, into which the PNG
// renderer's locked packages are put first), with the clone's dist/ moved out of reach, and runs the
// installed `buddy` through scripts/check-installed.mjs; then `npx` of the same tarball. Prints the
// tarball's size and file count and the install time.
//
//   node scripts/check-tarball.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks } from './check-installed.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(path.join(os.tmpdir(), 'buddy-tarball-'));
const cache = path.join(work, 'npm-cache');
const prefix = path.join(work, 'prefix');
const npm = (args, options = {}) => execFileSync('npm', [...args, '--cache', cache, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8', ...options });

/** The optional PNG renderer's packages this platform installed from the lockfile (name@version). */
function installedRendererPackages() {
  const scope = path.join(ROOT, 'node_modules/@resvg');
  if (!existsSync(scope)) return [];
  return readdirSync(scope).map((name) => {
    const manifest = JSON.parse(readFileSync(path.join(scope, name, 'package.json'), 'utf8'));
    return `${manifest.name}@${manifest.version}`;
  });
}

const away = path.join(ROOT, `dist.away-${process.pid}`);
try {
  // `npm pack` runs prepack, the build; --silent leaves stdout to the tarball's name alone.
  const tarballName = npm(['pack', '--silent', '--pack-destination', work]).trim().split('\n').pop();
  const tarball = path.join(work, tarballName);
  const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
  console.log(`tarball ${tarballName}: ${(statSync(tarball).size / 1024).toFixed(0)} KiB, ${listing.filter((entry) => !entry.endsWith('/')).length} files`);

  const renderer = installedRendererPackages();
  if (renderer.length > 0) npm(['cache', 'add', ...renderer]);
  // From here on the clone's build is out of reach: the installed copy must stand on its own.
  renameSync(path.join(ROOT, 'dist'), away);

  const started = process.hrtime.bigint();
  npm(['install', '--global', '--offline', '--prefix', prefix, tarball]);
  console.log(`npm install --global --offline of the tarball: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
  const buddy = path.join(prefix, 'bin', 'buddy');
  await runChecks('the installed package', buddy, { png: renderer.length > 0 });

  // npx of the tarball, from the same offline cache.
  const npx = spawnSync('npx', ['--yes', '--offline', '--cache', cache, '--package', tarball, 'buddy', 'roll', 'golden-0'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, HOME: path.join(work, 'npx-home'), BUDDY_CONFIG_DIR: path.join(work, 'npx-config') },
  });
  if (npx.status !== 0 || !npx.stdout.includes('Cloudferret')) {
    console.error(`npx of the tarball: exit ${npx.status}: ${npx.stderr.trim()}`);
    process.exitCode = 1;
  } else {
    console.log('  ✓ npx --package TARBALL buddy roll golden-0');
  }
} finally {
  if (existsSync(away)) {
    rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
    renameSync(away, path.join(ROOT, 'dist'));
  }
  rmSync(work, { recursive: true, force: true });
}
