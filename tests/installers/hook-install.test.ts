// The hook installer in this process, on a throwaway HOME: Gemini CLI's settings.json (beside its MCP
// entry), Codex's hooks.json and Cursor's hooks.json. The person's files are compared byte for byte:
// a made file goes again, a found one comes back, their edits since are kept, special files are refused,
// the record holds only Buddy's part, and doctor's inspection and uninstall --all's search find the hooks.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInstalls } from '../../src/installers/found-installs.js';
import { hookCommands } from '../../src/installers/hook-host.js';
import { hookInstallCommand, hookTarget, hookUninstallCommand, inspectHooks, installHooks, uninstallHooks, type HookTarget } from '../../src/installers/hook-install.js';
import { hookRecordsFile, readHookRecords } from '../../src/installers/hook-records.js';
import type { HookHostId } from '../../src/installers/hosts/hook-hosts.js';
import { buddyMcpEntry } from '../../src/installers/mcp-entry.js';
import { installMcpServer, uninstallMcpServer } from '../../src/installers/mcp-install.js';
import { mcpTarget } from '../../src/installers/mcp-targets.js';
import { bytes, put } from './installer-support.js';

const NODE = '/opt/node/bin/node';
const SCRIPT = '/opt/buddy/dist/buddy.js';

let root: string;
let env: NodeJS.ProcessEnv;
let tick: number;
const now = (): Date => new Date((tick += 1000));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-hook-installer-'));
  env = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config') };
  tick = Date.UTC(2026, 0, 1);
});
afterEach(() => {
  fs.chmodSync(root, 0o700);
  fs.rmSync(root, { recursive: true, force: true });
});

const target = (host: HookHostId, project = false): HookTarget => hookTarget(env, host, project, path.join(root, 'acme'));
const commands = (host: HookHostId, node = NODE, script = SCRIPT) => hookCommands(node, script, host);
const install = (host: HookHostId, project = false, node = NODE, script = SCRIPT) => installHooks(env, target(host, project), commands(host, node, script), now());
const uninstall = (host: HookHostId, project = false) => uninstallHooks(env, target(host, project), now());

describe('where each host keeps its hooks', () => {
  it('names the files and the commands to run', () => {
    expect(target('gemini')).toEqual({ host: 'gemini', scope: 'user', file: path.join(root, '.gemini', 'settings.json') });
    expect(target('gemini', true)).toEqual({ host: 'gemini', scope: 'project', file: path.join(root, 'acme', '.gemini', 'settings.json') });
    expect(hookTarget({ ...env, GEMINI_CLI_HOME: path.join(root, 'g') }, 'gemini', false).file).toBe(path.join(root, 'g', '.gemini', 'settings.json'));
    expect(target('codex')).toEqual({ host: 'codex', scope: 'user', file: path.join(root, '.codex', 'hooks.json') });
    expect(target('codex', true).scope).toBe('user');
    expect(hookTarget({ ...env, CODEX_HOME: path.join(root, 'cx') }, 'codex', false).file).toBe(path.join(root, 'cx', 'hooks.json'));
    expect(target('cursor', true).file).toBe(path.join(root, 'acme', '.cursor', 'hooks.json'));
    expect(hookInstallCommand(target('cursor'))).toBe('buddy install cursor --hooks');
    expect(hookInstallCommand(target('cursor', true))).toBe(`cd ${path.join(root, 'acme')} && buddy install cursor --project --hooks`);
    expect(hookUninstallCommand(target('gemini', true))).toBe(`cd ${path.join(root, 'acme')} && buddy uninstall gemini --project`);
    expect(hookUninstallCommand(target('codex'))).toBe('buddy uninstall codex');
    // GitHub Copilot CLI's hooks are per repository only: the project's, without --project to ask for it.
    expect(target('copilot')).toEqual({ host: 'copilot', scope: 'project', file: path.join(root, 'acme', '.github', 'hooks', 'buddy.json') });
    expect(hookInstallCommand(target('copilot'))).toBe(`cd ${path.join(root, 'acme')} && buddy install copilot --hooks`);
    expect(hookUninstallCommand(target('copilot', true))).toBe(`cd ${path.join(root, 'acme')} && buddy uninstall copilot`);
  });
});

