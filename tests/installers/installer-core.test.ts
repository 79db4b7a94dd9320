// The host-neutral core of the installers, in process: shell words, Buddy's form of an entry, scopes, the
// host table's answers, the commands printed for a project, record files and backups. Each rule on both
// sides of its edge, with the literal text a person or a host would see.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupDir, writeBackup } from '../../src/installers/backups.js';
import { codex } from '../../src/installers/hosts/codex.js';
import { copilot } from '../../src/installers/hosts/copilot.js';
import { cursor } from '../../src/installers/hosts/cursor.js';
import { gemini } from '../../src/installers/hosts/gemini.js';
import { isMcpHostId, mcpHost } from '../../src/installers/hosts/index.js';
import { asMcpEntry, buddyMcpEntry, hasBuddyForm, MCP_SERVER_NAME, mcpOwnershipOf, pathsOf, sameEntry } from '../../src/installers/mcp-entry.js';
import { mcpInstallCommand, mcpTarget, mcpUninstallCommand, scopesOf } from '../../src/installers/mcp-targets.js';
import { isAbsolute, isBundle, looksLikeBuddy } from '../../src/installers/ownership.js';
import { isUndoStep, withRecord, withRecordsLock, writeRecordFile } from '../../src/installers/records.js';
import { homeDir, isScope } from '../../src/installers/scope.js';
import { shellQuote, shownCommand, unquote } from '../../src/installers/shell-quote.js';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-installer-core-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('shell words', () => {
  it('leaves a safe word bare and single-quotes anything else', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellQuote('a_b.c/d:e@f%g+h=i,j-k')).toBe('a_b.c/d:e@f%g+h=i,j-k');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('two words')).toBe("'two words'");
    expect(shellQuote('x\ny')).toBe("'x\ny'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("a'b'c")).toBe("'a'\\''b'\\''c'");
  });

  it('unquotes what it quoted, and only a whole quoted word', () => {
    for (const text of ["it's", "a'b'c", 'x\ny', 'plain', 'two words']) expect(unquote(shellQuote(text))).toBe(text);
    expect(unquote("'a'\n'b'")).toBe("a'\n'b");
    expect(unquote("'open")).toBe("'open");
    expect(unquote("close'")).toBe("close'");
    expect(unquote("x'y'")).toBe("x'y'");
    expect(unquote("'a'b")).toBe("'a'b");
  });

  it('shows C1 controls and DEL escaped, and the rest of the text as JSON', () => {
    expect(shownCommand('\u007f\u0080é')).toBe('"\\u007f\\u0080é"');
    expect(shownCommand('\u00a0')).toBe('"\u00a0"');
  });
});

