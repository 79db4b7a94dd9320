// Median time from starting `buddy mcp` (the bundle, a hatched buddy) to its answer to `initialize`,
// against `node -e ''` from start to exit, interleaved so both see the same machine load. Also reports
// the first tool call (the buddy and its store load then, not at startup). Like bench/statusline.mjs, it
// measures again without variables that slow every Node start, when the environment sets them.
// Target: initialize at most 1.5x bare Node. Usage: npm run bench:mcp   (BENCH_RUNS=30 by default)
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { hatchedSandbox } from './sandbox.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 30);
const { dir, env } = hatchedSandbox();
const fullEnv = { ...process.env, ...env };

const INITIALIZE = `${JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
})}\n`;
const FIRST_CALL = `${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n${JSON.stringify({
  jsonrpc: '2.0',
  id: 2,
  method: 'tools/call',
  params: { name: 'buddy_card', arguments: {} },
})}\n`;

function bareNode(env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', ''], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
  });
}

/** Milliseconds to the answer of `initialize`, and to the answer of the first tool call after it. */
function mcpServer(env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(process.execPath, ['dist/buddy.js', 'mcp'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    const times = [];
    let buffer = '';
    child.on('error', reject);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      buffer += chunk;
      while (buffer.includes('\n')) {
        const line = buffer.slice(0, buffer.indexOf('\n'));
        buffer = buffer.slice(buffer.indexOf('\n') + 1);
        times.push(elapsed());
        const { id } = JSON.parse(line);
        if (id === 1) child.stdin.write(FIRST_CALL);
        else child.stdin.end();
      }
    });
    child.on('exit', (code) => (code === 0 && times.length === 2 ? resolve(times) : reject(new Error(`buddy mcp exited ${code} after ${times.length} answers`))));
    child.stdin.write(INITIALIZE);
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** As in bench/statusline.mjs: variables that slow every Node start (Node 20 loads extra certificates). */
const STARTUP_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'];
const changed = STARTUP_VARIABLES.filter((name) => fullEnv[name] !== undefined);

async function measure(env) {
  await mcpServer(env); // warm the code cache and the disk cache
  const bare = [];
  const initialize = [];
  const firstCall = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await bareNode(env));
    const [init, call] = await mcpServer(env);
    initialize.push(init);
    firstCall.push(call);
  }
  return { bare: median(bare), initialize: median(initialize), firstCall: median(firstCall) };
}

function report(title, figures, target) {
  console.log(title);
  console.log(`  node -e '' (start to exit):      median ${figures.bare.toFixed(1)} ms`);
  console.log(`  buddy mcp to initialize answer:  median ${figures.initialize.toFixed(1)} ms   ratio ${(figures.initialize / figures.bare).toFixed(2)}x bare node${target}`);
  console.log(`  then the first buddy_card call:  median ${figures.firstCall.toFixed(1)} ms from start`);
}

console.log(`node ${process.version}, ${runs} runs each, interleaved`);
report(changed.length > 0 ? `this environment (${changed.join(', ')} set):` : 'this environment:', await measure(fullEnv), ' (target <= 1.5x)');
if (changed.length > 0) {
  const cleanEnv = Object.fromEntries(Object.entries(fullEnv).filter(([name]) => !STARTUP_VARIABLES.includes(name)));
  report(`without ${changed.join(', ')}:`, await measure(cleanEnv), '');
}
rmSync(dir, { recursive: true, force: true });
