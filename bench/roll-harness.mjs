// What the roll benchmarks share: a file of IDs, the engine bundled from the sources for in-process
// loops, a timed loop, `buddy roll --batch` run as people run it (file in, file out), and the peak
// memory of a process tree.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** The process `pid` and every process below it (threads, worker threads among them, live inside their process). */
function processTree(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent's pid is the second field after the command name, which may itself hold spaces.
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while the list was read.
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]) ?? []));
  return tree;
}

/** The kernel's high-water mark of a process's resident memory, in kB (0 once it has ended). */
function highWaterKb(pid) {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Watches the peak resident memory of the process tree under `pid` (Linux): the sum of each process's own
 * high-water mark, which the kernel keeps, so a peak between two looks is still seen; only growth in the
 * last `everyMs` before the end can be missed. `stop()` returns the peak in MB.
 */
export function watchPeakRss(pid, everyMs = 20) {
  let peakKb = 0;
  const look = () => {
    peakKb = Math.max(peakKb, processTree(pid).reduce((sum, member) => sum + highWaterKb(member), 0));
  };
  look();
  const timer = setInterval(look, everyMs);
  return {
    look,
    stop() {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}
