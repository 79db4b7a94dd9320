// Runs an installed copy of Buddy the way a person and their agent CLI would, from a throwaway home:
// `--version`, a roll checked against a recorded one, `hatch` (no API key), the statusline through the
// command `buddy install claude-code` writes (the light script) and through Node, `card --svg` and
// `--png`, the MCP server's `initialize` and `tools/list`, and the pet's first frame in a real terminal.
// Used by scripts/check-tarball.mjs (the npm package) and scripts/check-exe.mjs (the executable); it
// never looks at the clone's dist/.
//
//   node scripts/check-installed.mjs PATH_TO_BUDDY [--no-png]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXPECTED_VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const GOLDEN_ROLL = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/roll-v1-golden.jsonl'), 'utf8').split('\n')[0]);
const PAYLOAD = readFileSync(path.join(ROOT, 'tests/fixtures/claude-code/statusline-payload.json'), 'utf8');
const USER_ID = 'installed-copy-check';
const PNG_MAGIC = '89504e470d0a1a0a';

class CheckFailed extends Error {}

function fail(message) {
  throw new CheckFailed(message);
}

/** A home of its own, so the check reads and writes nothing of the machine's. */
function sandbox() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'buddy-installed-'));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: path.join(dir, 'home'),
    BUDDY_CONFIG_DIR: path.join(dir, 'config'),
    BUDDY_CACHE_DIR: path.join(dir, 'cache'),
    CLAUDE_CONFIG_DIR: path.join(dir, 'claude'),
    BUDDY_USER_ID: USER_ID,
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
  };
  return { dir, env };
}

/** Runs a program to its end: exit code, stdout and stderr as text (stdout as bytes too). */
function run(file, args, { env, input = '', timeoutMs = 30_000 }) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const bytes = Buffer.concat(out);
      resolve({ code, signal, stdout: bytes.toString('utf8'), bytes, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

async function ok(buddy, args, env, options = {}) {
  const result = await run(buddy, args, { env, ...options });
  if (result.code !== 0) fail(`buddy ${args.join(' ')} exited ${result.code ?? result.signal}: ${result.stderr.trim().split('\n')[0]}`);
  return result;
}

async function checkVersion(buddy, env) {
  const { stdout } = await ok(buddy, ['--version'], env);
  const first = stdout.split('\n')[0].trim();
  if (first !== EXPECTED_VERSION) fail(`--version says ${JSON.stringify(first)}, the package is ${EXPECTED_VERSION}`);
  return `--version ${first}`;
}

async function checkRoll(buddy, env) {
  const { stdout } = await ok(buddy, ['roll', GOLDEN_ROLL.userId, '--json'], env);
  const roll = JSON.parse(stdout);
  for (const key of ['idHash', 'rarity', 'species', 'shiny', 'eye', 'hat']) {
    if (roll[key] !== GOLDEN_ROLL[key]) fail(`roll ${GOLDEN_ROLL.userId}: ${key} is ${JSON.stringify(roll[key])}, recorded ${JSON.stringify(GOLDEN_ROLL[key])}`);
  }
  if (JSON.stringify(roll.stats) !== JSON.stringify(GOLDEN_ROLL.stats)) fail(`roll ${GOLDEN_ROLL.userId}: stats differ from the recorded roll`);
  return `roll ${GOLDEN_ROLL.userId}: ${roll.rarity} ${roll.species}, as recorded`;
}

async function hatch(buddy, env) {
  await ok(buddy, ['hatch'], env);
  const config = JSON.parse(readFileSync(path.join(env.BUDDY_CONFIG_DIR, 'config.json'), 'utf8'));
  const name = config.buddy?.name;
  if (typeof name !== 'string' || name.length === 0) fail('hatch wrote no name');
  return name;
}

/** The statusLine command `buddy install claude-code` wrote, run as Claude Code runs it: `sh -c`. */
async function checkStatuslines(buddy, env, name) {
  // The copy under test sits in a temporary folder, which install rightly calls unstable; --force
  // writes it anyway, as a person could.
  await ok(buddy, ['install', 'claude-code', '--force'], env);
  const settings = JSON.parse(readFileSync(path.join(env.CLAUDE_CONFIG_DIR, 'settings.json'), 'utf8'));
  const command = settings.statusLine?.command;
  if (typeof command !== 'string' || !command.startsWith('/bin/sh ')) fail(`install wrote no light statusLine: ${JSON.stringify(command)}`);
  const light = await run('/bin/sh', ['-c', command], { env, input: PAYLOAD });
  if (light.code !== 0 || !light.stdout.includes(name)) fail(`the installed statusLine printed ${JSON.stringify(light.stdout)} (${light.stderr.trim()})`);
  const node = await ok(buddy, ['statusline'], env, { input: PAYLOAD });
  if (!node.stdout.includes(name)) fail(`buddy statusline printed ${JSON.stringify(node.stdout)}`);
  await ok(buddy, ['uninstall', 'claude-code'], env);
  return 'statusline: the installed light script and Node both draw the buddy';
}

async function checkCards(buddy, env, dir, { png }) {
  const svgPath = path.join(dir, 'card.svg');
  await ok(buddy, ['card', '--svg', svgPath], env);
  if (!readFileSync(svgPath, 'utf8').startsWith('<svg')) fail('card --svg wrote no SVG');
  if (!png) {
    const refused = await run(buddy, ['card', '--png', path.join(dir, 'card.png')], { env });
    if (refused.code === 0 || refused.stderr.split('\n').filter(Boolean).length !== 1) fail(`card --png without the renderer: ${refused.stderr}`);
    return `card --svg; --png refused in one line: ${refused.stderr.trim()}`;
  }
  const pngPath = path.join(dir, 'card.png');
  await ok(buddy, ['card', '--png', pngPath], env);
  if (readFileSync(pngPath).subarray(0, 8).toString('hex') !== PNG_MAGIC) fail('card --png wrote no PNG');
  return 'card --svg and --png';
}

/** `initialize`, then `tools/list`, as a host starts the server. */
async function checkMcp(buddy, env) {
  const lines = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'check', version: '1' } } },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  ];
  const child = spawn(buddy, ['mcp'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const answers = new Map();
  let buffered = '';
  const listed = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new CheckFailed('mcp: no answer to tools/list within 20 s')), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      buffered += chunk;
      for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
        const message = JSON.parse(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        answers.set(message.id, message);
        if (message.id === 1) child.stdin.write(`${JSON.stringify(lines[1])}\n${JSON.stringify(lines[2])}\n`);
        if (message.id === 2) {
          clearTimeout(timer);
          resolve(message);
        }
      }
    });
    child.on('exit', (code) => reject(new CheckFailed(`mcp exited ${code} before answering`)));
  });
  child.stdin.write(`${JSON.stringify(lines[0])}\n`);
  try {
    const tools = (await listed).result?.tools?.map((tool) => tool.name) ?? [];
    if (!tools.includes('buddy_card')) fail(`mcp tools/list: ${JSON.stringify(tools)}`);
    return `mcp: initialize, tools/list (${tools.join(', ')})`;
  } finally {
    child.stdin.end();
    child.kill();
  }
}

