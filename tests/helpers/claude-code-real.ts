// The real Claude Code, from the npm registry, for the host test (tests/hosts/claude-code-real.test.ts):
// installed once into a cache folder under the OS temp dir and reused by later runs, a home it trusts
// (onboarding done, the project trusted, the test key approved), a project with a failing test script it
// may run, the fake Messages API's answers for both of the model's callers (Claude Code itself, and the
// buddy's reply job), and the statusline's rows on its screen.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TALK_STATIC_PROMPT } from '../../src/persona/prompt/static-prompts.js';
import type { RecordedRequest, ScriptedResponse } from './fake-messages-api.js';
import { textReply, toolUseReply } from './fake-messages-api.js';
import type { Screen } from './terminal.js';

const PACKAGE = '@anthropic-ai/claude-code';
/** Where the installed copy is kept between runs. */
export const CLAUDE_CODE_CACHE = path.join(os.tmpdir(), 'buddy-claude-code');

export type ClaudeCodeInstall = { readonly bin: string; readonly version: string } | { readonly bin?: undefined; readonly reason: string };

function packageDir(prefix: string): string {
  return path.join(prefix, 'node_modules', ...PACKAGE.split('/'));
}

/** The `claude` an install prefix holds, if it runs: its path and the version it reports. */
function working(prefix: string): { bin: string; version: string } | undefined {
  const dir = packageDir(prefix);
  let bin: string;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
    const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.claude;
    if (relative === undefined) return undefined;
    bin = path.join(dir, relative);
  } catch {
    return undefined;
  }
  const run = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH, HOME: prefix, DISABLE_AUTOUPDATER: '1' } });
  const version = /\d+\.\d+\.\d+/.exec(run.stdout ?? '')?.[0];
  return run.status === 0 && version !== undefined && /Claude Code/.test(run.stdout) ? { bin, version } : undefined;
}

/** The line of npm's error output that says why, not where its log went. */
function npmFailure(install: SpawnSyncReturns<string>): string {
  if (install.error) return install.error.message;
  const lines = install.stderr.split('\n').map((line) => line.replace(/^npm (?:error|ERR!) ?/, '').trim());
  const telling = lines.filter((line) => line !== '' && !/^(?:A complete log|code |syscall |errno )/.test(line));
  return telling[0] ?? `npm exited with ${String(install.status)}`;
}

/**
 * Claude Code, installed from the registry into the cache (or the copy a previous run left there, when it
 * runs). The package's install script puts the platform's native binary in place of its placeholder; an
 * npm that holds install scripts back until they are approved skips it, so it is run here when the
 * placeholder is still there. The install goes to a folder of its own and is renamed into place only once
 * it runs, so a run that stops halfway, or two runs at once, never leave a broken copy in the cache.
 */
