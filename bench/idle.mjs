// CPU used by an idle `buddy` (animating, in a real pseudo-terminal) over 30 s, and its peak RSS.
// Target: under 2 % of one core, a shiny buddy included (its sparkle moves).
// Usage: npm run bench:idle   (BENCH_SECONDS=10 for a quick look; BENCH_SHINY=1 for a shiny buddy)
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnInPty } from './pty.mjs';
import { hatchedSandbox } from './sandbox.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
// `shiny-245` rolls a shiny rare Crystaldrake.
const { dir, env } = hatchedSandbox(process.env.BENCH_SHINY ? 'shiny-245' : 'bench-user');

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function findNodeChild(scriptPid) {
  const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(scriptPid)], { encoding: 'utf8' });
  const line = children.split('\n').find((row) => row.includes('node'));
  return Number(line?.trim().split(/\s+/)[0]);
}

const child = spawnInPty(`${process.execPath} dist/buddy.js${process.env.BENCH_ARGS ? ` ${process.env.BENCH_ARGS}` : ""}`, env);
child.stdout.resume();
await sleep(2_000); // past startup: measure only the idle loop
const pid = findNodeChild(child.pid);
const startTicks = cpuTicks(pid);
const started = performance.now();
await sleep(seconds * 1000);
const usedSeconds = (cpuTicks(pid) - startTicks) / ticksPerSecond;
const wallSeconds = (performance.now() - started) / 1000;
const peakRss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1];
child.kill('SIGKILL');
execFileSync('kill', ['-9', String(pid)]);
rmSync(dir, { recursive: true, force: true });
console.log(`idle ${process.env.BENCH_SHINY ? 'shiny ' : ''}buddy over ${wallSeconds.toFixed(1)} s: ${(usedSeconds * 1000).toFixed(0)} ms CPU = ${((usedSeconds / wallSeconds) * 100).toFixed(2)} % of one core (target < 2 %)`);
console.log(`peak RSS: ${(Number(peakRss) / 1024).toFixed(1)} MB`);
