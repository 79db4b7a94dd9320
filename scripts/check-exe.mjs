// Proves the standalone executable as a person without Node gets it: the one file `npm run build:exe`
// wrote, copied into a folder of its own outside the clone (as into ~/.local/bin), with the clone's dist/
// moved out of reach, run through the same checks as the npm package (scripts/check-installed.mjs), but
// for `--png`, which it refuses in one line. Prints the executable's size.
//
//   npm run build:exe && node scripts/check-exe.mjs
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks } from './check-installed.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const name = `buddy-${process.platform}-${process.arch}${process.platform === 'win32' ? '.exe' : ''}`;
const built = path.join(ROOT, 'dist-exe', name);
if (!existsSync(built)) {
  console.error(`check-exe: ${built} is missing: run \`npm run build:exe\` first`);
  process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'buddy-exe-'));
const away = path.join(ROOT, `dist.away-${process.pid}`);
try {
  const exe = path.join(work, 'bin', 'buddy');
  // A folder of its own, as a person would put it; the copy keeps the executable bit.
  mkdirSync(path.dirname(exe));
  copyFileSync(built, exe);
  console.log(`executable ${name}: ${(statSync(exe).size / (1024 * 1024)).toFixed(1)} MB`);
  if (existsSync(path.join(ROOT, 'dist'))) renameSync(path.join(ROOT, 'dist'), away);
  await runChecks('the standalone executable', exe, { png: false });
} finally {
  if (existsSync(away)) {
    rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
    renameSync(away, path.join(ROOT, 'dist'));
  }
  rmSync(work, { recursive: true, force: true });
}