/** `buddy` in a real pseudo-terminal, fed to a headless xterm: its first frame shows the buddy's name. */
async function checkPetFrame(buddy, env, name) {
  const { spawn: spawnPty } = await import('@lydell/node-pty');
  const { default: xterm } = await import('@xterm/headless');
  const term = new xterm.Terminal({ cols: 100, rows: 30, allowProposedApi: true });
  const started = process.hrtime.bigint();
  const pty = spawnPty(buddy, [], { name: 'xterm-256color', cols: 100, rows: 30, env: { ...env, TERM: 'xterm-256color' } });
  const screen = () => {
    const lines = [];
    for (let row = 0; row < term.rows; row += 1) lines.push(term.buffer.active.getLine(row)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  try {
    const shownAfterMs = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new CheckFailed(`pet: no frame with ${name} within 20 s; the screen:\n${screen()}`)), 20_000);
      pty.onData((data) =>
        term.write(data, () => {
          if (screen().includes(name)) {
            clearTimeout(timer);
            resolve(Number(process.hrtime.bigint() - started) / 1e6);
          }
        }),
      );
      pty.onExit(({ exitCode }) => reject(new CheckFailed(`pet exited ${exitCode} before its first frame`)));
    });
    const exited = new Promise((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
    pty.write('q');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    if (code !== 0) fail(`pet did not quit on q: ${code}`);
    return `pet: first frame with ${name} after ${shownAfterMs.toFixed(0)} ms, quit on q`;
  } finally {
    try {
      pty.kill();
    } catch {
      // already gone
    }
  }
}

/** Every check in turn; the first that fails ends the run with its reason. */
export async function checkInstalledCopy(buddy, { png = true } = {}) {
  const { dir, env } = sandbox();
  const report = [];
  try {
    report.push(await checkVersion(buddy, env));
    report.push(await checkRoll(buddy, env));
    const name = await hatch(buddy, env);
    report.push(`hatch: ${name}`);
    report.push(await checkStatuslines(buddy, env, name));
    report.push(await checkCards(buddy, env, dir, { png }));
    report.push(await checkMcp(buddy, env));
    report.push(await checkPetFrame(buddy, env, name));
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the checks and prints one line each; exit 1 with the reason when one fails. */
export async function runChecks(label, buddy, options) {
  try {
    for (const line of await checkInstalledCopy(buddy, options)) console.log(`  ✓ ${line}`);
    console.log(`${label}: every check passed`);
  } catch (error) {
    console.error(`${label}: ${error instanceof CheckFailed ? error.message : error}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [buddy, ...flags] = process.argv.slice(2);
  if (!buddy) {
    console.error('usage: node scripts/check-installed.mjs PATH_TO_BUDDY [--no-png]');
    process.exit(2);
  }
  await runChecks(buddy, buddy, { png: !flags.includes('--no-png') });
}
