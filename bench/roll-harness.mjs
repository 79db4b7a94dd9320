// What the roll benchmarks share: a file of IDs, the engine bundled from the sources for in-process
// loops, a timed loop, and `buddy roll --batch` run as people run it (file in, file out).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, openSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

/** A scratch folder holding `ids.txt`: `count` IDs, one per line, made by `idAt`. */
export async function writeIds(prefix, count, idAt) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const idsFile = path.join(dir, 'ids.txt');
  const out = createWriteStream(idsFile);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${idAt(i)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return { dir, idsFile };
}

/** Bundles `exports` (re-exports from ./src) into `dir` and imports it. */
export async function loadEngine(dir, exports) {
  const file = path.join(dir, 'engine.mjs');
  await build({
    stdin: { contents: exports, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: file,
    logLevel: 'warning',
  });
  return import(file);
}

/** Items per second of one synchronous run of `work` over `n` items. */
export function rate(work, n) {
  const started = performance.now();
  work();
  return n / ((performance.now() - started) / 1000);
}

/** `buddy roll --batch ARGS < idsFile > out.jsonl` with the built bin: rolls per second and bytes written. */
export function batchRun(dir, idsFile, count, args = []) {
  const outFile = path.join(dir, 'out.jsonl');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['dist/buddy.js', 'roll', '--batch', ...args], {
      stdio: [openSync(idsFile, 'r'), openSync(outFile, 'w'), 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`batch exited ${code}`));
      else resolve({ rate: count / ((performance.now() - started) / 1000), bytes: statSync(outFile).size });
    });
  });
}
