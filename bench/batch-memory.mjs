// Peak memory and speed of `buddy roll --batch` (the built bin) run as in a shell pipeline: IDs piped in,
// generated on the fly at two sizes, JSON lines piped out and counted; then one 2 GB line without a
// newline. Peak RSS is that of the whole process tree (the worker threads live inside the process).
// Targets: peak RSS <= 150 MB in every run, and lines/s the same at both sizes (time linear in the input).
// Usage: npm run bench:batch-memory   (BENCH_LINES=200000,2000000 BENCH_GB=0.5 for a quicker run;
//        BUDDY_BIN=path/to/another/buddy.js measures another build, e.g. the one before a change)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { watchPeakRss } from './roll-harness.mjs';

const bin = process.env.BUDDY_BIN ?? 'dist/buddy.js';
const [smallLines, largeLines] = (process.env.BENCH_LINES ?? '1000000,10000000').split(',').map(Number);
const gigabytes = Number(process.env.BENCH_GB ?? 2);
const TARGET_MB = 150;
const NEWLINE = 0x0a;

/** 10,000 distinct IDs, sent again and again: rolling keeps no cache, so a repeat costs what a new ID does. */
const BLOCK_LINES = 10_000;
const block = Buffer.from(Array.from({ length: BLOCK_LINES }, (_, i) => `bench-user-${i}@example.com\n`).join(''));

function countNewlines(bytes) {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** Runs the bin with `feed` writing its stdin; counts the lines it writes and watches its memory. */
async function measure(feed) {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'roll', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const peak = watchPeakRss(child.pid);
  let linesOut = 0;
  let lastLine = '';
  child.stdout.on('data', (chunk) => {
    linesOut += countNewlines(chunk);
    if (chunk.length < 4096) lastLine = chunk.toString('utf8').trim().split('\n').at(-1);
  });
  const write = async (bytes) => {
    if (!child.stdin.write(bytes)) await once(child.stdin, 'drain');
  };
  await feed(write);
  child.stdin.end();
  const [code] = await once(child, 'close');
  return { code, linesOut, lastLine, peakMb: peak.stop(), seconds: (performance.now() - started) / 1000 };
}

async function lines(count) {
  const run = await measure(async (write) => {
    for (let sent = 0; sent < count; sent += BLOCK_LINES) {
      await write(count - sent >= BLOCK_LINES ? block : block.subarray(0, nthNewline(block, count - sent)));
    }
  });
  return { ...run, rate: count / run.seconds };
}

/** The offset just past the `n`th newline of `bytes`. */
function nthNewline(bytes, n) {
  let at = -1;
  for (let i = 0; i < n; i++) at = bytes.indexOf(NEWLINE, at + 1);
  return at + 1;
}

async function oneLongLine() {
  const total = Math.round(gigabytes * 1024 ** 3);
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  return measure(async (write) => {
    for (let sent = 0; sent < total; sent += chunk.length) await write(total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent));
  });
}

const fmt = (value) => Math.round(value).toLocaleString('en-US');
const small = await lines(smallLines);
const large = await lines(largeLines);
const long = await oneLongLine();
const report = (label, run, extra) =>
  console.log(`${label.padEnd(30)} ${run.seconds.toFixed(1).padStart(6)} s  ${extra.padEnd(22)} peak RSS ${run.peakMb.toFixed(1).padStart(6)} MB   exit ${run.code}`);
console.log(`buddy roll --batch (${bin}), piped in and out   cores: ${os.availableParallelism()}   node ${process.version}`);
for (const [count, run] of [[smallLines, small], [largeLines, large]]) {
  report(`${fmt(count)} lines`, run, `${fmt(run.rate)} lines/s`);
  if (run.linesOut !== count) console.log(`  !! ${fmt(run.linesOut)} lines came out`);
}
report(`${gigabytes} GB line, no newline`, long, `${(gigabytes / long.seconds).toFixed(2)} GB/s`);
console.log(`  its output: ${long.lastLine}`);
console.log(`time linearity, lines/s at ${fmt(largeLines)} / at ${fmt(smallLines)}: ${(large.rate / small.rate).toFixed(2)}   (1.00 = linear)`);
const worst = Math.max(small.peakMb, large.peakMb, long.peakMb);
console.log(`largest peak RSS: ${worst.toFixed(1)} MB   (target <= ${TARGET_MB} MB: ${worst <= TARGET_MB ? 'met' : 'NOT met'})`);
