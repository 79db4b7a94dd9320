// The read-only snapshot used on fast paths: sees what the store wrote, fills in defaults, and never
// throws, whatever the file holds. A config.json that is not a regular file is refused in one line: it is
// not "no config" (which would let a hatch write over it).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { FileAccessError } from '../../src/files/errors.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { openConfigStore } from '../../src/store/config-store.js';
import { DEFAULT_SETTINGS } from '../../src/store/schema.js';
import { makeTempConfig, removeTempConfig } from '../helpers/temp-config.js';

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  ({ root, dir, env } = makeTempConfig('buddy-snapshot-'));
});

afterEach(() => removeTempConfig({ root, dir, env }));

function writeConfig(content: string | Buffer): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.json'), content);
}

describe('readConfigSnapshot', () => {
  it('gives defaults when there is no config, and creates nothing', () => {
    expect(readConfigSnapshot(env)).toEqual({ settings: DEFAULT_SETTINGS });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('sees what the store wrote', () => {
    const bones = rollFromUserId('buddy-1');
    const buddy = makeStoredBuddy(bones, { name: 'Fennet', personality: 'Calm.' }, 'offline', new Date(0));
    saveBuddy(buddy, env);
    openConfigStore(env).update((config) => {
      config.localUserId = 'local-1';
      config.settings = { ...config.settings, statuslineLayout: 'full' };
    });
    const snapshot = readConfigSnapshot(env);
    expect(snapshot.buddy).toEqual(buddy);
    expect(snapshot.localUserId).toBe('local-1');
    expect(snapshot.settings).toEqual({ ...DEFAULT_SETTINGS, statuslineLayout: 'full' });
  });

  it('reads the language setting when it is a language tag, and its default otherwise', () => {
    writeConfig(JSON.stringify({ settings: { language: 'pt-BR' } }));
    expect(readConfigSnapshot(env).settings.language).toBe('pt-BR');
    for (const bad of ['de DE', 'x'.repeat(40), 42, '', '-de', 'de_DE']) {
      writeConfig(JSON.stringify({ settings: { language: bad, muted: true } }));
      expect(readConfigSnapshot(env).settings, JSON.stringify(bad)).toEqual({ ...DEFAULT_SETTINGS, muted: true });
    }
  });

  it('keeps the language a soul was written in, and reads one that is not a tag as English, keeping the buddy', () => {
    const buddy = { ...makeStoredBuddy(rollFromUserId('buddy-1'), { name: 'Fennet', personality: 'Calm.' }, 'model', new Date(0), 'm', 0, 'de') };
    expect(buddy.soulLanguage).toBe('de');
    expect(makeStoredBuddy(rollFromUserId('buddy-1'), { name: 'Fennet', personality: 'Calm.' }, 'offline', new Date(0), undefined, 0, 'en').soulLanguage).toBeUndefined();
    saveBuddy(buddy, env);
    expect(readConfigSnapshot(env).buddy?.soulLanguage).toBe('de');
    writeConfig(JSON.stringify({ buddy: { ...buddy, soulLanguage: 'not a tag' } }));
    const read = readConfigSnapshot(env).buddy;
    expect(read?.name).toBe('Fennet');
    expect(read?.soulLanguage).toBeUndefined();
  });

  it('fills in missing settings and a missing memory', () => {
    const { memory: _memory, ...withoutMemory } = makeStoredBuddy(rollFromUserId('buddy-0'), { name: 'Old', personality: 'Old is old.' }, 'offline', new Date(0));
    writeConfig(JSON.stringify({ settings: { muted: true }, buddy: withoutMemory }));
    const snapshot = readConfigSnapshot(env);
    expect(snapshot.settings).toEqual({ ...DEFAULT_SETTINGS, muted: true });
    expect(snapshot.buddy?.name).toBe('Old');
    expect(snapshot.buddy?.memory).toEqual([]);
  });

  it.each([
    ['truncated JSON', '{"settings": {"muted": tr'],
    ['an empty file', ''],
    ['null', 'null'],
    ['an array', '[1, 2]'],
    ['a number', '7'],
    ['a string', '"config"'],
    ['settings that are not an object', '{"settings": 5, "buddy": "Pip", "localUserId": 12}'],
    ['settings set to null', '{"settings": null, "buddy": null}'],
    ['binary noise', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x1b])],
  ])('never throws on %s and falls back to defaults', (_label, content) => {
    writeConfig(content);
    let snapshot: ReturnType<typeof readConfigSnapshot> | undefined;
    expect(() => (snapshot = readConfigSnapshot(env))).not.toThrow();
    expect(snapshot).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('refuses a config.json that is a directory, in one line, and leaves it there', () => {
    fs.mkdirSync(path.join(dir, 'config.json'), { recursive: true });
    expect(() => readConfigSnapshot(env)).toThrow(new FileAccessError('not-regular', path.join(dir, 'config.json'), `${path.join(dir, 'config.json')} is a folder, not a regular file; Buddy reads only regular files`));
    expect(fs.statSync(path.join(dir, 'config.json')).isDirectory()).toBe(true);
  });

  it('does not change the file it reads', () => {
    writeConfig('{"broken": ');
    readConfigSnapshot(env);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe('{"broken": ');
    expect(fs.readdirSync(dir)).toEqual(['config.json']);
  });
});

describe('DEFAULT_SETTINGS', () => {
  it('are what the schema falls back to', async () => {
    const v = await import('valibot');
    const { SettingsSchema } = await import('../../src/store/schema.js');
    expect(v.parse(SettingsSchema, {})).toEqual(DEFAULT_SETTINGS);
  });
});
