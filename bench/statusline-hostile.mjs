// Wall time of `buddy statusline` on hostile input: a transcript_path that is a FIFO, a socket or a
// device, a payload over 1 MB, and a prompt full of control characters; then the installed command (the
// light script, as `buddy install claude-code` writes it) and the Node command on a stdin that never
// lets go: left open and silent, a payload that never ends, a payload trickling in. Those are timed to
// the line and to the refresh's exit, and count what it started that was still running then. Every case
// must finish within the statusline's budget (300 ms on a two-core machine).
// Usage: npm run build && node bench/statusline-hostile.mjs
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
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

// The statusLine command as installed, and the Node command it starts when it has no frame.
const claudeDir = path.join(dir, 'claude');
// --force: the bench runs dist/ of its checkout, a path install otherwise refuses (docs/install.md).
execFileSync(process.execPath, ['dist/buddy.js', 'install', 'claude-code', '--force'], { env: { ...process.env, ...env, CLAUDE_CONFIG_DIR: claudeDir }, stdio: 'ignore' });
const installed = JSON.parse(readFileSync(path.join(claudeDir, 'settings.json'), 'utf8')).statusLine.command;
const nodeCommand = installed.replace(/^\/bin\/sh ("(?:[^"\\]|\\.)*"|\S+) /, '');
const payload = JSON.stringify({ session_id: 'b', transcript_path: path.join(dir, 'none.jsonl') });
const MARK = `buddy-hostile-${process.pid}`;

/** Processes carrying this run's mark (Linux: /proc; elsewhere none are counted). */
function marked() {
  let found = 0;
  for (const entry of readdirSync('/proc', { withFileTypes: true })) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      if (readFileSync(`/proc/${entry.name}/environ`, 'latin1').includes(`BUDDY_BENCH_MARK=${MARK}`)) found++;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

const feeds = {
  'stdin open and silent': () => () => undefined,
  'stdin never ends (y lines)': (stdin) => {
    const chunk = Buffer.from('y\n'.repeat(4096));
    let stopped = false;
    const pump = () => {
      while (!stopped && stdin.write(chunk));
      if (!stopped) stdin.once('drain', pump);
    };
    pump();
    return () => (stopped = true);
  },
  // A slow writer: the payload a byte every 2 ms, then stdin left open.
  'payload trickling in': (stdin) => {
    let next = 0;
    const timer = setInterval(() => (next < payload.length ? stdin.write(payload[next++]) : clearInterval(timer)), 2);
    return () => clearInterval(timer);
  },
};

/**
 * One refresh fed by `feed`: milliseconds to its line and to its exit (Node may prepare frames after the
 * line), what it printed, and what it left running.
 */
function refresh(command, feed) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn('/bin/sh', ['-c', command], { env: { ...process.env, ...env, BUDDY_BENCH_MARK: MARK }, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let lineMs;
    child.stdout.setEncoding('utf8').on('data', (text) => {
      out += text;
      if (lineMs === undefined && out.includes('\n')) lineMs = since();
    });
    child.stdin.on('error', () => undefined);
    const stop = feed(child.stdin);
    child.on('exit', () => {
      const exitMs = since();
      const left = existsProc ? marked() : 0;
      stop();
      child.stdin.destroy();
      child.on('close', () => resolve({ ms: lineMs ?? exitMs, exitMs, out, left }));
    });
  });
}

const existsProc = readdirSync('/proc').includes('self');
console.log(`\nthe installed command (${installed.split(' ').slice(0, 2).join(' ')} …) and the Node command on a stdin that never lets go:`);
for (const [label, feed] of Object.entries(feeds)) {
  for (const [which, command] of [
    ['light script', installed],
    ['Node command', nodeCommand],
  ]) {
    const times = [];
    const exits = [];
    let left = 0;
    let printed = true;
    for (let i = 0; i < runs; i++) {
      const result = await refresh(command, feed);
      times.push(result.ms);
      exits.push(result.exitMs);
      left += result.left;
      printed &&= result.out.trim().split('\n').length === 1;
    }
    worst = Math.max(worst, ...times);
    console.log(
      `${`${which}, ${label}`.padEnd(42)} line: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms;  exit: median ${median(exits).toFixed(1)} ms   ${printed ? 'one line each time' : 'NOT ONE LINE'}   left running: ${existsProc ? left : 'n/a'}`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`worst ${worst.toFixed(1)} ms (budget ${BUDGET_MS} ms): ${worst <= BUDGET_MS ? 'within' : 'OVER'}`);
