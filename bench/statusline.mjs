// Median wall time of `buddy statusline < fixture` (the bundle, a hatched buddy, a real transcript)
// against `node -e ''` in the same run, interleaved so both see the same machine load, and against the
// least any Node statusline costs (read the payload from stdin, print a line); in this environment and, if
// it sets variables that slow every Node start, without them.
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

function timeOnce(args, input, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, env, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return elapsed;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Variables that change how long Node itself takes to start, for `node -e ''` as much as for Buddy: with
 * NODE_EXTRA_CA_CERTS, Node 20 reads and parses the certificates at every start (about 30 ms here), which
 * makes any command look cheap next to bare Node. The figures are also given without them.
 */
const STARTUP_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];
const cleanEnv = Object.fromEntries(Object.entries(fullEnv).filter(([name]) => !STARTUP_VARIABLES.includes(name)));
// The least any Node statusline command costs: read the payload from stdin as Buddy does, print one line.
const FLOOR = "let s='';process.stdin.on('data',(d)=>{s+=d;try{JSON.parse(s)}catch{return}require('node:fs').writeSync(1,'x\\n');process.stdin.destroy()})";

function measure(env) {
  const time = (args, input) => timeOnce(args, input, env);
  time(['dist/buddy.js', 'statusline'], payload); // warm the state file, the code cache and the disk cache
  const bare = [];
  const floor = [];
  const statusline = [];
  for (let i = 0; i < runs; i++) {
    bare.push(time(['-e', ''], ''));
    floor.push(time(['-e', FLOOR], payload));
    statusline.push(time(['dist/buddy.js', 'statusline'], payload));
  }
  return { bare: median(bare), floor: median(floor), statusline: median(statusline) };
}

function report(title, figures, target) {
  console.log(title);
  console.log(`  node -e '':                          median ${figures.bare.toFixed(1)} ms`);
  console.log(`  node reading stdin, one line (floor): median ${figures.floor.toFixed(1)} ms   ${(figures.floor / figures.bare).toFixed(2)}x`);
  console.log(`  buddy statusline < payload:          median ${figures.statusline.toFixed(1)} ms   ${(figures.statusline / figures.bare).toFixed(2)}x${target}`);
}

console.log(`runs: ${runs}   node ${process.version}`);
const asIs = measure(fullEnv);
const changed = STARTUP_VARIABLES.filter((name) => fullEnv[name] !== undefined);
report(changed.length > 0 ? `this environment (${changed.join(', ')} set):` : 'this environment:', asIs, ' (target <= 1.3x)');
if (changed.length > 0) report(`without ${changed.join(', ')}:`, measure(cleanEnv), '');
rmSync(dir, { recursive: true, force: true });
rmSync(path.dirname(transcript), { recursive: true, force: true });
