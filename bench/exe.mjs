// The standalone executable against the npm package (`node dist/buddy.js`), in the same run, interleaved:
// - statusline CPU per refresh (user + system time of every process a refresh starts, from a bash that
//   runs the refreshes and reports its children's times): the command `install claude-code` writes, idle
//   (the light script prints prepared frames), and the program itself on every refresh (what the light
//   script starts when it must: `EXE EXE statusline` against `node dist/buddy.js statusline`);
// - the pet's first frame in a real pseudo-terminal (wall time to the footer).
// Usage: npm run bench:exe   (BENCH_ROUNDS=8 rounds of BENCH_RUNS=10 refreshes; BENCH_FRAMES=11 first frames)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median, timeToMarker } from './pty.mjs';
import { hatchedSandbox } from './sandbox.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 11);
const EXE = path.resolve('dist-exe', `buddy-${process.platform}-${process.arch}`);
const BUNDLE = path.resolve('dist/buddy.js');
if (!fs.existsSync(EXE)) {
  console.error(`bench:exe: ${EXE} is missing: run npm run build:exe`);
  process.exit(1);
}

/** A hatched home with Buddy installed into Claude Code by `program` (argv before `install`). */
function installedHome(program) {
  const { dir, env } = hatchedSandbox();
  const full = { ...process.env, ...env };
  delete full.NO_COLOR;
  execFileSync(program[0], [...program.slice(1), 'install', 'claude-code', '--force'], { env: full, stdio: 'ignore' });
  const command = JSON.parse(fs.readFileSync(path.join(env.CLAUDE_CONFIG_DIR, 'settings.json'), 'utf8')).statusLine.command;
  const payload = path.join(dir, 'payload.json');
  fs.writeFileSync(payload, JSON.stringify({ ...JSON.parse(fs.readFileSync('tests/fixtures/claude-code/statusline-payload.json', 'utf8')), session_id: 'bench-session', transcript_path: '' }));
  return { dir, env: full, command, payload };
}

const npm = installedHome([process.execPath, BUNDLE]);
const exe = installedHome([EXE]);
process.on('exit', () => {
  for (const home of [npm, exe]) fs.rmSync(home.dir, { recursive: true, force: true });
});

// Runs COMMAND RUNS times as a host does (sh -c, the payload on stdin), then prints bash's `times`: the
// second line is its children's CPU.
const HARNESS = 'for ((i = 0; i < $2; i++)); do /bin/sh -c "$1" <"$3" >/dev/null 2>&1; done; times';

function cpuPerRefresh(command, home) {
  const result = spawnSync('bash', ['-c', HARNESS, 'harness', command, String(RUNS), home.payload], { env: home.env, encoding: 'utf8' });
  const match = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/.exec(result.stdout.trim());
  if (!match) throw new Error(`no times from the harness: ${result.stdout} ${result.stderr}`);
  return (((Number(match[1]) + Number(match[3])) * 60 + Number(match[2]) + Number(match[4])) * 1000) / RUNS;
}

const programCommand = (home) => home.command.replace(/^\/bin\/sh \S+ /, '');
const rows = {
  'installed, idle (light script)': { npm: [], exe: [], commands: [npm.command, exe.command] },
  'the program on every refresh': { npm: [], exe: [], commands: [programCommand(npm), programCommand(exe)] },
};
// First refreshes: each home's code cache, unpacked build and prepared frames.
for (const home of [npm, exe]) cpuPerRefresh(home.command, home);
for (let round = 0; round < ROUNDS; round++) {
  for (const row of Object.values(rows)) {
    row.npm.push(cpuPerRefresh(row.commands[0], npm));
    row.exe.push(cpuPerRefresh(row.commands[1], exe));
  }
}

const FIRST_FRAME = { marker: 'q quit' };
const firstNpm = [];
const firstExe = [];
for (let i = 0; i < FRAMES; i++) {
  firstNpm.push(await timeToMarker(`${process.execPath} ${BUNDLE}`, FIRST_FRAME, npm.env));
  firstExe.push(await timeToMarker(EXE, FIRST_FRAME, exe.env));
}

const size = fs.statSync(EXE).size / (1024 * 1024);
console.log(`bench:exe  node ${process.version}  ${path.basename(EXE)} ${size.toFixed(1)} MB  /bin/sh is ${path.basename(fs.realpathSync('/bin/sh'))}`);
console.log(`statusline CPU per refresh (median of ${ROUNDS} rounds of ${RUNS}, interleaved):`);
console.log(`${''.padEnd(34)}${'npm package'.padStart(13)}${'executable'.padStart(13)}${'ratio'.padStart(8)}`);
for (const [label, row] of Object.entries(rows)) {
  const a = median(row.npm);
  const b = median(row.exe);
  console.log(`${label.padEnd(34)}${`${a.toFixed(1)} ms`.padStart(13)}${`${b.toFixed(1)} ms`.padStart(13)}${`${(b / a).toFixed(2)}x`.padStart(8)}`);
}
const a = median(firstNpm);
const b = median(firstExe);
console.log(`pet's first frame in a pty (median of ${FRAMES}, interleaved):`);
console.log(`${''.padEnd(34)}${`${a.toFixed(0)} ms`.padStart(13)}${`${b.toFixed(0)} ms`.padStart(13)}${`${(b / a).toFixed(2)}x`.padStart(8)}`);
