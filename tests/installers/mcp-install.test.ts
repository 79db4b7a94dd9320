// The MCP installer in process, on what the hosts' tests leave open: the record written again when it was
// lost, what a second install onto a moved Buddy keeps, an entry owned by its record alone, the answers of
// an uninstall with nothing to do, a link put in place of a file Buddy made, and what doctor reads of an
// entry (another tool's, one without a command, paths that are gone).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buddyMcpEntry } from '../../src/installers/mcp-entry.js';
import { inspectMcpServer, installMcpServer, uninstallMcpServer, type McpTarget } from '../../src/installers/mcp-install.js';
import { mcpRecordsFile, readMcpRecords } from '../../src/installers/mcp-records.js';
import { bytes, put } from './installer-support.js';

const ENTRY = buddyMcpEntry('/opt/node/bin/node', '/opt/buddy/dist/buddy.js');
const MOVED = buddyMcpEntry('/usr/local/bin/node', '/srv/buddy/dist/buddy.js');
/** An older Buddy's entry, not in today's form: Buddy's only because its record names it. */
const OLD = { command: 'buddy-old', args: ['serve-mcp'] };

let root: string;
let env: NodeJS.ProcessEnv;
let gemini: McpTarget;
const at = (iso: string): Date => new Date(iso);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-mcp-install-'));
  env = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config') };
  gemini = { host: 'gemini', scope: 'user', file: path.join(root, '.gemini', 'settings.json') };
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const recordOf = (file: string) => readMcpRecords(env).records[file];

describe('the record of an MCP install', () => {
  it('is written again when an install finds Buddy there but its record gone', () => {
    put(gemini.file, '{ "theme": "dark" }\n');
    installMcpServer(env, gemini, ENTRY, at('2026-01-01T00:00:00.000Z'));
    fs.rmSync(mcpRecordsFile(env));
    expect(installMcpServer(env, gemini, ENTRY, at('2026-03-01T00:00:00.000Z'))).toEqual({ kind: 'already-installed' });
    expect(recordOf(gemini.file)).toEqual({ host: 'gemini', scope: 'user', entry: ENTRY, fileCreated: false, installedAt: '2026-03-01T00:00:00.000Z' });
    // With the record there, it stays as it is.
    installMcpServer(env, { ...gemini, scope: 'project' }, ENTRY, at('2026-04-01T00:00:00.000Z'));
    expect(recordOf(gemini.file)).toMatchObject({ scope: 'user', installedAt: '2026-03-01T00:00:00.000Z' });
  });

  it('keeps, for a Buddy that moved, when and how the first install was made, without its undo', () => {
    installMcpServer(env, gemini, ENTRY, at('2026-01-01T00:00:00.000Z'));
    expect(recordOf(gemini.file)).toMatchObject({ fileCreated: true, createdServers: true });
    expect(recordOf(gemini.file)?.undo).toBeDefined();
    expect(installMcpServer(env, gemini, MOVED, at('2026-02-01T00:00:00.000Z'))).toMatchObject({ kind: 'installed', moved: true });
    const record = recordOf(gemini.file)!;
    expect(record).toMatchObject({ host: 'gemini', scope: 'user', entry: MOVED, fileCreated: true, installedAt: '2026-01-01T00:00:00.000Z' });
    expect(record.undo).toBeUndefined();
  });
});

describe('a moved Buddy found without a record', () => {
  it('gets a record of its own, made fresh', () => {
    installMcpServer(env, gemini, ENTRY, at('2026-01-01T00:00:00.000Z'));
    fs.rmSync(mcpRecordsFile(env));
    expect(installMcpServer(env, gemini, MOVED, at('2026-02-01T00:00:00.000Z'))).toMatchObject({ kind: 'installed', moved: true });
    expect(recordOf(gemini.file)).toEqual({ host: 'gemini', scope: 'user', entry: MOVED, fileCreated: false, installedAt: '2026-02-01T00:00:00.000Z' });
  });
});

describe("an entry not in Buddy's form, owned by its record alone", () => {
  it('is recognised by a second install, by doctor, and taken out by uninstall', () => {
    put(gemini.file, '{ "theme": "dark" }\n');
    installMcpServer(env, gemini, OLD, at('2026-01-01T00:00:00.000Z'));
    const installed = bytes(gemini.file);
    expect(installMcpServer(env, gemini, OLD, at('2026-01-02T00:00:00.000Z'))).toEqual({ kind: 'already-installed' });
    expect(bytes(gemini.file)).toBe(installed);
    expect(inspectMcpServer(env, gemini)).toMatchObject({ state: 'read', mine: OLD, foreign: undefined, gone: ['buddy-old', 'serve-mcp'], recorded: true });
    expect(uninstallMcpServer(env, gemini, at('2026-01-03T00:00:00.000Z'))).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(bytes(gemini.file)).toBe('{ "theme": "dark" }\n');
  });

  it('is taken out by its record when the file changed too much for the undo', () => {
    put(gemini.file, '{ "theme": "dark" }\n');
    installMcpServer(env, gemini, OLD, at('2026-01-01T00:00:00.000Z'));
    fs.writeFileSync(gemini.file, bytes(gemini.file)!.replace('"dark"', '"darker"'));
    expect(uninstallMcpServer(env, gemini, at('2026-01-02T00:00:00.000Z'))).toMatchObject({ kind: 'removed', exact: false, deleted: false });
    expect(JSON.parse(bytes(gemini.file)!)).toEqual({ theme: 'darker' });
  });
});

