// Cold start to the first frame of `buddy` (the bundle, in a real pseudo-terminal) against starting
// bare Node in the same way, in the same run. Usage: npm run bench:start
import { rmSync } from 'node:fs';
import { median, timeToExit, timeToMarker } from './pty.mjs';
import { hatchedSandbox } from './sandbox.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const { dir, env } = hatchedSandbox();
const bare = [];
const pet = [];
for (let i = 0; i < runs; i++) {
  bare.push(await timeToExit(`${process.execPath} -e ''`, env));
  // The footer is the last line of the first frame.
  pet.push(await timeToMarker(`${process.execPath} dist/buddy.js`, 'q quit', env));
}
rmSync(dir, { recursive: true, force: true });
const bareMedian = median(bare);
const petMedian = median(pet);
console.log(`runs: ${runs}   node ${process.version}`);
console.log(`node -e '' in a pty:          median ${bareMedian.toFixed(0)} ms`);
console.log(`buddy to first frame (pty):   median ${petMedian.toFixed(0)} ms`);
console.log(`ratio: ${(petMedian / bareMedian).toFixed(2)}x bare node   (+${(petMedian - bareMedian).toFixed(0)} ms)`);
