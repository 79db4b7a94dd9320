// What Buddy prints about its environment, end to end with the built CLI in a hostile environment: a proxy
// URL with a password, a query key and an escape in it, a BUDDY_MODEL with escapes and a bidi override, a
// secret-looking variable whose value ends up in a path, directory names with escapes and fake stack frames.
// The bytes doctor, whoami, an error line and the debug log produce never hold a credential or a control.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';

const ESC = '\u001b';
const BEL = '\u0007';
const API_KEY = 'sk-ant-hostile-0123456789';
const PASSWORD = 'hunter2';
const TOKEN = 'tok-zebra-77-secret';
const BASE_URL = `https://alice:${PASSWORD}@proxy.example/v1${ESC}]0;pwned${BEL}?api_key=${API_KEY}&page=2`;
const BAD_MODEL = `claude${ESC}[2J\u202eevil`;
/** A directory name with an OSC title sequence and the secret-looking variable's value in it. */
const HOSTILE_NAME = `dir-${TOKEN}${ESC}]0;pwned${BEL}\u202e`;

const FORBIDDEN: readonly (readonly [string, string])[] = [
  ['the URL password', PASSWORD],
  ['the API key', API_KEY],
  ['the secret-looking variable', TOKEN],
  ['ESC', ESC],
  ['BEL', BEL],
  ['a C1 CSI', '\u009b'],
  ['a bidi override', '\u202e'],
];

function expectClean(bytes: string, what: string): void {
  for (const [name, value] of FORBIDDEN) expect(bytes.includes(value), `${what} holds ${name}: ${JSON.stringify(bytes)}`).toBe(false);
}

const printed = (result: RunResult): string => result.stdout + result.stderr;

/** Hatches offline: no test reaches for the network (the proxy in BASE_URL does not exist). */
async function hatchOffline(hostile: NodeJS.ProcessEnv): Promise<void> {
  const { ANTHROPIC_API_KEY: _key, ANTHROPIC_BASE_URL: _url, ...offline } = hostile;
  expect((await runBuddy(['hatch'], { env: offline, cwd: sandbox.dir })).code).toBe(0);
}

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  sandbox = makeSandbox();
  env = {
    ...sandbox.env,
    BUDDY_CONFIG_DIR: path.join(sandbox.dir, HOSTILE_NAME, 'config'),
    ANTHROPIC_API_KEY: API_KEY,
    ANTHROPIC_BASE_URL: BASE_URL,
    BUDDY_MODEL: BAD_MODEL,
    BUDDY_TEST_SECRET_TOKEN: TOKEN,
  };
});
afterEach(() => sandbox.cleanup());

describe('buddy doctor in a hostile environment', () => {
  it('names the endpoint without its credentials, says the key is set, and reports the bad BUDDY_MODEL', async () => {
    // A foreign statusLine in Claude Code's settings carries a token of its own.
    fs.mkdirSync(env.CLAUDE_CONFIG_DIR as string, { recursive: true });
    fs.writeFileSync(path.join(env.CLAUDE_CONFIG_DIR as string, 'settings.json'), JSON.stringify({ statusLine: { type: 'command', command: 'GH_TOKEN=ghp_foreign123 /opt/study-buddy statusline' } }));
    await hatchOffline(env);

    const result = await runBuddy(['doctor'], { env, cwd: sandbox.dir });
    expectClean(printed(result), 'doctor');
    expect(printed(result)).not.toContain('ghp_foreign123');
    const lines = result.stdout.split('\n');
    expect(lines).toContain('✓ ANTHROPIC_API_KEY is set: souls and answers by claude-haiku-4-5 via https://***@proxy.example/v1%1B]0;pwned%07?api_key=***&page=2');
    expect(lines).toContain('! BUDDY_MODEL is not a model name, so Buddy ignores it and uses claude-haiku-4-5');
    expect(lines).toContain('    → set it to a model name such as claude-haiku-4-5 (letters, digits and . _ : -), or unset it');
    expect(lines).toContain(`· Claude Code (user): statusLine "GH_TOKEN=*** /opt/study-buddy statusline" is not Buddy's, left alone`);
    // The config path is named, the escape and the token in it are not.
    expect(lines).toContain(`✓ config ${path.join(sandbox.dir, 'dir-***', 'config', 'config.json')}`);
  });

  it('uses and names a valid BUDDY_MODEL, and reports a base URL that is no URL without echoing it', async () => {
    const result = await runBuddy(['doctor'], { env: { ...env, BUDDY_MODEL: 'claude-from-env', ANTHROPIC_BASE_URL: `proxy ${PASSWORD}${ESC}[2J` }, cwd: sandbox.dir });
    expectClean(printed(result), 'doctor');
    const lines = result.stdout.split('\n');
    expect(lines).toContain('✓ ANTHROPIC_API_KEY is set: souls and answers by claude-from-env');
    expect(lines).toContain('! ANTHROPIC_BASE_URL is not a URL: model calls cannot reach it');
    expect(lines.some((line) => line.includes('BUDDY_MODEL'))).toBe(false);
  });
});