describe("Buddy's form", () => {
  it('knows absolute paths on either system, and the bundle by its folder and name', () => {
    expect(isAbsolute('/opt/node')).toBe(true);
    expect(isAbsolute('C:\\node.exe')).toBe(true);
    expect(isAbsolute('node')).toBe(false);
    expect(isBundle('/x/dist/buddy.js')).toBe(true);
    expect(isBundle('C:\\x\\dist\\buddy.js')).toBe(true);
    expect(isBundle('/x/dist/buddy.jsx')).toBe(false);
    expect(isBundle('/x/dist/buddyXjs')).toBe(false);
    expect(isBundle('/x/distbuddy.js')).toBe(false);
    expect(looksLikeBuddy('study-BUDDY')).toBe(true);
    expect(looksLikeBuddy('bud dy')).toBe(false);
  });

  it('reads an entry from anything a file holds', () => {
    expect(asMcpEntry({ command: '/n', args: ['a'] })).toEqual({ command: '/n', args: ['a'] });
    expect(asMcpEntry({ command: '/n' })).toEqual({ command: '/n', args: [] });
    expect(asMcpEntry({ command: '/n', args: 'a' })).toBeUndefined();
    expect(asMcpEntry({ command: '/n', args: ['a', 1] })).toBeUndefined();
    expect(asMcpEntry({ command: 1 })).toBeUndefined();
    expect(asMcpEntry(null)).toBeUndefined();
    expect(asMcpEntry(['/n'])).toBeUndefined();
    expect(asMcpEntry('/n')).toBeUndefined();
  });

  it('compares entries by command and every argument', () => {
    const entry = { command: '/n', args: ['a', 'b'] };
    expect(sameEntry(entry, { command: '/n', args: ['a', 'b'] })).toBe(true);
    expect(sameEntry(entry, { command: '/m', args: ['a', 'b'] })).toBe(false);
    expect(sameEntry(entry, { command: '/n', args: ['a'] })).toBe(false);
    expect(sameEntry(entry, { command: '/n', args: ['a', 'c'] })).toBe(false);
    expect(sameEntry({ command: '/n', args: ['a'] }, entry)).toBe(false);
  });

  it('is an absolute Node running an absolute dist/buddy.js with mcp, and nothing more', () => {
    expect(MCP_SERVER_NAME).toBe('buddy');
    const mine = buddyMcpEntry('/usr/bin/node', '/opt/b/dist/buddy.js');
    expect(mine).toEqual({ command: '/usr/bin/node', args: ['/opt/b/dist/buddy.js', 'mcp'] });
    expect(hasBuddyForm(mine)).toBe(true);
    expect(hasBuddyForm({ command: 'node', args: ['/opt/b/dist/buddy.js', 'mcp'] })).toBe(false);
    expect(hasBuddyForm({ command: '/usr/bin/node', args: ['dist/buddy.js', 'mcp'] })).toBe(false);
    expect(hasBuddyForm({ command: '/usr/bin/node', args: ['/opt/b/buddy.js', 'mcp'] })).toBe(false);
    expect(hasBuddyForm({ command: '/usr/bin/node', args: ['/opt/b/dist/buddy.js', 'serve'] })).toBe(false);
    expect(hasBuddyForm({ command: '/usr/bin/node', args: ['/opt/b/dist/buddy.js', 'mcp', '--x'] })).toBe(false);
    expect(hasBuddyForm({ command: '/usr/bin/node', args: [] })).toBe(false);
  });

  it("owns a recorded entry or one of its form, and nothing else called buddy", () => {
    const owned = mcpOwnershipOf([{ command: 'node', args: ['./b.js'] }]);
    expect(owned({ command: 'node', args: ['./b.js'] })).toBe(true);
    expect(owned({ command: '/n', args: ['/p/dist/buddy.js', 'mcp'] })).toBe(true);
    expect(owned({ command: 'node', args: ['./c.js'] })).toBe(false);
    expect(owned({ command: 'buddy' })).toBe(false);
    expect(owned('node')).toBe(false);
    expect(mcpOwnershipOf([])({ command: 'node', args: ['./b.js'] })).toBe(false);
  });

  it('names the Node and the bundle an entry runs', () => {
    expect(pathsOf({ command: '/n', args: ['/b.js', 'mcp'] })).toEqual(['/n', '/b.js']);
    expect(pathsOf({ command: '/n', args: [] })).toEqual(['/n']);
    expect(pathsOf({ command: '', args: ['/b.js'] })).toEqual(['/b.js']);
  });
});

