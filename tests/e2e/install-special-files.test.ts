// `buddy install|uninstall codex|gemini|claude-code|copilot|cursor` on host files that are not plain regular files the
// user lets Buddy write: a FIFO or a device (at the path, or at the end of a link), a file over 16 MB, a
// read-only file, a file Buddy may not read. Each is refused at once with one line, `buddy: …`, and left
// exactly as it was; a symlink to a regular file is edited through the link, the link and the mode kept.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, runBuddy, type RunOptions, type RunResult } from '../helpers/cli.js';

const isRoot = process.getuid?.() === 0;
const CODEX_CONFIG = '# mine\nmodel = "o3" # the careful one\n';
const SETTINGS = '{\n  "model": "opus"\n}\n';
const MB = 1024 * 1024;

type Host = 'codex' | 'gemini' | 'claude-code' | 'copilot' | 'cursor';
const HOSTS: readonly Host[] = ['codex', 'gemini', 'claude-code', 'copilot', 'cursor'];

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' };
});
afterEach(() => sandbox.cleanup());

/** The user-scope file each host keeps its settings in (the sandbox sets CLAUDE_CONFIG_DIR). */
function hostFile(host: Host): string {
  if (host === 'codex') return path.join(sandbox.dir, '.codex', 'config.toml');
  if (host === 'gemini') return path.join(sandbox.dir, '.gemini', 'settings.json');
  if (host === 'copilot') return path.join(sandbox.dir, '.copilot', 'mcp-config.json');
  if (host === 'cursor') return path.join(sandbox.dir, '.cursor', 'mcp.json');
  return path.join(env.CLAUDE_CONFIG_DIR as string, 'settings.json');
}

const contentFor = (host: Host): string => (host === 'codex' ? CODEX_CONFIG : SETTINGS);

/** Never more than a few seconds: a command that blocked on a FIFO is killed, and its code is null. */
const buddy = (args: readonly string[], options: RunOptions = {}): Promise<RunResult> => runBuddy(args, { env, cwd: sandbox.dir, timeoutMs: 10_000, ...options });

function expectOneLine(result: RunResult, line: string): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toBe(`buddy: ${line}\n`);
  expect(result.stdout).toBe('');
}

function put(file: string, text: string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.chmodSync(file, mode);
}

function link(target: string, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.symlinkSync(target, file);
}

function mkfifo(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('mkfifo', [file]);
}

/**
 * `install` with --force: the suite runs dist/ from its checkout, a path install otherwise refuses
 * (docs/testing.md); `uninstall` takes no such flag.
 */
function withForce(command: string, ...rest: string[]): string[] {
  return command === 'install' ? [command, ...rest, '--force'] : [command, ...rest];
}

/** Nothing of Buddy's was written: no backup, no record. */
function expectNothingWritten(): void {
  const config = env.BUDDY_CONFIG_DIR as string;
  const names = fs.existsSync(config) ? fs.readdirSync(config) : [];
  expect(names.filter((name) => name.endsWith('-backups') || name.endsWith('-installs.json'))).toEqual([]);
}

describe('a host file linked to something that is not a regular file', () => {
  it.each(HOSTS)('%s: a link to a FIFO is refused at once, and the FIFO stays a FIFO', async (host) => {
    const file = hostFile(host);
    const fifo = path.join(sandbox.dir, 'elsewhere', 'settings.fifo');
    mkfifo(fifo);
    link(fifo, file);
    for (const command of ['install', 'uninstall']) {
      const result = await buddy(withForce(command, host));
      expectOneLine(result, `${command}: ${file} is a symlink to ${fifo}, which is a named pipe (FIFO); Buddy replaces only regular files, nothing was changed.`);
    }
    expect(fs.readlinkSync(file)).toBe(fifo);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expectNothingWritten();
  });

  it.skipIf(!isRoot).each(HOSTS)('%s: a link to a character device is refused, and the device stays the same device (root: mknod)', async (host) => {
    const file = hostFile(host);
    const device = path.join(sandbox.dir, 'elsewhere', 'null-device');
    fs.mkdirSync(path.dirname(device), { recursive: true });
    execFileSync('mknod', [device, 'c', '1', '3']);
    link(device, file);
    const before = fs.lstatSync(device);
    const result = await buddy(['install', host, '--force']);
    expectOneLine(result, `install: ${file} is a symlink to ${device}, which is a device; Buddy replaces only regular files, nothing was changed.`);
    const after = fs.lstatSync(device);
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.rdev, after.ino]).toEqual([before.rdev, before.ino]);
    expect(fs.readlinkSync(file)).toBe(device);
    expectNothingWritten();
  });
});

