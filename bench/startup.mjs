// Cold start to the first frame of `buddy` (the bundle, in a real pseudo-terminal) against starting bare
// Node in the same way, in the same run, for this Node and any others named in BENCH_NODES (paths,
// comma-separated; e.g. a Node 22 from `npm install --prefix /tmp/n22 node@22`). Also reports when Ink
// has taken the frame over and keys work. Target: first frame at most 2.0x bare node.
// Usage: npm run bench:start   (BENCH_RUNS=15 by default)
import { rmSync } from 'node:fs';
import { median, timeToExit, timeToMarker } from './pty.mjs';
import { hatchedSandbox } from './sandbox.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const nodes = [process.execPath, ...(process.env.BENCH_NODES ?? '').split(',').filter(Boolean)];
const { dir, env } = hatchedSandbox();
// The footer is the last line of the first frame; Ink ends its takeover with the end of synchronized output.
const FIRST_FRAME = { marker: 'q quit' };
const INK_READY = { marker: '\u001b[?2026l', raw: true };

for (const node of nodes) {
  const bare = [];
  const first = [];
  const ready = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await timeToExit(`${node} -e ''`, env));
    first.push(await timeToMarker(`${node} dist/buddy.js`, FIRST_FRAME, env));
    ready.push(await timeToMarker(`${node} dist/buddy.js`, INK_READY, env));
  }
  const version = (await import('node:child_process')).execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const bareMedian = median(bare);
  const firstMedian = median(first);
  const readyMedian = median(ready);
  console.log(`node ${version}, ${runs} runs each, interleaved`);
  console.log(`  node -e '' in a pty:            median ${bareMedian.toFixed(0)} ms`);
  console.log(`  buddy to first frame:           median ${firstMedian.toFixed(0)} ms   ratio ${(firstMedian / bareMedian).toFixed(2)}x bare node (target <= 2.0x)`);
  console.log(`  buddy to Ink ready (keys work): median ${readyMedian.toFixed(0)} ms   ratio ${(readyMedian / bareMedian).toFixed(2)}x bare node`);
}
rmSync(dir, { recursive: true, force: true });