export function installClaudeCode(cache = CLAUDE_CODE_CACHE): ClaudeCodeInstall {
  const cached = working(cache);
  if (cached) return cached;
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  const partial = fs.mkdtempSync(`${cache}.partial-`);
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // Few and short retries: without a registry the test is skipped after seconds, not minutes.
    const args = ['install', '--prefix', partial, '--no-audit', '--no-fund', '--loglevel=error', '--fetch-retries=1', '--fetch-retry-mintimeout=2000', '--fetch-retry-maxtimeout=5000', PACKAGE];
    const install = spawnSync(npm, args, { encoding: 'utf8', timeout: 240_000 });
    if (install.status !== 0) return { reason: `${PACKAGE} could not be installed from the registry: ${npmFailure(install)}` };
    if (!working(partial)) {
      spawnSync(process.execPath, [path.join(packageDir(partial), 'install.cjs')], { cwd: packageDir(partial), encoding: 'utf8', timeout: 120_000 });
    }
    if (!working(partial)) return { reason: `${PACKAGE} was installed but its claude does not run here` };
    // Another run may have put its copy in place meanwhile: that one is as good, and may be in use.
    const placed = working(cache);
    if (placed) return placed;
    fs.rmSync(cache, { recursive: true, force: true });
    try {
      fs.renameSync(partial, cache);
    } catch {
      // Another run's copy landed between the two: it is as good.
    }
    return working(cache) ?? { reason: `${PACKAGE} did not run once moved into ${cache}` };
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

/** The API key the test's Claude Code and buddy use: a made-up one, which only the fake ever sees. */
export const TEST_API_KEY = 'sk-ant-api03-buddy-host-test-0000000000000000000000000000000000000000-AAAAAAAAAAAAAAAAAAAA';

/** The failing test command the model runs in the project. */
export const FAILING_COMMAND = 'sh run-tests.sh';

/** What the project's test script prints: a vitest run with one failing test. */
export const FAILING_OUTPUT = [
  '',
  ' FAIL  tests/math.test.ts > adds numbers',
  'AssertionError: expected 3 to be 4',
  '',
  ' ❯ tests/math.test.ts:4:17',
  '',
  ' Test Files  1 failed (1)',
  '      Tests  1 failed (1)',
].join('\n');

/**
 * A project folder Claude Code trusts, in the sandbox: the failing test script, and project settings that
 * let Claude Code run exactly that command without asking (root may not skip permissions altogether).
 * Claude Code's own state (`.claude.json`: onboarding done, the project trusted, the key approved) goes in
 * its config directory, CLAUDE_CONFIG_DIR, which the sandbox points into itself. Returns the project folder.
 */
export function trustedProject(sandboxDir: string, claudeConfigDir: string): string {
  const project = path.join(fs.realpathSync(sandboxDir), 'project');
  fs.mkdirSync(path.join(project, '.claude'), { recursive: true });
  const script = ['#!/bin/sh', ...FAILING_OUTPUT.split('\n').map((line) => `printf '%s\\n' '${line}'`), 'exit 1', ''].join('\n');
  fs.writeFileSync(path.join(project, 'run-tests.sh'), script, { mode: 0o755 });
  fs.writeFileSync(path.join(project, '.claude', 'settings.json'), `${JSON.stringify({ permissions: { allow: [`Bash(${FAILING_COMMAND})`] } }, null, 2)}\n`);
  fs.mkdirSync(claudeConfigDir, { recursive: true });
  const state = {
    hasCompletedOnboarding: true,
    projects: { [project]: { hasTrustDialogAccepted: true, hasCompletedProjectOnboarding: true } },
    customApiKeyResponses: { approved: [TEST_API_KEY.slice(-20)], rejected: [] },
  };
  fs.writeFileSync(path.join(claudeConfigDir, '.claude.json'), `${JSON.stringify(state, null, 2)}\n`);
  return project;
}

/**
 * The environment Claude Code runs in: the sandbox's, the fake's URL and the key, nothing sent elsewhere,
 * and a temporary folder inside the sandbox (Claude Code keeps a folder per project in it, which would
 * otherwise outlive the test in the system's).
 */
export function claudeCodeEnv(sandboxEnv: NodeJS.ProcessEnv, fakeUrl: string, sandboxDir: string): NodeJS.ProcessEnv {
  const tmp = path.join(sandboxDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  return {
    ...sandboxEnv,
    TMPDIR: tmp,
    ANTHROPIC_BASE_URL: fakeUrl,
    ANTHROPIC_API_KEY: TEST_API_KEY,
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  };
}

function systemText(body: unknown): string {
  const system = (body as { system?: unknown } | undefined)?.system;
  if (typeof system === 'string') return system;
  return Array.isArray(system) ? system.map((block) => (typeof (block as { text?: unknown }).text === 'string' ? (block as { text: string }).text : '')).join('\n') : '';
}

/** Whether a request is the buddy's own (its reply job talking as the buddy), not Claude Code's. */
export function isBuddyRequest(request: RecordedRequest): boolean {
  return systemText(request.body).includes(TALK_STATIC_PROMPT.split('\n')[0]!);
}

interface MessageParam {
  readonly role: string;
  readonly content: unknown;
}

function messagesOf(request: RecordedRequest): readonly MessageParam[] {
  const messages = (request.body as { messages?: unknown } | undefined)?.messages;
  return Array.isArray(messages) ? (messages as MessageParam[]) : [];
}

/** Whether a request is a turn of Claude Code's main loop: the one that may call its tools. */
export function isAgentTurn(request: RecordedRequest): boolean {
  const tools = (request.body as { tools?: unknown } | undefined)?.tools;
  return Array.isArray(tools) && tools.some((tool) => (tool as { name?: unknown }).name === 'Bash');
}

/** The tool results the request's last message carries (the output of the tools the model called). */
export function toolResultsIn(request: RecordedRequest): string {
  const last = messagesOf(request).at(-1);
  if (!last || !Array.isArray(last.content)) return '';
  return last.content
    .filter((block) => (block as { type?: unknown }).type === 'tool_result')
    .map((block) => JSON.stringify((block as { content?: unknown }).content ?? ''))
    .join('\n');
}

export interface HostScript {
  /** What the buddy's model says when it is asked anything. */
  readonly buddyAnswer: string;
  /** A prompt that makes Claude Code's model run the failing test command. */
  readonly runTestsPrompt: string;
  /** What Claude Code's model says once the command has run. */
  readonly afterRunAnswer: string;
  /** What Claude Code's model says to every other prompt. */
  readonly agentAnswer: string;
}

/**
 * The fake's route for one session of the real Claude Code: the buddy is answered with its line; Claude
 * Code's turn after the run-tests prompt calls Bash with the failing command, and its turn after the
 * command's result ends with text; any other request of Claude Code's (titles, summaries) gets text, and
 * anything that is not a Messages call (a connectivity check) an empty 200.
 */
export function hostRoute(script: HostScript): (request: RecordedRequest) => ScriptedResponse {
  return (request) => {
    if (!request.path.startsWith('/v1/messages')) return { body: {} };
    if (isBuddyRequest(request)) return textReply(script.buddyAnswer);
    if (!isAgentTurn(request)) return textReply(script.agentAnswer);
    if (toolResultsIn(request) !== '') return textReply(script.afterRunAnswer);
    const last = messagesOf(request).at(-1);
    if (last?.role === 'user' && JSON.stringify(last.content).includes(script.runTestsPrompt)) {
      return toolUseReply('Bash', { command: FAILING_COMMAND, description: 'Run the tests' });
    }
    return textReply(script.agentAnswer);
  };
}

const RULE = /^─{20,}$/;

/** A screen's rows as text, with the no-break spaces Claude Code draws (after its prompt mark) as spaces. */
export function screenText(screen: Screen): string[] {
  return screen.lines.map((line) => line.replace(/\u00a0/g, ' ').trimEnd());
}

/** Whether the screen shows Claude Code's prompt box, empty: its mark alone between two full-width rules. */
export function promptBoxEmpty(screen: Screen): boolean {
  const lines = screenText(screen).map((line) => line.trim());
  return lines.some((line, index) => line === '❯' && RULE.test(lines[index - 1] ?? '') && RULE.test(lines[index + 1] ?? ''));
}

/**
 * The rows Claude Code draws below its prompt box, where the statusline shows: everything after the last
 * full-width rule, blank rows dropped.
 */
export function statuslineRows(screen: Screen): string[] {
  const lines = screenText(screen);
  let last = -1;
  lines.forEach((line, index) => {
    if (RULE.test(line.trim())) last = index;
  });
  return last < 0 ? [] : lines.slice(last + 1).filter((line) => line.trim() !== '');
}

/**
 * Every process in the tree under `pid` (Linux, from /proc), children before parents' parents; empty where
 * /proc is not there.
 */
export function descendants(pid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields after its closing one are fixed.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone since the listing.
    }
  }
  const found: number[] = [];
  const visit = (at: number): void => {
    for (const child of children.get(at) ?? []) {
      visit(child);
      found.push(child);
    }
  };
  visit(pid);
  return found;
}

/** Kills `pid`, its process group and every process below it. */
export function killTree(pid: number): void {
  const tree = descendants(pid);
  for (const target of [-pid, pid, ...tree]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
