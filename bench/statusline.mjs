// Median wall time of `buddy statusline < fixture` (the bundle, a hatched buddy, a real transcript)
// against `node -e ''` in the same run, interleaved so both see the same machine load.
// Target: at most 1.3x bare Node. Usage: npm run bench:statusline
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hatchedSandbox } from './sandbox.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 40);
const { dir, env } = hatchedSandbox();
const transcript = path.join(mkdtempSync(path.join(os.tmpdir(), 'buddy-bench-transcript-')), 'session.jsonl');
const record = JSON.stringify({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }] } });
writeFileSync(transcript, `${record}\n`.repeat(5_000));
const payload = JSON.stringify({
  ...JSON.parse(readFileSync('tests/fixtures/claude-code/statusline-payload.json', 'utf8')),
  session_id: 'bench-session',
  transcript_path: transcript,
});
const fullEnv = { ...process.env, ...env };

function timeOnce(args, input) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, env: fullEnv, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return elapsed;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
timeOnce(['dist/buddy.js', 'statusline'], payload); // warm the state file and the disk cache
const bare = [];
const statusline = [];
for (let i = 0; i < runs; i++) {
  bare.push(timeOnce(['-e', ''], ''));
  statusline.push(timeOnce(['dist/buddy.js', 'statusline'], payload));
}
rmSync(dir, { recursive: true, force: true });
rmSync(path.dirname(transcript), { recursive: true, force: true });
const ratio = median(statusline) / median(bare);
console.log(`runs: ${runs}   node ${process.version}`);
console.log(`node -e '':                       median ${median(bare).toFixed(1)} ms`);
console.log(`buddy statusline < payload:       median ${median(statusline).toFixed(1)} ms`);
console.log(`ratio: ${ratio.toFixed(2)}x bare node (target <= 1.3x)`);
