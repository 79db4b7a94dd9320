// The MCP installer on GitHub Copilot CLI's mcp-config.json (JSON with comments and trailing commas, as
// Copilot reads it) and Cursor's mcp.json (strict JSON), on a throwaway HOME. The files are compared byte
// for byte: made and taken away again, found (comments, other servers, CRLF) and given back, Buddy's entry
// already there, a moved Buddy, a foreign "buddy", and files the host would not read refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buddyMcpEntry } from '../../src/installers/mcp-entry.js';
import { inspectMcpServer, installMcpServer, uninstallMcpServer, type McpTarget } from '../../src/installers/mcp-install.js';
import { mcpRecordsFile } from '../../src/installers/mcp-records.js';
import { McpEntryConflict } from '../../src/installers/text/mcp-json-edit.js';
import { mcpTarget } from '../../src/installers/mcp-targets.js';
import { bytes, editOnce, put, userEdit } from './installer-support.js';

const ENTRY = buddyMcpEntry('/opt/node/bin/node', '/opt/buddy/dist/buddy.js');
const MOVED = buddyMcpEntry('/usr/local/bin/node', '/srv/buddy/dist/buddy.js');

/** Copilot's entry as `copilot mcp add` would put it, members in Buddy's order. */
const COPILOT_ENTRY_TEXT = (indent: string, eol = '\n'): string =>
  [
    '"buddy": {',
    '  "type": "local",',
    '  "command": "/opt/node/bin/node",',
    '  "args": [',
    '    "/opt/buddy/dist/buddy.js",',
    '    "mcp"',
    '  ],',
    '  "tools": [',
    '    "*"',
    '  ]',
    '}',
  ].join(`${eol}${indent}`);

const CURSOR_ENTRY_TEXT = (indent: string, eol = '\n'): string =>
  ['"buddy": {', '  "command": "/opt/node/bin/node",', '  "args": [', '    "/opt/buddy/dist/buddy.js",', '    "mcp"', '  ]', '}'].join(`${eol}${indent}`);

// As people write it: a comment, another server with its own tool filter, a trailing comma Copilot takes.
const COPILOT_CONFIG = `{
  // my servers
  "mcpServers": {
    "playwright": {
      "type": "local",
      "command": "npx",
      "args": ["@playwright/mcp@latest"],
      "tools": ["*"],
    },
    "study-buddy": { "type": "local", "command": "/opt/study-buddy", "args": ["mcp"], "tools": ["*"] }, /* mine */
  },
}
`;

const CURSOR_CONFIG = '{\r\n  "mcpServers": {\r\n    "docs": {\r\n      "command": "npx",\r\n      "args": ["-y", "docs-mcp"]\r\n    }\r\n  }\r\n}\r\n';

let root: string;
let env: NodeJS.ProcessEnv;
let tick: number;
const now = (): Date => new Date((tick += 1000));

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-mcp-copilot-cursor-'));
  env = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config') };
  tick = Date.UTC(2026, 0, 1);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const project = (): string => path.join(root, 'acme');
const copilot = (): McpTarget => mcpTarget(env, 'copilot', false, project());
const cursor = (inProject = false): McpTarget => mcpTarget(env, 'cursor', inProject, project());
const install = (target: McpTarget, entry = ENTRY) => installMcpServer(env, target, entry, now());
const uninstall = (target: McpTarget) => uninstallMcpServer(env, target, now());
const records = (): Record<string, unknown> => (JSON.parse(fs.readFileSync(mcpRecordsFile(env), 'utf8')) as { installs: Record<string, unknown> }).installs;