describe('a file that is not there', () => {
  it.each(['gemini', 'codex', 'cursor', 'copilot'] as const)('%s: made with mode 0644, recorded, and gone again on uninstall', (host) => {
    const { file } = target(host);
    expect(install(host)).toEqual({ kind: 'installed', backup: undefined, moved: false });
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    const record = readHookRecords(env).records[file]!;
    expect(record).toMatchObject({ host, scope: host === 'copilot' ? 'project' : 'user', commands: [commands(host).tool, commands(host).stop], fileCreated: true, installedAt: '2026-01-01T00:00:01.000Z' });
    expect(record.undo).toHaveLength(1);
    expect(inspectHooks(env, target(host))).toMatchObject({ state: 'read', missing: [], scripts: [SCRIPT], gone: [NODE, SCRIPT], recorded: true });

    const before = bytes(file);
    expect(install(host)).toEqual({ kind: 'already-installed' });
    expect(bytes(file)).toBe(before);

    const removed = uninstall(host);
    expect(removed).toMatchObject({ kind: 'removed', exact: true, deleted: true });
    expect(bytes((removed as { backup: string }).backup)).toBe(before);
    expect(fs.existsSync(file)).toBe(false);
    expect(readHookRecords(env).records).toEqual({});
    expect(uninstall(host)).toEqual({ kind: 'not-installed' });
  });
});

const CODEX_MINE = '{\r\n  "hooks": {\r\n    "PostToolUse": [\r\n      { "matcher": "Bash", "hooks": [ { "type": "command", "command": "python3 ~/.codex/audit.py", "timeout": 30 } ] }\r\n    ]\r\n  }\r\n}\r\n';

