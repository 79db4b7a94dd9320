// `buddy mcp` fed one line far over its 1 MiB limit: the peak memory of the server (VmHWM, Linux) while
// it reads past the line, against its peak after the same session's ordinary requests, and how fast the
// bytes go by. The line is one tools/call whose message is the bulk, its id at the very end, so the whole
// line has to be read before the reply. Usage: npm run build && node bench/mcp-oversize.mjs
// (BENCH_MIB=1024 by default: the size of the line in MiB.)
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { hatchedSandbox } from './sandbox.mjs';

const mib = Number(process.env.BENCH_MIB ?? 1024);
const { dir, env } = hatchedSandbox();

/** Peak resident memory of a process so far, in MiB (Linux only). */
function peakMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((text) => text.startsWith('VmHWM:'));
  return Number(line.replace(/\D+/g, '')) / 1024;
}

const child = spawn(process.execPath, ['dist/buddy.js', 'mcp'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
let buffered = '';
const waiting = [];
child.stdout.setEncoding('utf8').on('data', (chunk) => {
  buffered += chunk;
  let newline;
  while ((newline = buffered.indexOf('\n')) !== -1) {
    const message = JSON.parse(buffered.slice(0, newline));
    buffered = buffered.slice(newline + 1);
    waiting.shift()?.(message);
  }
});
const reply = () => new Promise((resolve) => waiting.push(resolve));
const request = (message) => {
  const answered = reply();
  child.stdin.write(`${JSON.stringify(message)}\n`);
  return answered;
};
const drained = (bytes) => (child.stdin.write(bytes) ? Promise.resolve() : new Promise((resolve) => child.stdin.once('drain', resolve)));

await request({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
await request({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'buddy_card', arguments: {} } });
await request({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'buddy_talk', arguments: { message: 'x'.repeat(500) } } });
const baseline = peakMiB(child.pid);

const bulk = Buffer.alloc(1024 * 1024, 'x'.charCodeAt(0));
const answered = reply();
const started = process.hrtime.bigint();
await drained('{"jsonrpc":"2.0","method":"tools/call","params":{"name":"buddy_talk","arguments":{"message":"');
for (let sent = 0; sent < mib; sent += 1) await drained(bulk);
await drained('"}},"id":"the-long-one"}\n');
const answer = await answered;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peak = peakMiB(child.pid);
const after = await request({ jsonrpc: '2.0', id: 4, method: 'ping' });
child.stdin.end();
await new Promise((resolve) => child.once('exit', resolve));
rmSync(dir, { recursive: true, force: true });

if (answer.id !== 'the-long-one' || answer.error?.code !== -32600 || after.id !== 4) throw new Error(`unexpected answers: ${JSON.stringify([answer, after])}`);
console.log(`node ${process.version}, one line of ${mib} MiB to buddy mcp (limit 1 MiB)`);
console.log(`  peak memory after ordinary requests:  ${baseline.toFixed(1)} MiB`);
console.log(`  peak memory after the long line:      ${peak.toFixed(1)} MiB   ratio ${(peak / baseline).toFixed(2)}x`);
console.log(`  read past at ${(mib / seconds).toFixed(0)} MiB/s (${seconds.toFixed(2)} s), answered -32600 with its id; the session went on`);
