// Batch throughput of `buddy roll --batch` (the built bin, every core) against a bare single-core loop
// of sha256 + seedrandom + the draws, measured in the same run. Prints rolls/s and the ratio.
// Usage: npm run bench:roll   (BENCH_IDS=200000 for a quicker run)
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const count = Number(process.env.BENCH_IDS ?? 1_000_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'buddy-bench-'));
const idsFile = path.join(dir, 'ids.txt');

async function writeIds() {
  const out = createWriteStream(idsFile);
  for (let i = 0; i < count; i++) {
    if (!out.write(`bench-user-${i}@example.com\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

async function bareLoop() {
  const engine = path.join(dir, 'engine.mjs');
  await build({ stdin: { contents: "export { rollFromHash } from './src/engine/roll.ts'; export { hashUserId } from './src/engine/hash.ts';", resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: engine, logLevel: 'warning' });
  const { rollFromHash, hashUserId } = await import(engine);
  const started = performance.now();
  let sink = 0;
  for (let i = 0; i < count; i++) sink += rollFromHash(hashUserId(`bench-user-${i}@example.com`)).inspirationSeed;
  const seconds = (performance.now() - started) / 1000;
  if (sink === -1) console.log('unreachable');
  return count / seconds;
}

function batchRun() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['dist/buddy.js', 'roll', '--batch'], {
      stdio: [openSync(idsFile, 'r'), 'pipe', 'inherit'],
    });
    let bytes = 0;
    child.stdout.on('data', (chunk) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`batch exited ${code}`));
      else resolve({ rate: count / seconds, bytes });
    });
  });
}

await writeIds();
console.log(`ids: ${count.toLocaleString('en-US')}   cores: ${os.availableParallelism()}   node ${process.version}`);
const bare = await bareLoop();
console.log(`bare single-core loop (sha256 + seedrandom + draws): ${Math.round(bare).toLocaleString('en-US')} rolls/s`);
const batch = await batchRun();
console.log(`buddy roll --batch (JSON out, workers):            ${Math.round(batch.rate).toLocaleString('en-US')} rolls/s  (${(batch.bytes / 1e6).toFixed(0)} MB written)`);
console.log(`ratio batch / bare: ${(batch.rate / bare).toFixed(2)}x   (target >= 1.6x on 2 cores)`);
rmSync(dir, { recursive: true, force: true });
