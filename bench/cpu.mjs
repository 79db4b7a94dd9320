// The CPU a process has used, read from /proc, and the node process a pseudo-terminal's `script` started:
// what the pet's CPU benchmarks (idle.mjs, minigame.mjs) measure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** User and system CPU ticks of a process so far. */
export function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** The node child of the `script` process that runs a command in a pseudo-terminal. */
export function findNodeChild(scriptPid) {
  const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(scriptPid)], { encoding: 'utf8' });
  const line = children.split('\n').find((row) => row.includes('node'));
  return Number(line?.trim().split(/\s+/)[0]);
}
