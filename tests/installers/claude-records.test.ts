// Buddy's records of its Claude Code installs, in process: which recorded values are kept (each check on
// both sides), and what is kept of a record of the first release, which held whole copies of the settings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRecords, recordsFile, writeRecords } from '../../src/installers/hosts/claude-code/records.js';

let root: string;
let env: NodeJS.ProcessEnv;
const USER_FILE = '/home/pat/.claude/settings.json';
const MINE = '/usr/bin/node /opt/b/dist/buddy.js hook prompt';

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-claude-records-'));
  env = { BUDDY_CONFIG_DIR: path.join(root, 'config') };
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(document: unknown): void {
  fs.mkdirSync(path.dirname(recordsFile(env)), { recursive: true });
  fs.writeFileSync(recordsFile(env), typeof document === 'string' ? document : JSON.stringify(document));
}
const read = () => readRecords(env, USER_FILE);
const valid = { scope: 'user', commands: [MINE], fileCreated: false, installedAt: '2026-05-01T00:00:00.000Z' };

describe('Claude Code install records', () => {
  it('live in claude-code-installs.json; none without a file, damaged when not JSON or not an object', () => {
    expect(recordsFile(env)).toBe(path.join(root, 'config', 'claude-code-installs.json'));
    expect(read()).toEqual({ records: {}, damaged: false });
    write('{oops');
    expect(read()).toEqual({ records: {}, damaged: true });
    for (const document of [[1], 'null', '"text"']) {
      write(document);
      expect(read(), String(document)).toEqual({ records: {}, damaged: true });
    }
  });

  it('keep each valid record of version 2, with its optional parts only when they check out', () => {
    const wrapped = '{"type":"command","command":"echo mine"}';
    write({
      version: 2,
      installs: {
        '/a': valid,
        '/b': { ...valid, scope: 'global' },
        '/c': { ...valid, commands: [MINE, 5] },
        '/d': { ...valid, commands: MINE },
        '/e': { ...valid, created: ['statusLine'] },
        '/f': { ...valid, created: [1] },
        '/g': { ...valid, fileCreated: 'yes' },
        '/h': { ...valid, installedAt: 0 },
        '/i': { ...valid, wrapped },
        '/j': { ...valid, wrapped: '[1]' },
        '/k': { ...valid, wrapped: 'not json' },
        '/l': { ...valid, wrapped: 5 },
        '/m': { ...valid, wrapped, undo: [{ offset: 0, inserted: 'x', original: wrapped }] },
        '/n': { ...valid, undo: [{ offset: 0, inserted: 'x', original: 'theirs' }] },
        '/o': null,
        '/p': { ...valid, wrapped: 'null' },
      },
    });
    expect(read()).toEqual({
      damaged: false,
      records: {
        '/a': valid,
        '/e': { ...valid, created: ['statusLine'] },
        '/i': { ...valid, wrapped },
        '/m': { ...valid, wrapped, undo: [{ offset: 0, inserted: 'x', original: wrapped }] },
        '/n': valid,
      },
    });
  });

  it("keep only Buddy's commands and the wrapped statusLine of a first-release record", () => {
    const installedContent = JSON.stringify({ statusLine: { command: '/usr/bin/node /opt/b/dist/buddy.js statusline' }, hooks: { x: [{ command: MINE }, { command: 'echo other' }, { command: 'bad \\q' }] } });
    write({
      [USER_FILE]: { installedContent, wrapped: { type: 'command', command: 'echo mine' }, installedAt: '2025-01-01T00:00:00.000Z' },
      '/p/.claude/settings.json': { installedContent: '{}' },
      '/q': { installedContent: 5 },
      '/r': null,
    });
    expect(read()).toEqual({
      damaged: false,
      records: {
        [USER_FILE]: {
          scope: 'user',
          commands: ['/usr/bin/node /opt/b/dist/buddy.js statusline', MINE],
          wrapped: '{"type":"command","command":"echo mine"}',
          fileCreated: false,
          installedAt: '2025-01-01T00:00:00.000Z',
        },
        '/p/.claude/settings.json': { scope: 'project', commands: [], fileCreated: false, installedAt: '1970-01-01T00:00:00.000Z' },
      },
    });
  });

  it('keep no key for an optional part a record lacks, and no key for a record dropped', () => {
    write({ version: 2, installs: { '/a': valid, '/b': { ...valid, scope: 'global' } } });
    const { records } = read();
    expect(Object.keys(records)).toEqual(['/a']);
    expect(Object.keys(records['/a']!)).toEqual(['scope', 'commands', 'fileCreated', 'installedAt']);
  });

  it('drop a wrapped statusLine that is not the text of an object, and an undo with one bad step', () => {
    const wrapped = '{"type":"command","command":"echo mine"}';
    write({
      version: 2,
      installs: {
        '/a': { ...valid, wrapped: ['{}'] },
        '/b': { ...valid, wrapped: '5' },
        '/c': { ...valid, wrapped: '"echo mine"' },
        '/d': { ...valid, wrapped, undo: [{ offset: 0, inserted: 'x', original: wrapped }, { offset: 'nowhere' }] },
      },
    });
    expect(read()).toEqual({ damaged: false, records: { '/d': { ...valid, wrapped } } });
  });

  it('read only version 2 with an installs object as today’s records', () => {
    write({ version: 3, installs: { '/a': valid } });
    expect(read()).toEqual({ records: {}, damaged: false });
    write({ version: 2, installs: null });
    expect(read()).toEqual({ records: {}, damaged: false });
  });

  it('take the commands of a first-release record however its JSON was spaced, and skip a command that is not JSON', () => {
    write({
      [USER_FILE]: { installedContent: `{ "statusLine": { "command":  "/usr/bin/node /opt/b/dist/buddy.js statusline" }, "x": { "command": "\\x" } }`, wrapped: 'echo mine' },
      '/p': { installedContent: '{}', wrapped: null },
    });
    expect(read()).toEqual({
      damaged: false,
      records: {
        [USER_FILE]: { scope: 'user', commands: ['/usr/bin/node /opt/b/dist/buddy.js statusline'], fileCreated: false, installedAt: '1970-01-01T00:00:00.000Z' },
        '/p': { scope: 'project', commands: [], fileCreated: false, installedAt: '1970-01-01T00:00:00.000Z' },
      },
    });
    expect(Object.keys(read().records[USER_FILE]!)).not.toContain('wrapped');
  });

  it('are written as version 2, and read back the same', () => {
    writeRecords(env, read(), { '/a': valid as never }, new Date());
    expect(JSON.parse(fs.readFileSync(recordsFile(env), 'utf8'))).toEqual({ version: 2, installs: { '/a': valid } });
    expect(read()).toEqual({ records: { '/a': valid }, damaged: false });
  });
});
