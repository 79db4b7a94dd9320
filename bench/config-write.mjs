// The cost of a config write now that it is durable (flushed to disk before the rename, and the folder
// after it), against the same atomic replace without flushing, measured in the same run and interleaved so
// both see the same machine: one replace of a config-sized file each way, and one whole locked update as
// commands make it (lock, read, check, durable write). The statusline never writes the config.
// Usage: npm run bench:config-write
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const work = mkdtempSync(path.join(os.tmpdir(), 'buddy-bench-config-'));
const bundle = path.join(work, 'store.mjs');
await build({
  stdin: {
    contents: "export { replaceFileAtomically } from './src/files/replace.ts'; export { openConfigStore } from './src/store/config-store.ts';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
});
const { replaceFileAtomically, openConfigStore } = await import(pathToFileURL(bundle).href);
const env = { BUDDY_CONFIG_DIR: path.join(work, 'config') };
// About the size of a config with a hatched buddy, its memory and an archive.
const text = JSON.stringify({ settings: {}, buddy: { name: 'Dorina', memory: Array.from({ length: 12 }, (_, n) => ({ said: `line ${n}`.repeat(20) })) } }, null, '\t');

const time = (work) => {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
};
const plain = [];
const durable = [];
const update = [];
for (let n = 0; n < rounds; n++) {
  plain.push(time(() => replaceFileAtomically(path.join(work, 'plain.json'), text)));
  durable.push(time(() => replaceFileAtomically(path.join(work, 'durable.json'), text, { durable: true })));
  update.push(time(() => openConfigStore(env).update((config) => void (config.localUserId = `user-${n}`))));
}
rmSync(work, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(3)} ms`;
console.log(`rounds: ${rounds}   node ${process.version}   ${os.tmpdir()}`);
console.log(`atomic replace:           median ${ms(median(plain))}`);
console.log(`durable atomic replace:   median ${ms(median(durable))}   (${(median(durable) / median(plain)).toFixed(1)}x the plain replace)`);
console.log(`locked config update:     median ${ms(median(update))}   (${(median(update) / median(plain)).toFixed(1)}x the plain replace)`);
