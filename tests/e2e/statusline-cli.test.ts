// `buddy statusline` end to end: the built bin, and the installed command (the light script) under each
// shell, fed Claude Code's statusLine payload. The cases (tests/helpers/statusline-command-cases.ts) run
// whole in process (tests/statusline/statusline-command.test.ts); here each runs where it shows what only
// a real process shows:
// - the built bin: a stdin that never closes (the process still exits) and a 10 MB payload on a real pipe;
// - the installed command under dash (/bin/sh on Debian): every case, the full matrix once through a shell;
// - under bash, zsh and BusyBox ash: the cases whose path through the script depends on the shell: how it
//   reads stdin (a 10 MB payload, a stdin left open, on a whole object or half of one), and one compact
//   line drawn through it. The other cases take the same path through the script under every shell (the
//   options and the session's files are handed on to Node untouched; the odd payloads, empty, not JSON,
//   without a session or with escapes, are run under every shell in statusline-fast.test.ts).
// And `buddy doctor`, checking the installed statusLine command, runs a refresh of its own that earns the
// buddy nothing (what refreshes do earn is tests/statusline/statusline-witness.test.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEventLines } from '../../src/game/events.js';
import { BIN, hatchedSandboxes, runBuddy, type Sandbox } from '../helpers/cli.js';
import { CASE_KINDS, commandSandbox, expectSaneLine, STATUSLINE_USER_ID, statuslineCommandCases, withLines, type CaseKind, type CommandSandbox } from '../helpers/statusline-command-cases.js';
import { NODE_RUNNER, SHELLS, shellRunner } from '../helpers/statusline-runners.js';

const hatchedSandbox = hatchedSandboxes(STATUSLINE_USER_ID);
const hatched = (): Sandbox => hatchedSandbox();

/** What each shell runs besides dash, which runs every case. */
const SHELL_KINDS: readonly CaseKind[] = ['compact', 'flood', 'open-stdin'];

statuslineCommandCases(NODE_RUNNER, ['flood', 'open-stdin'], hatched);
for (const shell of SHELLS) statuslineCommandCases(shellRunner(shell), shell.name === 'dash' ? CASE_KINDS : SHELL_KINDS, hatched);

/** The sandbox of the test below. */
let at: CommandSandbox;
let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
let name: string;
let transcript: string;

interface Unprivileged {
  readonly uid: number;
  readonly gid: number;
  readonly binPath: string;
  readonly cwd: string;
}

/** The user and group IDs of `nobody` from /etc/passwd (65534 where it is not listed). */
function nobodyIds(): { uid: number; gid: number } {
  const entry = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('nobody:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  return { uid: Number(uid ?? 65_534), gid: Number(gid ?? 65_534) };
}

/**
 * Makes the sandbox (config, cache, transcript) nobody's and puts a copy of the built bin in it, so that
 * nobody can run it whatever the permissions of the checkout.
 */
function handSandboxToNobody(): Unprivileged {
  const { uid, gid } = nobodyIds();
  const binDir = path.join(sandbox.dir, 'dist');
  fs.cpSync(path.dirname(BIN), binDir, { recursive: true });
  const chownTree = (target: string): void => {
    fs.lchownSync(target, uid, gid);
    if (fs.lstatSync(target).isDirectory()) for (const entry of fs.readdirSync(target)) chownTree(path.join(target, entry));
  };
  chownTree(sandbox.dir);
  fs.chmodSync(sandbox.dir, 0o755);
  return { uid, gid, binPath: path.join(binDir, path.basename(BIN)), cwd: sandbox.dir };
}

/** The error code a process (nobody's, when given) gets reading a file, or 'read' when it can. */
async function readErrorCode(file: string, as: Unprivileged | undefined): Promise<string> {
  const script = `try { require('node:fs').readFileSync(${JSON.stringify(file)}); process.stdout.write('read'); } catch (error) { process.stdout.write(error.code); }`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], ...(as ? { uid: as.uid, gid: as.gid, cwd: as.cwd } : {}) });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  await new Promise((resolve) => child.on('close', resolve));
  return output;
}

describe('an unreadable transcript, for a process that really cannot read it', () => {
  beforeEach(() => {
    at = commandSandbox(hatched);
    ({ sandbox, env, name, transcript } = at);
  });

  afterEach(() => {
    sandbox.cleanup();
  });

  // Root reads any file, so as root (as in CI) the statusline runs as the unprivileged user nobody.
  it('copes with an unreadable transcript', async () => {
    fs.chmodSync(transcript, 0o000);
    const asRoot = process.getuid?.() === 0;
    const unprivileged = asRoot ? handSandboxToNobody() : undefined;
    const run = withLines(await runBuddy(['statusline'], { env, input: at.payload(), ...unprivileged }));
    expectSaneLine(run);
    expect(run.lines[0]).toContain(name);
    // The file really was out of reach for the process that drew the line, and that process kept its
    // session state (as nobody, in nobody's cache).
    expect(await readErrorCode(transcript, unprivileged)).toBe('EACCES');
    expect(fs.statSync(at.statusFile()).uid).toBe(unprivileged?.uid ?? process.getuid?.());
  });
});

describe('buddy doctor', () => {
  beforeEach(() => {
    at = commandSandbox(hatched);
    ({ sandbox, env } = at);
  });

  afterEach(() => {
    sandbox.cleanup();
  });

  it('checking the installed statusline earns nothing', async () => {
    const install = await runBuddy(['install', 'claude-code', '--force'], { env });
    expect(install.code, install.stderr).toBe(0);
    const doctor = await runBuddy(['doctor'], { env, timeoutMs: 60_000 });
    expect(doctor.stdout).toMatch(/one statusLine refresh costs/);
    const log = path.join(env.BUDDY_CONFIG_DIR as string, 'events.log');
    expect(fs.existsSync(log) ? parseEventLines(fs.readFileSync(log, 'utf8')).map((event) => event.kind) : []).toEqual([]);
    const status = await runBuddy(['status', '--json'], { env });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ xp: 0, achievements: { earned: 0 } });
  }, 90_000);
});