describe('buddy whoami in a hostile environment', () => {
  it('names where the ID is kept, and with --show the ID, without the escape or the token', async () => {
    const result = await runBuddy(['whoami', '--show'], { env, cwd: sandbox.dir });
    expect(result.code).toBe(0);
    expectClean(printed(result), 'whoami');
    expect(result.stdout).toContain(`source  local: a random ID kept in ${path.join(sandbox.dir, 'dir-***', 'config')}`);
    expect(result.stdout).toMatch(/^userId {2}[0-9a-f-]{36}$/m);
  });
});

describe('an error line in a hostile environment', () => {
  it('is one line, without the credentials or escapes of the path it quotes', async () => {
    // The config directory sits under a regular file: the write fails, and its message quotes the path.
    const blocker = path.join(sandbox.dir, 'blocker');
    fs.writeFileSync(blocker, '');
    const blocked = { ...env, BUDDY_CONFIG_DIR: path.join(blocker, `${API_KEY}-${PASSWORD}-${HOSTILE_NAME}`) };
    const result = await runBuddy(['config', 'model', 'claude-x'], { env: blocked, cwd: sandbox.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectClean(printed(result), 'the error line');
    expect(result.stderr).toBe(`buddy: cannot create the folder ${blocker}/***-***-dir-***: a part of the path is not a folder\n`);
  });
});

describe('the debug log in a hostile environment', () => {
  it('holds where and what kind of error, and no credential or escape from the message or the paths', async () => {
    // The cache directory's name spans lines, the second one dressed as a stack frame with a URL password.
    const cache = path.join(sandbox.dir, `cache\n    at https://alice:${PASSWORD}@proxy/${ESC}]0;pwned${BEL}${TOKEN}`);
    const hostile = { ...env, BUDDY_CACHE_DIR: cache };
    await hatchOffline(hostile);
    // The sessions directory cannot be made (a file holds its name), so the hook fails and logs it.
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(path.join(cache, 'sessions'), '');
    const hook = await runBuddy(['hook', 'session-start'], { env: hostile, cwd: sandbox.dir, input: JSON.stringify({ session_id: 'hostile-1' }) });
    expect(hook.code).toBe(0);
    expectClean(printed(hook), 'the hook');

    const log = fs.readFileSync(path.join(cache, 'debug.log'), 'utf8');
    expect(log).toMatch(/^\S+ hook session-start: FileAccessError \(E[A-Z]+\)\n/);
    expect(log.split('\n').slice(1).filter((line) => line !== '').every((line) => /^ {4}at /.test(line))).toBe(true);
    expectClean(log, 'the debug log');
    expect(log).not.toContain('proxy');
  });
});
