// Speed of the classic roll: its two seed functions, a whole roll with each, the salt test of
// `buddy hunt --classic`, and `buddy roll --batch --classic` end to end (the built bin, file in, file out,
// one worker per core). Each figure is the best of several runs, since these machines are noisy.
// Usage: npm run bench:roll-classic   (BENCH_IDS=100000 for a quicker run)
import { rmSync } from 'node:fs';
import os from 'node:os';
import { batchRun, loadEngine, rate, writeIds } from './roll-harness.mjs';

const count = Number(process.env.BENCH_IDS ?? 400_000);
const loopCount = Math.min(count, 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const idAt = (i) => `0b6f6c1e-2a7d-4d3c-9a51-${String(i).padStart(12, '0')}`;

const { dir, idsFile } = await writeIds('buddy-bench-classic-', count, idAt);
const { classicSeed, rollClassic, classicSaltMatches, huntSalt } = await loadEngine(
  dir,
  "export { classicSeed, rollClassic } from './src/engine/classic.ts'; export { classicSaltMatches } from './src/engine/classic-odds.ts'; export { huntSalt } from './src/engine/hunt.ts';",
);
const keys = Array.from({ length: loopCount }, (_, i) => `${idAt(i)}friend-2026-401`);
const ids = keys.map((_, i) => idAt(i));
const results = { 'wyhash seed': [], 'fnv1a seed': [], 'roll, wyhash (with SHA-256 idHash)': [], 'roll, fnv1a (with SHA-256 idHash)': [], 'hunt --classic salt test, wyhash': [], 'batch --classic, wyhash': [], 'batch --classic, fnv1a': [] };
let sink = 0;
for (let round = 0; round < rounds; round++) {
  results['wyhash seed'].push(rate(() => keys.forEach((key) => (sink ^= classicSeed(key, 'wyhash'))), loopCount));
  results['fnv1a seed'].push(rate(() => keys.forEach((key) => (sink ^= classicSeed(key, 'fnv1a'))), loopCount));
  results['roll, wyhash (with SHA-256 idHash)'].push(rate(() => ids.forEach((id) => (sink ^= rollClassic(id, undefined, 'wyhash').inspirationSeed)), loopCount));
  results['roll, fnv1a (with SHA-256 idHash)'].push(rate(() => ids.forEach((id) => (sink ^= rollClassic(id, undefined, 'fnv1a').inspirationSeed)), loopCount));
  results['hunt --classic salt test, wyhash'].push(rate(() => {
    for (let n = 0; n < loopCount; n++) sink ^= classicSaltMatches(ids[0], huntSalt(n), 'wyhash', { species: 'dragon', rarity: 'legendary', shiny: true }) ? 1 : 0;
  }, loopCount));
  results['batch --classic, wyhash'].push((await batchRun(dir, idsFile, count, ['--classic', '--hash-fn', 'wyhash'])).rate);
  results['batch --classic, fnv1a'].push((await batchRun(dir, idsFile, count, ['--classic', '--hash-fn', 'fnv1a'])).rate);
}
rmSync(dir, { recursive: true, force: true });
console.log(`ids: ${count.toLocaleString('en-US')} (loops: ${loopCount.toLocaleString('en-US')})   rounds: ${rounds}   cores: ${os.availableParallelism()}   node ${process.version}${sink === 0.5 ? '' : ''}`);
for (const [label, values] of Object.entries(results)) {
  console.log(`${label.padEnd(40)} ${Math.round(Math.max(...values)).toLocaleString('en-US').padStart(12)} /s`);
}
