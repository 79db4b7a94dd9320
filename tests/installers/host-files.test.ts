// A host's config file and Buddy's MCP install records, in process: what is read from each kind of file,
// the one line each refusal says, and which recorded values are kept (each check on both sides).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedJson, readSettingsFile, refuseReadOnly, removeSettingsFile, writeSettingsFile } from '../../src/installers/config-file.js';
import { mcpRecordsFile, readMcpRecords, writeMcpRecords } from '../../src/installers/mcp-records.js';
import { settingsRefusal } from '../helpers/settings-refusal.js';

let root: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-host-files-'));
  env = { BUDDY_CONFIG_DIR: path.join(root, 'config') };
});
afterEach(() => {
  fs.chmodSync(root, 0o700);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('a host config file', () => {
  it('reads nothing where there is no file, and the text and whether it may be written where there is', () => {
    const file = path.join(root, 'settings.json');
    expect(readSettingsFile(file)).toEqual({ target: file, text: null, readOnly: false });
    fs.writeFileSync(file, '{}');
    expect(readSettingsFile(file)).toEqual({ target: file, text: '{}', readOnly: false });
    fs.chmodSync(file, 0o444);
    expect(readSettingsFile(file).readOnly).toBe(true);
    const link = path.join(root, 'link.json');
    fs.symlinkSync(file, link);
    expect(readSettingsFile(link)).toMatchObject({ target: file, text: '{}' });
  });

  it('refuses a FIFO in one line that says nothing was changed, once', () => {
    const fifo = path.join(root, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const message = settingsRefusal(() => readSettingsFile(fifo));
    expect(message).toContain(fifo);
    expect(message).not.toContain('\n');
    expect(message.match(/nothing was changed/gi)).toHaveLength(1);
    expect(message.endsWith('.')).toBe(true);
  });

  it('checks JSON the way Claude Code reads it: blank, or an object, after a byte order mark', () => {
    expect(checkedJson('f', null)).toEqual({ bom: '', body: '' });
    expect(checkedJson('f', ' \n')).toEqual({ bom: '', body: ' \n' });
    expect(checkedJson('f', '\uFEFF{"a":1}')).toEqual({ bom: '\uFEFF', body: '{"a":1}' });
    expect(settingsRefusal(() => checkedJson('/x/settings.json', '{"a":1,}'))).toBe('/x/settings.json is not valid JSON; fix it (or move it aside) and run this again. Nothing was changed.');
    expect(settingsRefusal(() => checkedJson('/x/settings.json', '[1]'))).toBe('/x/settings.json does not hold a JSON object. Nothing was changed.');
    expect(settingsRefusal(() => checkedJson('/x/settings.json', 'null'))).toBe('/x/settings.json does not hold a JSON object. Nothing was changed.');
    expect(settingsRefusal(() => checkedJson('/x/settings.json', '"text"'))).toBe('/x/settings.json does not hold a JSON object. Nothing was changed.');
  });

  it('writes a new file with the mode asked for, and leaves a read-only one as it is', () => {
    const file = path.join(root, 'new.json');
    writeSettingsFile(file, readSettingsFile(file), '{"a":1}\n', 0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o444);
    const message = settingsRefusal(() => writeSettingsFile(file, readSettingsFile(file), '{}', 0o600));
    expect(message).toBe(`${file} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it). Nothing was changed.`);
    expect(settingsRefusal(() => removeSettingsFile(file, readSettingsFile(file)))).toBe(message);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}\n');
    expect(() => refuseReadOnly(file, { target: file, text: '', readOnly: false })).not.toThrow();
  });

  it('takes away a file Buddy made, and says why when it cannot', () => {
    const file = path.join(root, 'made.json');
    fs.writeFileSync(file, '{}');
    removeSettingsFile(file, readSettingsFile(file));
    expect(fs.existsSync(file)).toBe(false);
    const folder = path.join(root, 'folder.json');
    fs.mkdirSync(folder);
    const message = settingsRefusal(() => removeSettingsFile(folder, { target: folder, text: '{}', readOnly: false }));
    expect(message).toContain(folder);
    expect(message.match(/nothing was changed/gi)).toHaveLength(1);
  });
});

describe('MCP install records', () => {
  const valid = { host: 'gemini', scope: 'user', entry: { command: '/n', args: ['/b/dist/buddy.js', 'mcp'] }, fileCreated: false, installedAt: '2026-05-01T00:00:00.000Z' };
  const write = (document: unknown): void => {
    fs.mkdirSync(path.dirname(mcpRecordsFile(env)), { recursive: true });
    fs.writeFileSync(mcpRecordsFile(env), typeof document === 'string' ? document : JSON.stringify(document));
  };

  it('live in mcp-installs.json in Buddy config folder', () => {
    expect(mcpRecordsFile(env)).toBe(path.join(root, 'config', 'mcp-installs.json'));
  });

  it('are none, undamaged, without a file; damaged when it is not version 1 with an object of installs', () => {
    expect(readMcpRecords(env)).toEqual({ records: {}, damaged: false });
    write('{oops');
    expect(readMcpRecords(env)).toEqual({ records: {}, damaged: true });
    for (const document of [{ version: 2, installs: {} }, { version: 1, installs: [] }, { version: 1, installs: null }, { version: 1 }, [1], 'null']) {
      write(document);
      expect(readMcpRecords(env), JSON.stringify(document)).toEqual({ records: {}, damaged: true });
    }
  });

  it('keep each valid record, with its optional parts only when they check out, and drop the rest', () => {
    write({
      version: 1,
      installs: {
        '/a': valid,
        '/b': { ...valid, host: 'windsurf' },
        '/c': { ...valid, scope: 'global' },
        '/d': { ...valid, fileCreated: 'no' },
        '/e': { ...valid, installedAt: 5 },
        '/f': { ...valid, createdServers: 'yes' },
        '/g': { ...valid, entry: { command: 5 } },
        '/h': { ...valid, createdServers: true, undo: [{ offset: 0, inserted: 'x', original: ' ' }] },
        '/i': { ...valid, undo: [{ offset: 0, inserted: 'x', original: 'theirs' }] },
        '/j': { ...valid, undo: 'steps' },
        '/k': null,
        '/l': 'record',
      },
    });
    expect(readMcpRecords(env)).toEqual({
      damaged: false,
      records: {
        '/a': valid,
        '/h': { ...valid, createdServers: true, undo: [{ offset: 0, inserted: 'x', original: ' ' }] },
        '/i': valid,
        '/j': valid,
      },
    });
  });

  it('are written as version 1, and a damaged file is kept aside', () => {
    write('{oops');
    const loaded = readMcpRecords(env);
    writeMcpRecords(env, loaded, { '/a': valid as never }, new Date('2026-05-01T00:00:00.000Z'));
    expect(JSON.parse(fs.readFileSync(mcpRecordsFile(env), 'utf8'))).toEqual({ version: 1, installs: { '/a': valid } });
    expect(fs.readdirSync(path.join(root, 'config')).filter((name) => name.includes('damaged'))).toEqual(['mcp-installs.json.damaged-2026-05-01T00-00-00-000Z']);
  });
});