describe('Codex: a hooks.json of the person\'s, with CRLF', () => {
  it('keeps their hook on the same event, and gives the bytes back', () => {
    const { file } = target('codex');
    put(file, CODEX_MINE);
    const installed = install('codex');
    expect(installed).toMatchObject({ kind: 'installed', moved: false });
    const after = bytes(file)!;
    expect(after).toBe(
      `{\r\n  "hooks": {\r\n    "PostToolUse": [\r\n      { "matcher": "Bash", "hooks": [ { "type": "command", "command": "python3 ~/.codex/audit.py", "timeout": 30 } ] },\r\n      {\r\n        "matcher": "Bash",\r\n        "hooks": [\r\n          {\r\n            "type": "command",\r\n            "command": "${commands('codex').tool}"\r\n          }\r\n        ]\r\n      }\r\n    ],\r\n    "Stop": [\r\n      {\r\n        "hooks": [\r\n          {\r\n            "type": "command",\r\n            "command": "${commands('codex').stop}"\r\n          }\r\n        ]\r\n      }\r\n    ]\r\n  }\r\n}\r\n`,
    );
    expect(bytes((installed as { backup: string }).backup)).toBe(CODEX_MINE);
    expect(readHookRecords(env).records[file]).toMatchObject({ fileCreated: false, created: ['hooks.Stop'] });
    expect(uninstall('codex')).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(bytes(file)).toBe(CODEX_MINE);
  });

  it('a moved Buddy is pointed at this copy; uninstall then takes its hooks out by their form', () => {
    const { file } = target('codex');
    put(file, CODEX_MINE);
    install('codex', false, '/usr/bin/node', '/srv/old/dist/buddy.js');
    expect(install('codex')).toMatchObject({ kind: 'installed', moved: true });
    expect(bytes(file)).toContain(commands('codex').tool);
    expect(bytes(file)).not.toContain('/srv/old');
    const record = readHookRecords(env).records[file]!;
    expect(record.commands).toEqual([commands('codex', '/usr/bin/node', '/srv/old/dist/buddy.js').tool, commands('codex', '/usr/bin/node', '/srv/old/dist/buddy.js').stop, commands('codex').tool, commands('codex').stop]);
    expect(record.undo).toBeUndefined();
    expect(record.created).toEqual(['hooks.Stop']);
    expect(uninstall('codex')).toMatchObject({ kind: 'removed', exact: false, deleted: false });
    expect(bytes(file)).toBe(CODEX_MINE);
  });

  it('keeps the person\'s edits since install, and knows when they took Buddy out by hand', () => {
    const { file } = target('codex');
    put(file, CODEX_MINE);
    install('codex');
    fs.writeFileSync(file, bytes(file)!.replace('"timeout": 30', '"timeout": 45'));
    expect(uninstall('codex')).toMatchObject({ kind: 'removed', exact: true });
    expect(bytes(file)).toBe(CODEX_MINE.replace('"timeout": 30', '"timeout": 45'));
    install('codex');
    fs.writeFileSync(file, CODEX_MINE);
    expect(uninstall('codex')).toEqual({ kind: 'already-removed' });
    expect(readHookRecords(env).records).toEqual({});
    install('codex');
    fs.rmSync(file);
    expect(uninstall('codex')).toEqual({ kind: 'file-gone' });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('an install whose record was lost is recorded again, and changes nothing', () => {
    install('codex');
    const before = bytes(target('codex').file);
    fs.rmSync(hookRecordsFile(env));
    expect(install('codex')).toEqual({ kind: 'already-installed' });
    expect(readHookRecords(env).records[target('codex').file]).toMatchObject({ fileCreated: false, commands: [commands('codex').tool, commands('codex').stop] });
    expect(readHookRecords(env).records[target('codex').file]!.undo).toBeUndefined();
    expect(bytes(target('codex').file)).toBe(before);
    expect(inspectHooks(env, target('codex'))).toMatchObject({ recorded: true });
  });
});

describe('Gemini CLI: its hooks beside Buddy\'s MCP entry in one settings.json', () => {
  const SETTINGS = '{\n  // mine\n  "theme": "GitHub"\n}\n';

  it('MCP then hooks in; hooks then MCP out: the file comes back, or goes when Buddy made it', () => {
    for (const start of [SETTINGS, null]) {
      const { file } = target('gemini');
      if (start === null) fs.rmSync(file);
      else put(file, start);
      const mcp = mcpTarget(env, 'gemini', false);
      installMcpServer(env, mcp, buddyMcpEntry(NODE, SCRIPT), now());
      install('gemini');
      expect(bytes(file)).toContain('// mine'.repeat(start === null ? 0 : 1));
      expect(uninstall('gemini')).toMatchObject({ kind: 'removed', exact: true, deleted: false });
      expect(uninstallMcpServer(env, mcp, now())).toMatchObject({ kind: 'removed', exact: true, deleted: start === null });
      expect(bytes(file)).toBe(start);
    }
  });

  it('refuses settings with a trailing comma, changing nothing', () => {
    const { file } = target('gemini');
    put(file, '{"theme": "GitHub",}');
    expect(() => install('gemini')).toThrow(`${file} is not valid JSON (comments are fine, a trailing comma is not); fix it and run this again. Nothing was changed.`);
    expect(bytes(file)).toBe('{"theme": "GitHub",}');
    expect(inspectHooks(env, target('gemini'))).toMatchObject({ state: 'unreadable' });
    expect(fs.existsSync(hookRecordsFile(env))).toBe(false);
  });
});

describe('files Buddy does not write', () => {
  it('refuses a FIFO, a symlink to a FIFO and a read-only file in one line each', () => {
    const { file } = target('cursor');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('mkfifo', [file]);
    expect(() => install('cursor')).toThrow(`${file} is a named pipe (FIFO); Buddy replaces only regular files, nothing was changed.`);
    expect(() => uninstall('cursor')).toThrow(/nothing was changed\.$/i);
    fs.rmSync(file);
    const fifo = path.join(root, 'elsewhere.fifo');
    execFileSync('mkfifo', [fifo]);
    fs.symlinkSync(fifo, file);
    expect(() => install('cursor')).toThrow(/nothing was changed\.$/i);
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    fs.rmSync(file);
    put(file, '{"version": 1}');
    fs.chmodSync(file, 0o444);
    expect(() => install('cursor')).toThrow(`${file} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it). Nothing was changed.`);
    expect(bytes(file)).toBe('{"version": 1}');
    expect(fs.existsSync(hookRecordsFile(env))).toBe(false);
  });

  it('edits a symlinked file through the link, keeping the link and the mode', () => {
    const { file } = target('cursor');
    const real = path.join(root, 'dotfiles', 'cursor-hooks.json');
    put(real, '{"version": 1}\n');
    fs.chmodSync(real, 0o640);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.symlinkSync(real, file);
    install('cursor');
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    expect(bytes(real)).toContain('hook agent --host cursor --event stop');
    uninstall('cursor');
    expect(bytes(real)).toBe('{"version": 1}\n');
  });

  it('a file Buddy made, replaced by a link since, is emptied but the link stays', () => {
    const { file } = target('cursor');
    install('cursor');
    const real = path.join(root, 'dotfiles', 'hooks.json');
    put(real, bytes(file)!);
    fs.rmSync(file);
    fs.symlinkSync(real, file);
    expect(uninstall('cursor')).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(bytes(real)).toBe('');
  });
});

describe('what else is refused, and what is not', () => {
  it('Codex and Cursor read plain JSON: a comment is refused, changing nothing', () => {
    const { file } = target('codex');
    put(file, '{\n  // mine\n}\n');
    expect(() => install('codex')).toThrow(`${file} is not valid JSON; fix it (or move it aside) and run this again. Nothing was changed.`);
    expect(bytes(file)).toBe('{\n  // mine\n}\n');
  });

  it('a byte order mark stays where it was', () => {
    const { file } = target('cursor');
    put(file, '\uFEFF{"version": 1}');
    install('cursor');
    expect(bytes(file)!.startsWith('\uFEFF{"version": 1, "hooks": {')).toBe(true);
    uninstall('cursor');
    expect(bytes(file)).toBe('\uFEFF{"version": 1}');
  });

  it('a read-only file that already has Buddy\'s hooks is no error to install, but uninstall leaves it, and its record', () => {
    const { file } = target('cursor');
    install('cursor');
    const installed = bytes(file);
    fs.chmodSync(file, 0o444);
    expect(install('cursor')).toEqual({ kind: 'already-installed' });
    expect(() => uninstall('cursor')).toThrow(`${file} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it). Nothing was changed.`);
    expect(bytes(file)).toBe(installed);
    expect(Object.keys(readHookRecords(env).records)).toEqual([file]);
  });
});

describe('the records', () => {
  it('keeps only records that check out, and moves a damaged file aside on the next write', () => {
    const good = { host: 'cursor', scope: 'user', commands: ['a'], fileCreated: false, installedAt: 't' };
    const installs = {
      '/good': good,
      '/with-undo': { ...good, created: ['hooks'], undo: [{ offset: 0, inserted: '{}', original: '' }] },
      '/bad-undo': { ...good, undo: [{ offset: 0, inserted: '', original: '"theme"' }] },
      '/host': { ...good, host: 'claude-code' },
      '/scope': { ...good, scope: 'global' },
      '/commands': { ...good, commands: [1] },
      '/created': { ...good, created: 'hooks' },
      '/file-created': { ...good, fileCreated: 'no' },
      '/installed-at': { ...good, installedAt: 5 },
      '/null': null,
    };
    put(hookRecordsFile(env), JSON.stringify({ version: 1, installs }));
    expect(readHookRecords(env)).toEqual({
      records: { '/good': good, '/with-undo': installs['/with-undo'], '/bad-undo': good },
      damaged: false,
    });
    put(hookRecordsFile(env), JSON.stringify({ version: 2, installs }));
    expect(readHookRecords(env)).toEqual({ records: {}, damaged: true });
    put(hookRecordsFile(env), JSON.stringify({ version: 1, installs: [] }));
    expect(readHookRecords(env).damaged).toBe(true);
    put(hookRecordsFile(env), '{');
    expect(readHookRecords(env)).toEqual({ records: {}, damaged: true });
    install('cursor');
    expect(fs.readdirSync(path.dirname(hookRecordsFile(env))).filter((name) => name.startsWith('hook-installs.json.damaged-'))).toHaveLength(1);
    expect(Object.keys(readHookRecords(env).records)).toEqual([target('cursor').file]);
  });
});

describe('finding the hooks', () => {
  it('inspection names the events Buddy\'s hooks are on, and those it lacks', () => {
    const { file } = target('cursor');
    put(file, `{"version": 1, "hooks": {"stop": [{"command": "${commands('cursor').stop}"}], "afterFileEdit": [{"command": "codebuddy hook agent --host cursor --event tool"}]}}`);
    expect(inspectHooks(env, target('cursor'))).toEqual({ state: 'read', events: ['stop'], missing: ['afterShellExecution'], scripts: [SCRIPT], gone: [NODE, SCRIPT], recorded: false });
    expect(inspectHooks(env, target('codex'))).toEqual({ state: 'missing' });
    const here = hookCommands(process.execPath, path.join(root, 'dist', 'buddy.js'), 'codex');
    put(path.join(root, 'dist', 'buddy.js'), '');
    put(target('codex').file, `{"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "${here.stop}"}]}, {"hooks": [{"type": "command", "command": "${here.stop}"}]}]}}`);
    expect(inspectHooks(env, target('codex'))).toEqual({ state: 'read', events: ['Stop'], missing: ['PostToolUse'], scripts: [path.join(root, 'dist', 'buddy.js')], gone: [], recorded: false });
  });

  it('uninstall --all finds each host\'s hooks, recorded or by their form, before the MCP entries', () => {
    install('gemini', true);
    put(target('cursor').file, `{"version": 1, "hooks": {"stop": [{"command": "${commands('cursor').stop}"}]}}`);
    put(target('codex').file, '{"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "codebuddy stop"}]}]}}');
    installMcpServer(env, mcpTarget(env, 'codex', false), buddyMcpEntry(NODE, SCRIPT), now());
    const found = findInstalls(env, path.join(root, 'acme'));
    expect(found).toEqual([
      { kind: 'hooks', target: target('gemini', true) },
      { kind: 'hooks', target: target('cursor') },
      { kind: 'mcp', target: mcpTarget(env, 'codex', false) },
    ]);
    // Recorded, elsewhere: found from any folder.
    expect(findInstalls(env, root)[0]).toEqual({ kind: 'hooks', target: target('gemini', true) });
  });
});
