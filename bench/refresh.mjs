// What the statusline costs while Claude Code sits open: the command `buddy install claude-code` writes,
// run as Claude Code runs it (/bin/sh -c COMMAND, the session payload written into a pipe on stdin), once
// per 100 ms for 30 s: first an idle session (no transcript change), then one whose transcript grows by
// one record per second. CPU is the user + system time of every process a refresh starts (the shells,
// dd, date, Node when it runs), taken from a bash that runs the refreshes and reports its children's
// times after each one; processes that outlive a refresh (helpers) are looked for after each one, and
// their CPU would be added. The same harness measures `node -e ''`, `cat FILE` and the Node command on
// every refresh (the statusLine before the light script) for comparison. BENCH_BASELINE names another
// light script (another checkout's dist/statusline.sh): its idle refreshes then alternate with the
// installed one's, refresh by refresh, so that both see the same load, and the ratio is printed.
// Usage: npm run bench:refresh   (BENCH_SECONDS=30 sets each run's length)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { hatchedSandbox } from './sandbox.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const INTERVAL_MS = 100;
/** A refresh above this much CPU started Node. */
const NODE_RUN_MS = 20;
const MARK = `buddy-bench-${process.pid}`;

const { dir, env: sandboxEnv } = hatchedSandbox();
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, ...sandboxEnv, BUDDY_BENCH_MARK: MARK };
delete env.NO_COLOR;
// --force: the bench runs dist/ of its checkout, a path install otherwise refuses (docs/install.md).
execFileSync(process.execPath, ['dist/buddy.js', 'install', 'claude-code', '--force'], { env, stdio: 'ignore' });
const installed = JSON.parse(fs.readFileSync(path.join(sandboxEnv.CLAUDE_CONFIG_DIR, 'settings.json'), 'utf8')).statusLine.command;

const transcript = path.join(dir, 'session.jsonl');
const record = (n) =>
  `${JSON.stringify({ type: 'assistant', uuid: `r-${n}`, message: { role: 'assistant', content: [{ type: 'text', text: `Reading the next file, step ${n}.` }] } })}\n`;
fs.writeFileSync(transcript, Array.from({ length: 5_000 }, (_, n) => record(n)).join(''));
const payload = JSON.stringify({
  ...JSON.parse(fs.readFileSync('tests/fixtures/claude-code/statusline-payload.json', 'utf8')),
  session_id: 'bench-session',
  transcript_path: transcript,
});
const catFile = path.join(dir, 'frame.txt');
fs.writeFileSync(catFile, '(o.o) Pip\n');
const fifo = path.join(dir, 'stdin.fifo');
execFileSync('mkfifo', [fifo]);

// Runs one refresh per line, the command the line numbers (from 1), its stdin the FIFO the driver writes
// the payload into, then prints the shell's `times`: the second line is its children's CPU so far (to
// the millisecond in bash).
const HARNESS = `
fifo=$1 output=$2
shift 2
while IFS= read -r which && [ -n "$which" ]; do
  /bin/sh -c "\${!which}" <"$fifo" >"$output" 2>/dev/null
  times
done
`;

function cpuMs(timesOutput) {
  const match = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(timesOutput);
  return match ? ((Number(match[1]) + Number(match[3])) * 60 + Number(match[2]) + Number(match[4])) * 1000 : NaN;
}

