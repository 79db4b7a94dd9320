// What a remark costs: the refresh that sees a failing test with `watch on` (it shows the offline remark and
// starts the model's job) against the same refresh with `watch local` (offline only), alternating so both
// see the same machine load; how long after that refresh the model's remark is in place (the job's start,
// its budget, the SDK and the call, against a local fake Messages API that answers at once, so the figure
// is Buddy's own latency, before the network and the model's); and what one remark sends: the cached part
// (the buddy), the part for the event, and the tokens Buddy reserves for it before the call.
// Usage: npm run bench:remark   (BENCH_EVENTS=12 sets how many events of each mode)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { hatchedSandbox } from './sandbox.mjs';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 12);
const { dir, env: sandboxEnv } = hatchedSandbox('bench-remark-user');
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const requests = [];
const server = createServer((request, response) => {
  let raw = '';
  request.on('data', (chunk) => (raw += chunk));
  request.on('end', () => {
    requests.push(raw);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: `msg_bench_${requests.length}`,
        type: 'message',
        role: 'assistant',
        model: 'claude-haiku-4-5',
        content: [{ type: 'text', text: 'Rounding again? That cent is slippery.' }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      }),
    );
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const env = { ...process.env, ...sandboxEnv, ANTHROPIC_API_KEY: 'sk-ant-bench', ANTHROPIC_BASE_URL: `http://127.0.0.1:${server.address().port}` };
delete env.NO_COLOR;
const buddy = (...args) => execFileSync(process.execPath, ['dist/buddy.js', ...args], { env, stdio: 'ignore' });
buddy('config', 'remarksPerHour', '60');
buddy('config', 'remarkTokensPerDay', '1000000');

const record = (message) => `${JSON.stringify({ type: message.role, message })}\n`;
const failingRun = (id) =>
  record({ role: 'assistant', content: [{ type: 'tool_use', id, name: 'Bash', input: { command: 'npx vitest run tests/money.test.ts' } }], stop_reason: 'tool_use' }) +
  record({
    role: 'user',
    content: [{ type: 'tool_result', tool_use_id: id, is_error: true, content: ' FAIL  tests/money.test.ts > money > rounds half cents up\nAssertionError: expected 0.01 to be 0.02\n      Tests  1 failed | 11 passed (12)' }],
  });

function refresh(session, transcript) {
  const payload = JSON.stringify({ session_id: session, transcript_path: transcript, cwd: dir });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['dist/buddy.js', 'statusline', '--format', 'plain', '--width', '200'], { env, input: payload, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(result.stderr);
  return { ms, line: result.stdout };
}

const statusFile = (session) => path.join(sandboxEnv.BUDDY_CACHE_DIR, 'sessions', `${session}.status.json`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the model's line in the session's state; the time since the refresh ended. */
async function modelLineAfter(session, since) {
  for (;;) {
    try {
      if (JSON.parse(fs.readFileSync(statusFile(session), 'utf8')).reaction?.text?.startsWith('Rounding again')) return performance.now() - since;
    } catch {
      // being replaced
    }
    if (performance.now() - since > 30_000) throw new Error('no model remark within 30 s');
    await sleep(2);
  }
}

const onRefresh = [];
const localRefresh = [];
const latency = [];
for (let n = 0; n < EVENTS * 2; n++) {
  const watch = n % 2 === 0 ? 'on' : 'local';
  buddy('config', 'watch', watch);
  const session = `bench-${n}`;
  const transcript = path.join(dir, `${session}.jsonl`);
  fs.writeFileSync(transcript, record({ role: 'user', content: [{ type: 'text', text: 'fix the money tests' }] }));
  refresh(session, transcript);
  fs.appendFileSync(transcript, failingRun(`toolu_${n}`));
  const { ms, line } = refresh(session, transcript);
  if (!line.includes('rounds half cents up') && !line.includes('money')) throw new Error(`the offline remark did not name the test: ${line}`);
  const ended = performance.now();
  if (watch === 'on') {
    onRefresh.push(ms);
    latency.push(await modelLineAfter(session, ended));
  } else {
    localRefresh.push(ms);
  }
}
server.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p90 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.9))];
console.log(`bench:remark  node ${process.version}  ${EVENTS} events each way, alternating`);
console.log(`refresh that sees the failing test, watch local (offline remark):      median ${median(localRefresh).toFixed(1)} ms  p90 ${p90(localRefresh).toFixed(1)} ms`);
console.log(`the same refresh, watch on (offline remark, then starts the model job): median ${median(onRefresh).toFixed(1)} ms  p90 ${p90(onRefresh).toFixed(1)} ms`);
console.log(`ratio on / local: ${(median(onRefresh) / median(localRefresh)).toFixed(2)}`);
console.log(`model remark in place after that refresh (fake API answering at once):  median ${median(latency).toFixed(0)} ms  p90 ${p90(latency).toFixed(0)} ms`);

const body = JSON.parse(requests.at(-1));
const system = JSON.stringify(body.system);
const messages = JSON.stringify(body.messages);
const cached = body.system.filter((block) => block.cache_control).reduce((sum, block) => sum + block.text.length, 0);
console.log(`one request: ${requests.at(-1).length} bytes; system ${system.length} characters (${cached} marked for caching), messages ${messages.length} characters; max_tokens ${body.max_tokens}`);
console.log(`about ${Math.round((system.length + messages.length) / 4)} input tokens at 4 characters a token; ${requests.length} requests for ${EVENTS} events with watch on`);
const budget = JSON.parse(fs.readFileSync(path.join(sandboxEnv.BUDDY_CACHE_DIR, 'remark-budget.json'), 'utf8'));
console.log(`budget file after the run: ${JSON.stringify(budget).slice(0, 200)}`);