describe('scopes and hosts', () => {
  it('takes user and project only, and the home from HOME first', () => {
    expect(isScope('user')).toBe(true);
    expect(isScope('project')).toBe(true);
    expect(isScope('global')).toBe(false);
    expect(homeDir({ HOME: '/home/pat' })).toBe('/home/pat');
    expect(homeDir({})).toBe(os.homedir());
  });

  it("answers for each host: its name, files, folder for backups and new files' mode", () => {
    expect(gemini.name).toBe('Gemini CLI');
    expect(gemini.userFile!({ HOME: '/h' })).toBe('/h/.gemini/settings.json');
    expect(gemini.userFile!({ HOME: '/h', GEMINI_CLI_HOME: '/g' })).toBe('/g/.gemini/settings.json');
    expect(gemini.userFile!({ HOME: '/h', GEMINI_CLI_HOME: 'g' })).toBe(path.resolve('g', '.gemini', 'settings.json'));
    expect(gemini.userFile!({ HOME: '/h', GEMINI_CLI_HOME: '' })).toBe('/h/.gemini/settings.json');
    expect(gemini.projectFile).toEqual(['.gemini', 'settings.json']);
    expect(gemini.backupFolder).toBe('gemini-backups');
    expect(gemini.newFileMode).toBe(0o644);
    expect(codex.name).toBe('Codex');
    expect(codex.userFile!({ HOME: '/h' })).toBe('/h/.codex/config.toml');
    expect(codex.userFile!({ HOME: '/h', CODEX_HOME: '/c' })).toBe('/c/config.toml');
    expect(codex.userFile!({ HOME: '/h', CODEX_HOME: '' })).toBe('/h/.codex/config.toml');
    expect(codex.projectFile).toBeUndefined();
    expect(codex.backupFolder).toBe('codex-backups');
    expect(codex.newFileMode).toBe(0o600);
    expect(copilot.userFile!({ HOME: '/h' })).toBe('/h/.copilot/mcp-config.json');
    expect(copilot.userFile!({ HOME: '/h', COPILOT_HOME: '/c' })).toBe('/c/mcp-config.json');
    expect(copilot.userFile!({ HOME: '/h', COPILOT_HOME: '' })).toBe('/h/.copilot/mcp-config.json');
    expect(copilot.projectFile).toBeUndefined();
    expect(cursor.userFile!({ HOME: '/h' })).toBe('/h/.cursor/mcp.json');
    expect(cursor.projectFile).toEqual(['.cursor', 'mcp.json']);
    expect(mcpHost('gemini')).toBe(gemini);
    expect(isMcpHostId('codex')).toBe(true);
    expect(isMcpHostId('claude-code')).toBe(true);
    expect(isMcpHostId('windsurf')).toBe(false);
  });

  it('goes to the scope the host has when the one asked for is missing', () => {
    expect(scopesOf(codex)).toEqual(['user']);
    expect(scopesOf(gemini)).toEqual(['user', 'project']);
    expect(mcpTarget({ HOME: '/h' }, 'codex', true, '/work/p')).toEqual({ host: 'codex', scope: 'user', file: '/h/.codex/config.toml' });
    expect(mcpTarget({ HOME: '/h' }, 'gemini', true, '/work/p')).toEqual({ host: 'gemini', scope: 'project', file: '/work/p/.gemini/settings.json' });
    expect(mcpTarget({ HOME: '/h' }, 'gemini', false, '/work/p')).toEqual({ host: 'gemini', scope: 'user', file: '/h/.gemini/settings.json' });
  });

  it("prints commands to run in the project's own folder, quoted", () => {
    const target = mcpTarget({ HOME: '/h' }, 'gemini', true, '/work/my project');
    expect(mcpInstallCommand(target)).toBe("cd '/work/my project' && buddy install gemini --project");
    expect(mcpUninstallCommand(target)).toBe("cd '/work/my project' && buddy uninstall gemini --project");
    const user = mcpTarget({ HOME: '/h' }, 'codex', false);
    expect(mcpInstallCommand(user)).toBe('buddy install codex');
    expect(mcpUninstallCommand(user)).toBe('buddy uninstall codex');
  });
});

describe('install records', () => {
  it('takes an undo step that puts back whitespace or the wrapped command, nothing else', () => {
    expect(isUndoStep({ offset: 0, inserted: 'x', original: ' \n' }, undefined)).toBe(true);
    expect(isUndoStep({ offset: 3, inserted: 'x', original: 'mine' }, 'mine')).toBe(true);
    expect(isUndoStep({ offset: 3, inserted: 'x', original: 'theirs' }, 'mine')).toBe(false);
    expect(isUndoStep({ offset: -1, inserted: 'x', original: '' }, undefined)).toBe(false);
    expect(isUndoStep({ offset: 1.5, inserted: 'x', original: '' }, undefined)).toBe(false);
    expect(isUndoStep({ offset: '1', inserted: 'x', original: '' }, undefined)).toBe(false);
    expect(isUndoStep({ offset: 1, inserted: 2, original: '' }, undefined)).toBe(false);
    expect(isUndoStep({ offset: 1, inserted: 'x', original: 2 }, undefined)).toBe(false);
    expect(isUndoStep(null, undefined)).toBe(false);
    expect(isUndoStep('step', undefined)).toBe(false);
  });

  it("replaces, adds or takes out one file's record and keeps the others", () => {
    const records = { a: 1, b: 2 };
    expect(withRecord(records, 'a', 3)).toEqual({ b: 2, a: 3 });
    expect(withRecord(records, 'c', 4)).toEqual({ a: 1, b: 2, c: 4 });
    expect(withRecord(records, 'a', undefined)).toEqual({ b: 2 });
  });

  it('writes a record file as indented JSON, keeping a damaged one aside under its time', () => {
    const file = path.join(root, 'records', 'installs.json');
    const result = withRecordsLock(file, () => {
      fs.writeFileSync(file, '{not json');
      writeRecordFile(file, true, { a: 1 }, new Date('2026-05-01T12:30:45.678Z'));
      return 'done';
    });
    expect(result).toBe('done');
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect(fs.readFileSync(`${file}.damaged-2026-05-01T12-30-45-678Z`, 'utf8')).toBe('{not json');
    writeRecordFile(file, false, [], new Date());
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes('damaged'))).toHaveLength(1);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });
});

