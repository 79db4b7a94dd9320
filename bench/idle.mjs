// CPU used by an idle `buddy` (animating, in a real pseudo-terminal) over 30 s, and its peak RSS.
// Target: under 1 % of one core, a shiny buddy included (its sparkle moves).
// Usage: npm run bench:idle   (BENCH_SECONDS=10 for a quick look; BENCH_SHINY=1 for a shiny buddy;
// BENCH_BASELINE=OTHER/dist/buddy.js runs another build beside this one over the same seconds, each in its
// own pseudo-terminal and home, and prints the ratio: the machine's noise falls on both alike)
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnInPty } from './pty.mjs';
import { cpuTicks, findNodeChild, ticksPerSecond } from './cpu.mjs';
import { hatchedSandbox } from './sandbox.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
// `shiny-245` rolls a shiny rare Crystaldrake.
const userId = process.env.BENCH_SHINY ? 'shiny-245' : 'bench-user';



function start(label, bundle) {
  const { dir, env } = hatchedSandbox(userId, bundle);
  const child = spawnInPty(`${process.execPath} ${bundle}${process.env.BENCH_ARGS ? ` ${process.env.BENCH_ARGS}` : ''}`, env);
  child.stdout.resume();
  return { label, dir, child, pid: 0, startTicks: 0 };
}

const runs = [start('this build', 'dist/buddy.js')];
if (process.env.BENCH_BASELINE) runs.push(start('baseline', process.env.BENCH_BASELINE));
await sleep(2_000); // past startup: measure only the idle loop
for (const run of runs) {
  run.pid = findNodeChild(run.child.pid);
  run.startTicks = cpuTicks(run.pid);
}
const started = performance.now();
await sleep(seconds * 1000);
const wallSeconds = (performance.now() - started) / 1000;
const shares = [];
for (const run of runs) {
  const usedSeconds = (cpuTicks(run.pid) - run.startTicks) / ticksPerSecond;
  const peakRss = readFileSync(`/proc/${run.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1];
  run.child.kill('SIGKILL');
  execFileSync('kill', ['-9', String(run.pid)]);
  rmSync(run.dir, { recursive: true, force: true });
  const share = (usedSeconds / wallSeconds) * 100;
  shares.push(share);
  console.log(
    `${run.label}: idle ${process.env.BENCH_SHINY ? 'shiny ' : ''}buddy over ${wallSeconds.toFixed(1)} s: ${(usedSeconds * 1000).toFixed(0)} ms CPU = ${share.toFixed(2)} % of one core (target < 1 %); peak RSS ${(Number(peakRss) / 1024).toFixed(1)} MB`,
  );
}
if (shares.length === 2) console.log(`ratio this build / baseline: ${(shares[0] / shares[1]).toFixed(2)}×`);
