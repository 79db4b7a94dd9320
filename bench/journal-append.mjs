// The cost of one journal append, as the statusline pays it when it reacts: the journal's own append
// module, bundled as it ships, called on a journal that already holds about 1 MB (so the size check and
// the rotations are part of the measure). Prints the median and the 99th percentile per call, and the
// calls that rotated the file apart. Target: under 1 ms. Usage: npm run bench:journal
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const calls = Number(process.env.BENCH_CALLS ?? 20_000);
const work = mkdtempSync(path.join(os.tmpdir(), 'buddy-bench-journal-'));
const bundle = path.join(work, 'append.mjs');
await build({ entryPoints: ['src/journal/append.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'warning' });
const { journal } = await import(pathToFileURL(bundle).href);
const env = { BUDDY_CONFIG_DIR: path.join(work, 'config') };
const current = path.join(env.BUDDY_CONFIG_DIR, 'journal.jsonl');

const entry = (n) => ({
  source: 'reaction',
  session: 'b2c6a7e0-5f1d-4c8e-9a51-0d7f3c2e9b14',
  name: 'Dorina',
  mood: 'wry, getting drowsy',
  text: `Ooh, a red one. Is that a new kind of wrong? (${n})`,
});

// Fill the journal to just under the rotation size first.
for (let n = 0; n < 4_600; n++) journal(entry(n), env);

const plain = [];
const rotating = [];
for (let n = 0; n < calls; n++) {
  const started = process.hrtime.bigint();
  journal(entry(n), env);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // A rotating call moves the file aside: the path is empty until the next append.
  (existsSync(current) ? plain : rotating).push(ms);
}
rmSync(work, { recursive: true, force: true });

const percentile = (values, share) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))];
const us = (ms) => `${(ms * 1000).toFixed(0)} µs`;
const all = [...plain, ...rotating];
console.log(`calls: ${calls}   node ${process.version}   rotations: ${rotating.length}`);
console.log(`per append:   median ${us(percentile(all, 0.5))}   p99 ${us(percentile(all, 0.99))}   p99.9 ${us(percentile(all, 0.999))}`);
console.log(`rotating:     median ${us(percentile(rotating, 0.5))}   max ${us(percentile(rotating, 1))}`);
console.log(`target: under 1 ms (${percentile(all, 0.99) < 1 ? 'met' : 'NOT met'} at p99)`);