describe('backups', () => {
  const env = (): NodeJS.ProcessEnv => ({ BUDDY_CONFIG_DIR: path.join(root, 'config') });

  it("names a file's folder after its path, readable, with a hash to tell look-alikes apart", () => {
    const dir = backupDir(env(), '/home/pat/.claude/settings.json', 'claude-code-backups');
    expect(path.dirname(dir)).toBe(path.join(root, 'config', 'claude-code-backups'));
    expect(path.basename(dir)).toMatch(/^home_pat_.claude_settings.json-[0-9a-f]{8}$/);
    expect(backupDir(env(), '/home/pat/.claude/settings:json', 'f')).not.toBe(backupDir(env(), '/home/pat/.claude/settings;json', 'f'));
    const long = backupDir(env(), `/${'d'.repeat(200)}/settings.json`, 'f');
    expect(path.basename(long)).toHaveLength(80 + 9);
  });

  it('names each backup after the file and the time, with a suffix when the time is taken', () => {
    const now = new Date('2026-05-01T12:30:45.678Z');
    const first = writeBackup(env(), '/p/.mcp.json', 'one', now, 'f');
    const second = writeBackup(env(), '/p/.mcp.json', 'two', now, 'f');
    expect(path.basename(first)).toBe('mcp.2026-05-01T12-30-45-678Z.json');
    expect(path.basename(second)).toBe('mcp.2026-05-01T12-30-45-678Z-1.json');
    expect(fs.readFileSync(second, 'utf8')).toBe('two');
    expect(fs.statSync(second).mode & 0o777).toBe(0o600);
    expect(path.basename(writeBackup(env(), '/p/config', 'x', now, 'f'))).toBe('config.2026-05-01T12-30-45-678Z');
    expect(path.basename(writeBackup(env(), '/p/...', 'x', now, 'f'))).toBe('settings.2026-05-01T12-30-45-678Z.');
    expect(path.basename(writeBackup(env(), '/p/a b.x$y', 'x', now, 'f'))).toBe('a_b.2026-05-01T12-30-45-678Z.x_y');
  });

  it('keeps the newest five, by time and then by suffix, and leaves other files alone', () => {
    const file = '/p/settings.json';
    const written: string[] = [];
    for (const minute of [10, 11, 12]) {
      const at = new Date(`2026-05-01T12:${minute}:00.000Z`);
      written.push(writeBackup(env(), file, `${minute}`, at, 'f'), writeBackup(env(), file, `${minute}b`, at, 'f'));
    }
    expect(BACKUPS_KEPT).toBe(5);
    const dir = backupDir(env(), file, 'f');
    fs.writeFileSync(path.join(dir, 'notes.txt'), '');
    writeBackup(env(), file, 'last', new Date('2026-05-01T12:13:00.000Z'), 'f');
    expect(fs.readdirSync(dir).sort()).toEqual([
      'notes.txt',
      'settings.2026-05-01T12-11-00-000Z-1.json',
      'settings.2026-05-01T12-12-00-000Z-1.json',
      'settings.2026-05-01T12-12-00-000Z.json',
      'settings.2026-05-01T12-13-00-000Z.json',
      'settings.2026-05-01T12-11-00-000Z.json',
    ].sort());
    expect(written).toHaveLength(6);
  });

  it('names the folder with one _ for each run of other characters, and none in front', () => {
    expect(path.basename(backupDir(env(), '/home/pat/my  project//.claude/settings.json', 'f'))).toMatch(/^home_pat_my_project_.claude_settings.json-[0-9a-f]{8}$/);
    expect(path.basename(backupDir(env(), 'C:\\Users\\pat\\.codex\\config.toml', 'f'))).toMatch(/^C_Users_pat_.codex_config.toml-[0-9a-f]{8}$/);
  });

  it('names a backup after the whole stem of a dotted name, its dots made _', () => {
    const now = new Date('2026-05-01T12:30:45.678Z');
    expect(path.basename(writeBackup(env(), '/p/my.settings.json', 'x', now, 'f'))).toBe('my_settings.2026-05-01T12-30-45-678Z.json');
    expect(path.basename(writeBackup(env(), '/p/..hidden.json', 'x', now, 'f'))).toBe('hidden.2026-05-01T12-30-45-678Z.json');
  });

  it('tries a hundred suffixes for a taken time, and then gives up with one line', () => {
    const file = '/p/settings.json';
    const dir = backupDir(env(), file, 'f');
    fs.mkdirSync(dir, { recursive: true });
    const now = new Date('2026-05-01T12:30:45.678Z');
    const taken = (attempt: number): string => path.join(dir, `settings.2026-05-01T12-30-45-678Z${attempt === 0 ? '' : `-${attempt}`}.json`);
    // Folders in the names' place, so pruning (regular files only) leaves them.
    for (let attempt = 0; attempt <= 100; attempt++) fs.mkdirSync(taken(attempt));
    expect(path.basename(writeBackup(env(), file, 'x', now, 'f'))).toBe('settings.2026-05-01T12-30-45-678Z-101.json');
    fs.rmSync(taken(101));
    fs.mkdirSync(taken(101));
    expect(() => writeBackup(env(), file, 'x', now, 'f')).toThrow(`cannot find a free backup name in ${dir}`);
  });

  it('orders backups of one time by their suffix as a number, and by time first', () => {
    const file = '/p/settings.json';
    const dir = backupDir(env(), file, 'f');
    fs.mkdirSync(dir, { recursive: true });
    const name = (suffix: number): string => `settings.2026-05-01T12-10-00-000Z${suffix === 0 ? '' : `-${suffix}`}.json`;
    for (let suffix = 0; suffix < 12; suffix++) fs.writeFileSync(path.join(dir, name(suffix)), `${suffix}`);
    writeBackup(env(), file, 'later', new Date('2026-05-01T12:11:00.000Z'), 'f');
    expect(fs.readdirSync(dir).sort()).toEqual([name(10), name(11), name(8), name(9), 'settings.2026-05-01T12-11-00-000Z.json']);
    // A later time with no suffix outlasts an earlier one with many.
    writeBackup(env(), file, 'latest', new Date('2026-05-01T12:12:00.000Z'), 'f');
    expect(fs.readdirSync(dir).sort()).toEqual([name(10), name(11), name(9), 'settings.2026-05-01T12-11-00-000Z.json', 'settings.2026-05-01T12-12-00-000Z.json']);
  });

  it('prunes only names that are a backup of this file, the dot before its extension included', () => {
    const file = '/p/settings.json';
    const dir = backupDir(env(), file, 'f');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.2000-01-01T00-00-00-000Zxjson'), '');
    fs.writeFileSync(path.join(dir, 'settingsx2000-01-01T00-00-00-000Z.json'), '');
    for (let minute = 10; minute < 16; minute++) writeBackup(env(), file, 'x', new Date(`2026-05-01T12:${minute}:00.000Z`), 'f');
    expect(fs.readdirSync(dir).filter((name) => name.includes('2000'))).toHaveLength(2);
  });

  it('passes over a backup name that is not a regular file when pruning', () => {
    const file = '/p/settings.json';
    const dir = backupDir(env(), file, 'f');
    fs.mkdirSync(path.join(dir, 'settings.2000-01-01T00-00-00-000Z.json'), { recursive: true });
    for (let minute = 10; minute < 16; minute++) writeBackup(env(), file, 'x', new Date(`2026-05-01T12:${minute}:00.000Z`), 'f');
    expect(fs.statSync(path.join(dir, 'settings.2000-01-01T00-00-00-000Z.json')).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('settings.2026')).sort()).toEqual(['11', '12', '13', '14', '15'].map((minute) => `settings.2026-05-01T12-${minute}-00-000Z.json`));
  });
});
