// CPU used by the pet while a live round of catch the bug runs (g, then a move key every 200 ms), against
// the idle pet over the same seconds in another pseudo-terminal (the baseline, measured in the same run:
// the machine's noise falls on both alike), and the time from a key to the redrawn frame.
// Latency is read from the pty output: the first frame end (synchronized-output end mark) after a key.
// In the live round the game's own clock also draws frames, so its figure is measured in a turn-based
// round (motion off) too, where only keys draw.
// Usage: npm run bench:minigame   (BENCH_SECONDS=5 for a quick look; default 20)
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { median, spawnInPty } from './pty.mjs';
import { cpuTicks, findNodeChild, ticksPerSecond } from './cpu.mjs';
import { hatchedSandbox } from './sandbox.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const KEY_EVERY_MS = 200;
const END_SYNC = '\u001b[?2026l';



function start(label, extraEnv = {}) {
  const { dir, env } = hatchedSandbox('bench-minigame', 'dist/buddy.js');
  const child = spawnInPty(`${process.execPath} dist/buddy.js`, { ...env, ...extraEnv });
  const run = { label, dir, child, pid: 0, startTicks: 0, frameEnds: [], latencies: [], pendingKeyAt: undefined };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    if (!chunk.includes(END_SYNC)) return;
    const at = performance.now();
    if (run.pendingKeyAt !== undefined) {
      run.latencies.push(at - run.pendingKeyAt);
      run.pendingKeyAt = undefined;
    }
  });
  return run;
}

function press(run, key) {
  run.pendingKeyAt = performance.now();
  run.child.stdin.write(key);
}

function stop(run) {
  run.child.kill('SIGKILL');
  try {
    execFileSync('kill', ['-9', String(run.pid)]);
  } catch {
    // already gone
  }
  rmSync(run.dir, { recursive: true, force: true });
}

const p90 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.9))];
const ms = (value) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);

const live = start('live round');
const idle = start('idle pet');
const turns = start('turn-based round', { NO_MOTION: '1' });
const runs = [live, idle, turns];
await sleep(2_000); // past startup
for (const run of runs) run.pid = findNodeChild(run.child.pid);
press(live, 'g');
press(turns, 'g');
await sleep(300); // the round is on
live.latencies.length = 0;
turns.latencies.length = 0;
for (const run of runs) run.startTicks = cpuTicks(run.pid);
const started = performance.now();
// Back and forth along a row: every key is a move (never into a wall).
for (let index = 0; performance.now() - started < seconds * 1000; index++) {
  const key = index % 2 === 0 ? 'l' : 'h';
  press(live, key);
  press(turns, key);
  await sleep(KEY_EVERY_MS);
}
const wallSeconds = (performance.now() - started) / 1000;
const shares = new Map();
for (const run of runs) {
  const usedSeconds = (cpuTicks(run.pid) - run.startTicks) / ticksPerSecond;
  const peakRss = readFileSync(`/proc/${run.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1];
  const share = (usedSeconds / wallSeconds) * 100;
  shares.set(run, share);
  console.log(`${run.label}: over ${wallSeconds.toFixed(1)} s: ${(usedSeconds * 1000).toFixed(0)} ms CPU = ${share.toFixed(2)} % of one core; peak RSS ${(Number(peakRss) / 1024).toFixed(1)} MB`);
}
for (const run of [live, turns]) {
  console.log(`${run.label}: key to redrawn frame over ${run.latencies.length} keys: median ${ms(median(run.latencies))}, p90 ${ms(p90(run.latencies))}`);
}
console.log(`ratio live round / idle pet: ${(shares.get(live) / shares.get(idle)).toFixed(2)}×`);
for (const run of runs) stop(run);