describe('GitHub Copilot CLI: ~/.copilot/mcp-config.json', () => {
  it('makes the file as Copilot would, for its owner alone, and takes it away again', () => {
    const { file, scope } = copilot();
    expect([file, scope]).toEqual([path.join(root, '.copilot', 'mcp-config.json'), 'user']);
    expect(install(copilot())).toEqual({ kind: 'installed', moved: false, backup: undefined });
    expect(bytes(file)).toBe(`{\n  "mcpServers": {\n    ${COPILOT_ENTRY_TEXT('    ')}\n  }\n}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(records()[file]).toMatchObject({ host: 'copilot', scope: 'user', entry: ENTRY, fileCreated: true, createdServers: true });
    expect(uninstall(copilot())).toMatchObject({ kind: 'removed', exact: true, deleted: true });
    expect(fs.existsSync(file)).toBe(false);
    expect(records()).toEqual({});
  });

  it('follows COPILOT_HOME (relative to where Buddy runs, made absolute)', () => {
    env.COPILOT_HOME = path.join(root, 'copilot-home');
    expect(copilot().file).toBe(path.join(root, 'copilot-home', 'mcp-config.json'));
    env.COPILOT_HOME = 'relative-home';
    expect(copilot().file).toBe(path.resolve('relative-home', 'mcp-config.json'));
    env.COPILOT_HOME = '';
    expect(copilot().file).toBe(path.join(root, '.copilot', 'mcp-config.json'));
  });

  it('adds one member after the others, keeping comments and trailing commas; twice is a no-op; uninstall gives the bytes back', () => {
    const { file } = copilot();
    put(file, COPILOT_CONFIG);
    expect(install(copilot())).toMatchObject({ kind: 'installed', moved: false });
    const after = bytes(file)!;
    expect(after).toBe(editOnce(COPILOT_CONFIG, '"tools": ["*"] }, /* mine */', `"tools": ["*"] },\n    ${COPILOT_ENTRY_TEXT('    ')}, /* mine */`));
    expect(install(copilot())).toEqual({ kind: 'already-installed' });
    expect(bytes(file)).toBe(after);
    expect(inspectMcpServer(env, copilot())).toMatchObject({ state: 'read', mine: ENTRY, recorded: true });
    expect(uninstall(copilot())).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(bytes(file)).toBe(COPILOT_CONFIG);
    expect(uninstall(copilot())).toEqual({ kind: 'not-installed' });
    expect(bytes(file)).toBe(COPILOT_CONFIG);
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const { file } = copilot();
    const text = '\uFEFF{\r\n  "mcpServers": {}\r\n}\r\n';
    put(file, text);
    install(copilot());
    expect(bytes(file)).toBe(`\uFEFF{\r\n  "mcpServers": {\r\n    ${COPILOT_ENTRY_TEXT('    ', '\r\n')}\r\n  }\r\n}\r\n`);
    uninstall(copilot());
    expect(bytes(file)).toBe(text);
  });

  it('keeps the person\'s edits since install, and their own tool filter goes with Buddy\'s entry', () => {
    const { file } = copilot();
    put(file, COPILOT_CONFIG);
    install(copilot());
    userEdit(file, '"tools": [\n        "*"\n      ]\n    }', '"tools": ["buddy_card"]\n    }');
    userEdit(file, '// my servers', '// my servers, sorted');
    expect(uninstall(copilot())).toMatchObject({ kind: 'removed', exact: false });
    expect(bytes(file)).toBe(editOnce(COPILOT_CONFIG, '// my servers', '// my servers, sorted'));
  });

  it('knows its own entry by its form without a record, and points it at a moved Buddy in place', () => {
    const { file } = copilot();
    const mine = `{"mcpServers": {"buddy": {"type": "local", "command": "/opt/node/bin/node", "args": ["/opt/buddy/dist/buddy.js", "mcp"], "tools": ["*"], "env": {"X": "1"}}}}\n`;
    put(file, mine);
    expect(install(copilot())).toEqual({ kind: 'already-installed' });
    expect(bytes(file)).toBe(mine);
    expect(install(copilot(), MOVED)).toMatchObject({ kind: 'installed', moved: true });
    // The args are written anew, in the compact form of a one-line file; the rest of the entry stays.
    expect(bytes(file)).toBe(mine.replace('"/opt/node/bin/node"', '"/usr/local/bin/node"').replace('["/opt/buddy/dist/buddy.js", "mcp"]', '["/srv/buddy/dist/buddy.js","mcp"]'));
    expect(uninstall(copilot())).toMatchObject({ kind: 'removed' });
    expect(bytes(file)).toBe('{"mcpServers": {}}\n');
  });

  it('leaves a foreign "buddy" alone: install refuses, uninstall does nothing, inspect names it', () => {
    const { file } = copilot();
    const foreign = '{ "mcpServers": { "buddy": { "type": "local", "command": "npx", "args": ["buddy-mcp"], "tools": ["*"] } } }\n';
    put(file, foreign);
    expect(() => install(copilot())).toThrow(McpEntryConflict);
    expect(bytes(file)).toBe(foreign);
    expect(uninstall(copilot())).toEqual({ kind: 'not-installed' });
    expect(bytes(file)).toBe(foreign);
    expect(inspectMcpServer(env, copilot())).toMatchObject({ state: 'read', mine: undefined, foreign: 'npx buddy-mcp' });
    expect(fs.existsSync(mcpRecordsFile(env))).toBe(false);
  });

  it.each([
    ['unquoted keys', "{ mcpServers: { 'a': { command: 'a' } } }\n"],
    ['text after the object', '{ "mcpServers": {} } trailing\n'],
    ['an array', '[]\n'],
  ])('refuses a file Copilot cannot read (%s), and changes nothing', (_, text) => {
    const { file } = copilot();
    put(file, text);
    expect(() => install(copilot())).toThrow(`${file} is not valid JSON (comments and trailing commas are fine); fix it and run this again. Nothing was changed.`);
    expect(bytes(file)).toBe(text);
    expect(fs.existsSync(mcpRecordsFile(env))).toBe(false);
  });
});

describe('Cursor: ~/.cursor/mcp.json and a project\'s .cursor/mcp.json', () => {
  it('makes the user\'s file with a plain command and args, and takes it away again', () => {
    const { file, scope } = cursor();
    expect([file, scope]).toEqual([path.join(root, '.cursor', 'mcp.json'), 'user']);
    expect(install(cursor())).toEqual({ kind: 'installed', moved: false, backup: undefined });
    expect(bytes(file)).toBe(`{\n  "mcpServers": {\n    ${CURSOR_ENTRY_TEXT('    ')}\n  }\n}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    expect(uninstall(cursor())).toMatchObject({ kind: 'removed', exact: true, deleted: true });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('adds one member to a CRLF file beside other servers; twice is a no-op; uninstall gives the bytes back', () => {
    const { file } = cursor();
    put(file, CURSOR_CONFIG);
    expect(install(cursor())).toMatchObject({ kind: 'installed', moved: false });
    const after = bytes(file)!;
    expect(after).toBe(editOnce(CURSOR_CONFIG, '"docs-mcp"]\r\n    }', `"docs-mcp"]\r\n    },\r\n    ${CURSOR_ENTRY_TEXT('    ', '\r\n')}`));
    expect(JSON.parse(after)).toEqual({
      mcpServers: { docs: { command: 'npx', args: ['-y', 'docs-mcp'] }, buddy: { command: ENTRY.command, args: ENTRY.args } },
    });
    expect(install(cursor())).toEqual({ kind: 'already-installed' });
    expect(bytes(file)).toBe(after);
    expect(uninstall(cursor())).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(bytes(file)).toBe(CURSOR_CONFIG);
  });

  it('adds mcpServers to a file without one, on its one line', () => {
    const { file } = cursor();
    put(file, '{"theme": "dark"}');
    install(cursor());
    expect(bytes(file)).toBe('{"theme": "dark", "mcpServers": {"buddy":{"command":"/opt/node/bin/node","args":["/opt/buddy/dist/buddy.js","mcp"]}}}');
    uninstall(cursor());
    expect(bytes(file)).toBe('{"theme": "dark"}');
  });

  it('writes the project\'s .cursor/mcp.json with --project, a scope of its own', () => {
    const inProject = cursor(true);
    expect([inProject.file, inProject.scope]).toEqual([path.join(project(), '.cursor', 'mcp.json'), 'project']);
    install(inProject);
    expect(inspectMcpServer(env, cursor())).toEqual({ state: 'missing' });
    expect(records()[inProject.file]).toMatchObject({ host: 'cursor', scope: 'project', fileCreated: true });
    expect(uninstall(cursor())).toEqual({ kind: 'not-installed' });
    expect(uninstall(inProject)).toMatchObject({ kind: 'removed', deleted: true });
    expect(fs.existsSync(inProject.file)).toBe(false);
  });

  it('leaves a foreign "buddy" alone', () => {
    const { file } = cursor();
    const foreign = '{ "mcpServers": { "buddy": { "url": "https://buddy.example/mcp" } } }\n';
    put(file, foreign);
    expect(() => install(cursor())).toThrow(McpEntryConflict);
    expect(uninstall(cursor())).toEqual({ kind: 'not-installed' });
    expect(bytes(file)).toBe(foreign);
  });

  it.each([
    ['a comment', '{\n  // mine\n  "mcpServers": {}\n}\n'],
    ['a trailing comma', '{ "mcpServers": {}, }\n'],
  ])('refuses %s, which its documented plain JSON does not have, and changes nothing', (_, text) => {
    const { file } = cursor();
    put(file, text);
    expect(() => install(cursor())).toThrow(/is not valid JSON/);
    expect(bytes(file)).toBe(text);
    expect(fs.existsSync(mcpRecordsFile(env))).toBe(false);
  });
});