describe('a FIFO where a host file should be: refused at once, never read', () => {
  it.each(['copilot', 'cursor'] as const)('%s: its user file (and, for cursor, the project\'s .cursor/mcp.json)', async (host) => {
    const project = path.join(sandbox.dir, 'acme');
    const files: [string, string[]][] = [[hostFile(host), [host]]];
    if (host === 'cursor') files.push([path.join(project, '.cursor', 'mcp.json'), [host, '--project']]);
    fs.mkdirSync(project, { recursive: true });
    for (const [file, args] of files) {
      mkfifo(file);
      for (const command of ['install', 'uninstall']) {
        const result = await buddy(withForce(command, ...args), { cwd: project });
        expectOneLine(result, `${command}: ${file} is a named pipe (FIFO); Buddy replaces only regular files, nothing was changed.`);
      }
      expect(fs.lstatSync(file).isFIFO()).toBe(true);
    }
    expectNothingWritten();
  });

  it('~/.codex/config.toml', async () => {
    const file = hostFile('codex');
    mkfifo(file);
    for (const command of ['install', 'uninstall']) {
      expectOneLine(await buddy(withForce(command, 'codex')), `${command}: ${file} is a named pipe (FIFO); Buddy replaces only regular files, nothing was changed.`);
    }
    expect(fs.lstatSync(file).isFIFO()).toBe(true);
  });

  it("a project's .claude/settings.json", async () => {
    const project = path.join(sandbox.dir, 'acme');
    const file = path.join(project, '.claude', 'settings.json');
    mkfifo(file);
    for (const command of ['install', 'uninstall']) {
      expectOneLine(await buddy(withForce(command, 'claude-code', '--project'), { cwd: project }), `${command}: ${file} is a named pipe (FIFO); Buddy replaces only regular files, nothing was changed.`);
    }
    expect(fs.lstatSync(file).isFIFO()).toBe(true);
  });

  it('~/.claude.json, read for the MCP server: install --mcp and uninstall stop before changing anything', async () => {
    const file = path.join(env.CLAUDE_CONFIG_DIR as string, '.claude.json');
    mkfifo(file);
    put(hostFile('claude-code'), SETTINGS);
    for (const command of ['install', 'uninstall']) {
      const args = command === 'install' ? ['install', 'claude-code', '--mcp', '--force'] : ['uninstall', 'claude-code'];
      expectOneLine(await buddy(args), `${command}: ${file} is a named pipe (FIFO), not a regular file; Buddy reads only regular files. Nothing was changed.`);
    }
    expect(fs.readFileSync(hostFile('claude-code'), 'utf8')).toBe(SETTINGS);
    expect(fs.lstatSync(file).isFIFO()).toBe(true);
    expectNothingWritten();
  });
});

describe('a host file over 16 MB', () => {
  it('is refused with one line naming it; one of exactly 16 MB is still read', async () => {
    const big = hostFile('codex');
    put(big, '');
    fs.truncateSync(big, 17 * MB);
    expectOneLine(await buddy(['install', 'codex', '--force']), `install: ${big} is too large to read (17.0 MB; the limit is 16.0 MB). Nothing was changed.`);
    expect(fs.statSync(big).size).toBe(17 * MB);
    expectNothingWritten();

    // The boundary: a file of exactly 16 MB is read and edited.
    const file = hostFile('gemini');
    const shell = '{\n  "pad": ""\n}\n';
    put(file, shell.replace('""', `"${'x'.repeat(16 * MB - shell.length)}"`));
    expect(fs.statSync(file).size).toBe(16 * MB);
    const result = await buddy(['install', 'gemini', '--force'], { timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).mcpServers as object)).toEqual(['buddy']);
  }, 90_000);
});

