// Wall time of `buddy statusline` on hostile input: a transcript_path that is a FIFO, a socket or a
// device, a payload over 1 MB, and a prompt full of control characters. Every case must finish within
// the statusline's budget (300 ms on a two-core machine). Usage: npm run build && node bench/statusline-hostile.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { hatchedSandbox } from './sandbox.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const BUDGET_MS = 300;
const { dir, env } = hatchedSandbox();
const fifo = path.join(dir, 'transcript.fifo');
execFileSync('mkfifo', [fifo]);
const socketPath = path.join(dir, 'transcript.sock');
const server = net.createServer(() => undefined);
await new Promise((resolve) => server.listen(socketPath, resolve));

const cases = {
  'FIFO transcript': JSON.stringify({ session_id: 'b', transcript_path: fifo }),
  'socket transcript': JSON.stringify({ session_id: 'b', transcript_path: socketPath }),
  '/dev/zero transcript': JSON.stringify({ session_id: 'b', transcript_path: '/dev/zero' }),
  '3 MB payload': JSON.stringify({ session_id: 'b', filler: 'x'.repeat(3 * 1024 * 1024) }),
  'control characters': JSON.stringify({ session_id: 'b', prompt: 'a\u0000b\u001b[31m'.repeat(1000) }),
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let worst = 0;
for (const [label, input] of Object.entries(cases)) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    // Nobody ever writes to the FIFO: a statusline that opened it blocking would hang until the timeout.
    const result = spawnSync(process.execPath, ['dist/buddy.js', 'statusline'], { input, env: { ...process.env, ...env }, timeout: 5_000 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`${label}: exit ${result.status}`);
  }
  worst = Math.max(worst, ...times);
  console.log(`${label.padEnd(22)} median ${median(times).toFixed(1)} ms   max ${Math.max(...times).toFixed(1)} ms`);
}
server.close();
rmSync(dir, { recursive: true, force: true });
console.log(`worst ${worst.toFixed(1)} ms (budget ${BUDGET_MS} ms): ${worst <= BUDGET_MS ? 'within' : 'OVER'}`);