describe('uninstall', () => {
  it('answers not-installed or already-removed when there is nothing to take out, and writes no record then', () => {
    put(gemini.file, '{ "theme": "dark" }\n');
    expect(uninstallMcpServer(env, gemini, at('2026-01-01T00:00:00.000Z'))).toEqual({ kind: 'not-installed' });
    expect(fs.existsSync(mcpRecordsFile(env))).toBe(false);
    installMcpServer(env, gemini, ENTRY, at('2026-01-01T00:00:00.000Z'));
    fs.writeFileSync(gemini.file, '{ "theme": "dark" }\n');
    expect(uninstallMcpServer(env, gemini, at('2026-01-02T00:00:00.000Z'))).toEqual({ kind: 'already-removed' });
    expect(recordOf(gemini.file)).toBeUndefined();
  });

  it("takes out Buddy's entry found without a record, and keeps the file", () => {
    installMcpServer(env, gemini, ENTRY, at('2026-01-01T00:00:00.000Z'));
    fs.rmSync(mcpRecordsFile(env));
    expect(uninstallMcpServer(env, gemini, at('2026-01-02T00:00:00.000Z'))).toMatchObject({ kind: 'removed', exact: false, deleted: false });
    expect(fs.existsSync(gemini.file)).toBe(true);
  });

  it('keeps a link put in place of a file Buddy made, and takes Buddy out of the file it leads to', () => {
    installMcpServer(env, gemini, ENTRY, at('2026-01-01T00:00:00.000Z'));
    const moved = path.join(root, 'dotfiles', 'gemini.json');
    fs.mkdirSync(path.dirname(moved));
    fs.renameSync(gemini.file, moved);
    fs.symlinkSync(moved, gemini.file);
    expect(uninstallMcpServer(env, gemini, at('2026-01-02T00:00:00.000Z'))).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(fs.lstatSync(gemini.file).isSymbolicLink()).toBe(true);
    expect(bytes(moved)).toBe('');
  });
});

describe('inspectMcpServer', () => {
  it("says why it cannot read a file, in one line", () => {
    fs.mkdirSync(gemini.file, { recursive: true });
    const inspection = inspectMcpServer(env, gemini);
    expect(inspection.state).toBe('unreadable');
    expect(inspection.state === 'unreadable' && inspection.message).toBe(`${gemini.file} is a folder; Buddy replaces only regular files, nothing was changed.`);
    put(path.join(root, 'broken', '.gemini', 'settings.json'), '{ "mcpServers": ');
    expect(inspectMcpServer(env, { ...gemini, file: path.join(root, 'broken', '.gemini', 'settings.json') })).toMatchObject({ state: 'unreadable' });
  });

  it("names another tool's entry by its command, or says it has none, and looks for no paths of it", () => {
    put(gemini.file, '{ "mcpServers": { "buddy": { "command": "/nonexistent/other-buddy", "args": ["serve"] } } }');
    expect(inspectMcpServer(env, gemini)).toEqual({
      state: 'read',
      mine: undefined,
      foreign: '/nonexistent/other-buddy serve',
      gone: [],
      recorded: false,
      value: { command: '/nonexistent/other-buddy', args: ['serve'] },
    });
    put(gemini.file, '{ "mcpServers": { "buddy": { "url": "http://localhost:9000" } } }');
    expect(inspectMcpServer(env, gemini)).toMatchObject({ state: 'read', mine: undefined, foreign: 'an entry without a command', gone: [] });
    put(gemini.file, '{ "mcpServers": { "other": {} } }');
    expect(inspectMcpServer(env, gemini)).toMatchObject({ state: 'read', mine: undefined, foreign: undefined, gone: [] });
  });

  it("names only the paths of Buddy's entry that are gone", () => {
    const node = path.join(root, 'bin', 'node');
    const bundle = path.join(root, 'buddy', 'dist', 'buddy.js');
    put(node, '');
    put(bundle, '');
    const mine = buddyMcpEntry(node, bundle);
    installMcpServer(env, gemini, mine, at('2026-01-01T00:00:00.000Z'));
    expect(inspectMcpServer(env, gemini)).toMatchObject({ state: 'read', mine, foreign: undefined, gone: [] });
    fs.rmSync(bundle);
    expect(inspectMcpServer(env, gemini)).toMatchObject({ gone: [bundle] });
  });
});
