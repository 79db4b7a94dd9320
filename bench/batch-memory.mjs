// Peak memory and time of `buddy roll --batch` on a stream with no newline at all (2 GB by default),
// generated on the fly, never written to disk. Target: peak RSS <= 120 MB, time linear in the size.
// Usage: npm run build && node bench/batch-memory.mjs   (BENCH_GB=0.5 for a quicker run)
import { spawn } from 'node:child_process';

const gigabytes = Number(process.env.BENCH_GB ?? 2);
const total = Math.round(gigabytes * 1024 ** 3);
const chunk = Buffer.alloc(1024 * 1024, 0x61);

const started = process.hrtime.bigint();
// GNU time reports the child's peak resident set in kilobytes.
const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, 'dist/buddy.js', 'roll', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stdout = '';
let stderr = '';
child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
let sent = 0;
while (sent < total) {
  const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
  sent += piece.length;
  if (!child.stdin.write(piece)) await new Promise((resolve) => child.stdin.once('drain', resolve));
}
child.stdin.end();
const code = await new Promise((resolve) => child.on('close', resolve));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakMb = Number(stderr.trim().split('\n').at(-1)) / 1024;
console.log(`input: ${gigabytes} GB without a newline   exit ${code}   output: ${stdout.trim()}`);
console.log(`time: ${seconds.toFixed(1)} s (${(gigabytes / seconds).toFixed(2)} GB/s)   peak RSS: ${peakMb.toFixed(1)} MB (target <= 120 MB)`);