/** Processes carrying this run's mark other than the harness itself (Linux: /proc), with their CPU so far. */
function leftovers(harnessPid) {
  if (!fs.existsSync('/proc/self/environ')) return [];
  const found = [];
  const tick = 1000 / 100;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === harnessPid) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/environ`, 'latin1').includes(`BUDDY_BENCH_MARK=${MARK}`)) continue;
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'latin1').replace(/^.*\) /, '').split(' ');
      found.push({ pid: Number(entry), cpuMs: (Number(fields[11]) + Number(fields[12])) * tick });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Refreshes of `command`, or of several commands in turn (one result each, in their order). */
async function series(command, options) {
  const [result] = await alternating([command], options);
  return result;
}

async function alternating(commands, { refreshes, grow = false, prints = true }) {
  const output = path.join(dir, 'out.txt');
  const harness = spawn('bash', ['-c', HARNESS, 'harness', fifo, output, ...commands], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: harness.stdout })[Symbol.asyncIterator]();
  const costs = commands.map(() => []);
  const helpers = new Map();
  let previous = 0;
  let appended = 0;
  const started = performance.now();
  for (let i = 0; i < refreshes; i++) {
    await sleep(started + i * INTERVAL_MS - performance.now());
    if (grow && performance.now() - started >= (appended + 1) * 1000) fs.appendFileSync(transcript, record(10_000 + appended++));
    harness.stdin.write(`${(i % commands.length) + 1}\n`);
    // As the host does: the payload into the pipe, then close it.
    await fs.promises.writeFile(fifo, payload).catch((error) => {
      // A command that does not read stdin may be gone before the payload is written.
      if (error.code !== 'EPIPE') throw error;
    });
    await lines.next();
    const total = cpuMs((await lines.next()).value ?? '');
    costs[i % commands.length].push(total - previous);
    previous = total;
    for (const helper of leftovers(harness.pid)) helpers.set(helper.pid, helper.cpuMs);
  }
  // Each command had its share of the wall time.
  const wallMs = (performance.now() - started) / commands.length;
  harness.stdin.end('\n');
  await new Promise((resolve) => harness.on('close', resolve));
  const shown = fs.readFileSync(output, 'utf8');
  if (prints && !shown.trim()) throw new Error(`${commands.join(' / ')} printed nothing`);
  // Helpers cannot be told apart by command: each gets its share.
  const helperMs = [...helpers.values()].reduce((sum, ms) => sum + ms, 0) / commands.length;
  return costs.map((each) => ({ costs: each, wallMs, helpers: helpers.size, helperMs, shown }));
}

const sum = (values) => values.reduce((total, value) => total + value, 0);
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

function describe(label, result) {
  const total = sum(result.costs) + result.helperMs;
  const perRefresh = total / result.costs.length;
  const node = result.costs.filter((ms) => ms > NODE_RUN_MS);
  const light = result.costs.filter((ms) => ms <= NODE_RUN_MS);
  // At one refresh a second the same changes start Node as often per second; the other refreshes are light.
  const nodePerSecond = Math.min(1, node.length / (result.wallMs / 1000));
  const lightMs = light.length ? sum(light) / light.length : 0;
  const nodeMs = node.length ? sum(node) / node.length : 0;
  const atOneHz = nodePerSecond * nodeMs + (1 - nodePerSecond) * lightMs;
  return {
    label,
    row: [
      label.padEnd(34),
      String(result.costs.length).padStart(9),
      `${perRefresh.toFixed(1)} ms`.padStart(12),
      `${quantile(result.costs, 0.5).toFixed(1)}`.padStart(7),
      `${quantile(result.costs, 0.95).toFixed(1)}`.padStart(6),
      String(node.length).padStart(10),
      `${(total / (result.wallMs / 1000)).toFixed(1)} ms`.padStart(11),
      `${(atOneHz / 10).toFixed(2)} %`.padStart(10),
      String(result.helpers).padStart(8),
    ].join(''),
    perRefresh,
  };
}

const refreshes = Math.round((SECONDS * 1000) / INTERVAL_MS);
console.log(`bench:refresh  node ${process.version}  /bin/sh is ${path.basename(fs.realpathSync('/bin/sh'))}  ${os.cpus().length} cores  ${os.platform()}`);
console.log(`installed statusLine command: ${installed}`);
console.log(`each run: one refresh every ${INTERVAL_MS} ms, payload piped on stdin; CPU of every process started\n`);

const bare = await series("node -e ''", { refreshes: Math.min(refreshes, 50), prints: false });
// The statusLine before the light script: the Node command (what follows `/bin/sh <script>`) on every refresh.
const nodeCommand = installed.replace(/^\/bin\/sh ("(?:[^"\\]|\\.)*"|\S+) /, '');
const everyRefreshNode = await series(nodeCommand, { refreshes: Math.min(refreshes, 50) });
const cat = await series(`cat ${catFile}`, { refreshes });
await series(installed, { refreshes: 1 }); // the session's first refresh: Node takes its measure and prepares frames
const baselineScript = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : undefined;
let idle;
let baselineIdle;
if (baselineScript) {
  // The same command with the other script in place of the installed one (the same Node and bundle).
  const baseline = `/bin/sh ${baselineScript} ${installed.replace(/^\/bin\/sh ("(?:[^"\\]|\\.)*"|\S+) /, '')}`;
  console.log(`baseline statusLine command: ${baseline}`);
  [idle, baselineIdle] = await alternating([installed, baseline], { refreshes: refreshes * 2 });
} else {
  idle = await series(installed, { refreshes });
}
const growing = await series(installed, { refreshes, grow: true });

console.log(
  ['run'.padEnd(34), 'refreshes'.padStart(9), 'CPU/refresh'.padStart(12), 'median'.padStart(7), 'p95'.padStart(6), 'Node runs'.padStart(10), 'CPU/second'.padStart(11), '@1/s core'.padStart(10), 'helpers'.padStart(8)].join(''),
);
const rows = [
  describe("sh -c \"node -e ''\"", bare),
  describe("sh -c 'cat FILE'", cat),
  describe('installed, idle', idle),
  describe('installed, transcript +1 record/s', growing),
  describe('Node command on every refresh, idle', everyRefreshNode),
];
if (baselineIdle) rows.push(describe('baseline script, idle (BENCH_BASELINE)', baselineIdle));
for (const { row } of rows) console.log(row);
const idleCost = rows[2].perRefresh;
console.log(`\nidle refresh: ${idleCost.toFixed(1)} ms CPU (target <= 15 ms) = ${(idleCost / 10).toFixed(2)} % of one core at 1 refresh/s; node -e '' alone: ${rows[0].perRefresh.toFixed(1)} ms`);
// An idle hour at one refresh a second: light refreshes, plus Node each time the frames run out (they are
// drawn FRAMES_HORIZON_MS ahead) and once for the long-silence reaction.
const nodeRefreshes = growing.costs.filter((ms) => ms > NODE_RUN_MS);
const nodeCost = nodeRefreshes.length ? sum(nodeRefreshes) / nodeRefreshes.length : NaN;
const hourNodeRuns = 3600 / 300 + 1;
const hourMs = (3600 - hourNodeRuns) * idleCost + hourNodeRuns * nodeCost;
console.log(
  `idle hour at 1 refresh/s: ${3600 - hourNodeRuns} light refreshes + ${hourNodeRuns} Node runs of ${nodeCost.toFixed(0)} ms = ${(hourMs / 1000).toFixed(1)} s CPU = ${(hourMs / 36_000).toFixed(2)} % of one core`,
);
if (baselineIdle) {
  const baselineCost = rows.at(-1).perRefresh;
  const median = (result) => quantile(result.costs, 0.5);
  console.log(
    `idle refresh against the baseline script, alternating: ${idleCost.toFixed(2)} ms vs ${baselineCost.toFixed(2)} ms = ${(idleCost / baselineCost).toFixed(2)}x (medians ${median(idle).toFixed(1)} vs ${median(baselineIdle).toFixed(1)} ms)`,
  );
}
console.log(`last line shown: ${growing.shown.trimEnd().split('\n').at(-1)}`);
if (idleCost > 15) process.exitCode = 1;