describe('a read-only host file', () => {
  it.each(HOSTS)('%s: install is refused with one line, and the file is left byte for byte', async (host) => {
    const file = hostFile(host);
    put(file, contentFor(host), 0o444);
    expectOneLine(await buddy(['install', host, '--force']), `install: ${file} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it). Nothing was changed.`);
    expect(fs.readFileSync(file, 'utf8')).toBe(contentFor(host));
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expectNothingWritten();
  });

  it('uninstall from a file made read-only since install is refused too, and the file is left as it is', async () => {
    const file = hostFile('codex');
    put(file, CODEX_CONFIG);
    expect((await buddy(['install', 'codex', '--force'])).code).toBe(0);
    const installed = fs.readFileSync(file);
    fs.chmodSync(file, 0o444);
    expectOneLine(await buddy(['uninstall', 'codex']), `uninstall: ${file} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it). Nothing was changed.`);
    expect(fs.readFileSync(file).equals(installed)).toBe(true);
    fs.chmodSync(file, 0o644);
    expect((await buddy(['uninstall', 'codex'])).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(CODEX_CONFIG);
  });
});

describe("install claude-code --project --mcp, when the project's .mcp.json will not take Buddy's server", () => {
  // Two files: the settings and .mcp.json. A refusal of the second must leave the first as it was too.
  const project = (): string => path.join(sandbox.dir, 'acme');
  const mcpFile = (): string => path.join(project(), '.mcp.json');
  const settings = (): string => path.join(project(), '.claude', 'settings.json');
  const FOREIGN = '{"mcpServers":{"buddy":{"command":"someone-else"}}}\n';

  it.each([
    ['read-only', () => put(mcpFile(), '{}\n', 0o444), () => `${mcpFile()} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it). Nothing was changed.`],
    ['a FIFO', () => mkfifo(mcpFile()), () => `${mcpFile()} is a named pipe (FIFO); Buddy replaces only regular files, nothing was changed.`],
    ['not JSON', () => put(mcpFile(), '{ "mcpServers": '), () => `${mcpFile()} is not valid JSON; fix it (or move it aside) and run this again. Nothing was changed.`],
    [
      'holding a "buddy" server that is not Buddy\'s',
      () => put(mcpFile(), FOREIGN),
      () => `${mcpFile()} already has an MCP server named "buddy" that is not Buddy's ("{\\"command\\":\\"someone-else\\"}"); it was left alone. Remove or rename it first. Nothing was changed.`,
    ],
  ] as const)('%s: refused with one line, and the settings are not written either', async (_what, plant, line) => {
    put(settings(), SETTINGS);
    plant();
    const result = await buddy(['install', 'claude-code', '--project', '--mcp', '--force'], { cwd: project() });
    expectOneLine(result, `install: ${line()}`);
    expect(fs.readFileSync(settings(), 'utf8')).toBe(SETTINGS);
    expectNothingWritten();
  });
});

describe('a host file linked to a regular file', () => {
  it.each(HOSTS)('%s: edited through the link, which stays a link, with the target keeping its mode', async (host) => {
    const file = hostFile(host);
    const real = path.join(sandbox.dir, 'dotfiles', path.basename(file));
    put(real, contentFor(host), 0o640);
    link(real, file);
    const installed = await buddy(['install', host, '--force']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(fs.readlinkSync(file)).toBe(real);
    expect(fs.readFileSync(real, 'utf8')).not.toBe(contentFor(host));
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    const removed = await buddy(['uninstall', host]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(fs.readlinkSync(file)).toBe(real);
    expect(fs.readFileSync(real, 'utf8')).toBe(contentFor(host));
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
  });
});

/** The user and group IDs of `nobody` from /etc/passwd (65534 where it is not listed). */
function nobodyIds(): { uid: number; gid: number } {
  const entry = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((line) => line.startsWith('nobody:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  return { uid: Number(uid ?? 65_534), gid: Number(gid ?? 65_534) };
}

/** Gives the sandbox to nobody, with a copy of the built bin nobody can run (root only). */
function asNobody(): RunOptions {
  const { uid, gid } = nobodyIds();
  const binDir = path.join(sandbox.dir, 'dist');
  fs.cpSync(path.dirname(BIN), binDir, { recursive: true });
  const chownTree = (target: string): void => {
    fs.lchownSync(target, uid, gid);
    if (fs.lstatSync(target).isDirectory()) for (const name of fs.readdirSync(target)) chownTree(path.join(target, name));
  };
  chownTree(sandbox.dir);
  return { uid, gid, binPath: path.join(binDir, path.basename(BIN)) };
}

describe('a host file Buddy may not read', () => {
  // Root reads any file, so as root (as in CI) the command runs as the unprivileged user nobody.
  it('is one line, a permission error, with nothing changed', async () => {
    const file = hostFile('codex');
    put(file, CODEX_CONFIG, 0o000);
    const options = isRoot ? asNobody() : {};
    expectOneLine(await buddy(['install', 'codex', '--force'], options), `install: cannot read ${file}: permission denied. Nothing was changed.`);
    fs.chmodSync(file, 0o644);
    expect(fs.readFileSync(file, 'utf8')).toBe(CODEX_CONFIG);
    expectNothingWritten();
  });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('leftovers of a Buddy killed mid-write', () => {
  it("are cleared on the next install: Buddy's own temporaries only, in the host's folder and in its own", async () => {
    const file = hostFile('codex');
    put(file, CODEX_CONFIG);
    const pid = deadPid();
    const ours = path.join(path.dirname(file), `.config.toml.buddy-tmp-${pid}-k3y`);
    const recordLeftover = path.join(env.BUDDY_CONFIG_DIR as string, `.mcp-installs.json.buddy-tmp-${pid}-k3y`);
    // A name shaped like another writer's temporary, in the host's folder, is not Buddy's to remove.
    const notOurs = path.join(path.dirname(file), 'config.toml.tmp-1234567890abcdef');
    for (const leftover of [ours, recordLeftover, notOurs]) put(leftover, 'half a file', 0o600);
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(notOurs, hourAgo, hourAgo);

    const result = await buddy(['install', 'codex', '--force']);
    expect(result.code, result.stderr).toBe(0);
    expect([ours, recordLeftover, notOurs].map((leftover) => fs.existsSync(leftover))).toEqual([false, false, true]);
  });
});
