// Batch throughput of `buddy roll --batch` (the built bin: IDs from a file, JSON lines into a file, one
// worker per core) against a bare single-core loop of sha256 + seedrandom + the draws, measured in the
// same run. Also prints Buddy's own bulk path on one core, so the parallel speed-up shows on its own.
// Each figure is the best of several runs, interleaved, since these machines are noisy.
// Usage: npm run bench:roll   (BENCH_IDS=200000 for a quicker run)
import { rmSync } from 'node:fs';
import os from 'node:os';
import { batchRun, loadEngine, rate, writeIds } from './roll-harness.mjs';

const count = Number(process.env.BENCH_IDS ?? 1_000_000);
const loopCount = Math.min(count, 200_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const idAt = (i) => `bench-user-${i}@example.com`;

const { dir, idsFile } = await writeIds('buddy-bench-', count, idAt);
const { rollFromHash, hashUserId, encodeLines } = await loadEngine(
  dir,
  "export { rollFromHash } from './src/engine/roll.ts'; export { hashUserId } from './src/engine/hash.ts'; export { encodeLines } from './src/workers/roll-worker.ts';",
);
const ids = Array.from({ length: loopCount }, (_, i) => idAt(i));
let sink = 0;
const bare = [];
const single = [];
const batch = [];
for (let round = 0; round < rounds; round++) {
  bare.push(rate(() => ids.forEach((id) => (sink += rollFromHash(hashUserId(id)).inspirationSeed)), loopCount));
  single.push(rate(() => {
    for (let i = 0; i < loopCount; i += 2_000) sink += encodeLines(ids.slice(i, i + 2_000), i + 1, 'friend-2026-401').output.length;
  }, loopCount));
  batch.push(await batchRun(dir, idsFile, count));
}
rmSync(dir, { recursive: true, force: true });
const best = (values) => Math.max(...values);
const bareRate = best(bare);
const singleRate = best(single);
const batchRate = best(batch.map((run) => run.rate));
const fmt = (value) => `${Math.round(value).toLocaleString('en-US')} rolls/s`;
console.log(`ids: ${count.toLocaleString('en-US')} (loops: ${loopCount.toLocaleString('en-US')})   rounds: ${rounds}   cores: ${os.availableParallelism()}   node ${process.version}${sink === -1 ? '' : ''}`);
console.log(`bare single-core loop (sha256 + seedrandom + draws):   ${fmt(bareRate)}`);
console.log(`Buddy's bulk path on one core (+ JSON, UTF-8):        ${fmt(singleRate)}`);
console.log(`buddy roll --batch (file in, file out, workers):       ${fmt(batchRate)}  (${(batch[0].bytes / 1e6).toFixed(0)} MB written)`);
console.log(`ratio batch / bare loop: ${(batchRate / bareRate).toFixed(2)}x   (target >= 1.6x on 2 cores)`);
console.log(`parallel speed-up, batch / bulk path on one core: ${(batchRate / singleRate).toFixed(2)}x`);
