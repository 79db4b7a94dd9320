// The config store's repairs and writes in detail: the names of the files it sets aside, the exact line
// it says for each repair, a backup that is no use, the migrations of an old file (settings added, growth
// added to each record that is a buddy and to nothing else), when an update refreshes the backup, and
// conf's own bookkeeping, serialisation and change events kept by the guarded conf.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { readCheckedSnapshot } from '../../src/store/config-snapshot.js';
import { openConfigStore } from '../../src/store/config-store.js';
import { GuardedConf } from '../../src/store/guarded-conf.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

const FIXED_NOW = new Date('2025-03-04T05:06:07.089Z');
const STAMP = '2025-03-04T05-06-07-089Z';
const HATCHED_AT = new Date('2025-01-02T03:04:05.000Z');

let temp: TempConfig;
const configPath = (): string => path.join(temp.dir, 'config.json');
const backupPath = (): string => path.join(temp.dir, 'config.backup.json');
const names = (): string[] => fs.readdirSync(temp.dir).sort();
const readJson = (file: string): Record<string, any> => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeConfig = (value: unknown): void => {
  fs.mkdirSync(temp.dir, { recursive: true });
  fs.writeFileSync(configPath(), typeof value === 'string' ? value : JSON.stringify(value));
};
const pimble = () => makeStoredBuddy(rollFromUserId('buddy-0'), { name: 'Pimble', personality: 'Pimble is calm.' }, 'offline', HATCHED_AT);
/** Pimble with an eye no roll gives: the bones fail, the soul is fine. */
const pimbleWithBadEye = () => {
  const buddy = JSON.parse(JSON.stringify(pimble()));
  buddy.bones.eye = 'no eye';
  return buddy;
};

beforeEach(() => {
  temp = makeTempConfig('buddy-config-repairs-');
});
afterEach(() => removeTempConfig(temp));

describe('a damaged config', () => {
  it('is set aside under a name that says when, and the backup comes back, in two lines', () => {
    saveBuddy(pimble(), temp.env);
    fs.writeFileSync(configPath(), '{"settings":');
    const store = openConfigStore(temp.env, FIXED_NOW);
    expect(store.warnings).toEqual([
      `config file was damaged; moved it aside to ${path.join(temp.dir, `config.json.corrupt-${STAMP}`)}`,
      'restored your buddy from the last good backup',
    ]);
    expect(fs.readFileSync(path.join(temp.dir, `config.json.corrupt-${STAMP}`), 'utf8')).toBe('{"settings":');
    expect(store.read().buddy?.name).toBe('Pimble');
  });

  it.each([
    ['a JSON array', '[1, 2]'],
    ['text that is not JSON', 'not json'],
    ['JSON null', 'null'],
  ])('is not restored from a backup that is %s', (_what, backup) => {
    writeConfig('{"settings":');
    fs.writeFileSync(backupPath(), backup);
    const store = openConfigStore(temp.env, FIXED_NOW);
    expect(store.warnings).toEqual([`config file was damaged; moved it aside to ${path.join(temp.dir, `config.json.corrupt-${STAMP}`)}`]);
    expect(store.read().buddy).toBeUndefined();
    expect(fs.readFileSync(backupPath(), 'utf8')).toBe(backup);
  });

  it('is not restored from a backup that cannot be read (a FIFO), and the store still opens', () => {
    writeConfig('{"settings":');
    execFileSync('mkfifo', [backupPath()]);
    const store = openConfigStore(temp.env, FIXED_NOW);
    expect(store.warnings).toHaveLength(1);
    expect(store.read().buddy).toBeUndefined();
    expect(fs.statSync(backupPath()).isFIFO()).toBe(true);
  });

  it('is left alone when it is a JSON object, even an empty one', () => {
    writeConfig('{}');
    expect(openConfigStore(temp.env, FIXED_NOW).warnings).toEqual([]);
    expect(names()).toEqual(['config.json']);
  });
});

describe('a config that fails the schema', () => {
  const aside = (): string => path.join(temp.dir, `config.json.invalid-${STAMP}`);

  it('names each setting that went back to its default, and keeps the file as it was', () => {
    writeConfig({ settings: { muted: 'very' }, localUserId: '' });
    const store = openConfigStore(temp.env, FIXED_NOW);
    expect(store.warnings).toEqual([`settings.muted, localUserId did not match the expected shape and went back to the default (the old file is kept as ${aside()})`]);
    expect(readJson(aside())).toMatchObject({ settings: { muted: 'very' }, localUserId: '' });
  });

  it('says how the buddy was rebuilt, and nothing about settings that were fine', () => {
    writeConfig({ buddy: pimbleWithBadEye() });
    const store = openConfigStore(temp.env, FIXED_NOW);
    expect(store.warnings).toEqual([
      `the stored buddy did not match the expected shape (bones.eye is not one of the allowed values); rolled Pimble's bones again from its idHash and salt and kept its name and personality (the old file is kept as ${aside()})`,
    ]);
    // The same buddy, with the growth the migration gave it.
    const { growth, ...rebuilt } = store.read().buddy!;
    expect(rebuilt).toEqual(pimble());
    expect(growth).toMatchObject({ xp: 0, startedAt: HATCHED_AT.getTime() });
  });

  it('says both, settings first, in one line', () => {
    writeConfig({ settings: { animation: 3 }, buddy: pimbleWithBadEye() });
    expect(openConfigStore(temp.env, FIXED_NOW).warnings).toEqual([
      `settings.animation did not match the expected shape and went back to the default; the stored buddy did not match the expected shape (bones.eye is not one of the allowed values); rolled Pimble's bones again from its idHash and salt and kept its name and personality (the old file is kept as ${aside()})`,
    ]);
  });
});

describe('migrations of an old file', () => {
  it('add the settings and conf\'s version mark to an empty file, and nothing else', () => {
    writeConfig('{}');
    openConfigStore(temp.env, FIXED_NOW);
    expect(readJson(configPath())).toEqual({ settings: {}, __internal__: { migrations: { version: '1.1.0' } } });
  });

  it('keep settings that are there', () => {
    writeConfig({ settings: { muted: true } });
    openConfigStore(temp.env, FIXED_NOW);
    expect(readJson(configPath()).settings).toEqual({ muted: true });
  });

  it('give growth to each archived record that has a hatch date and no growth, and leave every other entry as it was', () => {
    const old = [{}, { hatchedAt: 42 }, { hatchedAt: '2025-01-01T00:00:00.000Z', growth: 'kept as it is' }, { hatchedAt: '2025-01-01T00:00:00.000Z' }, 'text', null];
    writeConfig({ archive: old });
    openConfigStore(temp.env, FIXED_NOW);
    const archive = readJson(configPath()).archive as unknown[];
    expect(archive.slice(0, 3)).toEqual(old.slice(0, 3));
    expect(archive.slice(4)).toEqual(['text', null]);
    expect(archive[3]).toMatchObject({ hatchedAt: '2025-01-01T00:00:00.000Z', growth: { version: 1, xp: 0, startedAt: Date.UTC(2025, 0, 1) } });
  });
});

describe('an update', () => {
  it('refreshes the backup when asked, or when the function asked says so from the data written', () => {
    const store = openConfigStore(temp.env, FIXED_NOW);
    store.update((config) => void (config.localUserId = 'one'));
    expect(fs.existsSync(backupPath())).toBe(false);
    store.update((config) => void (config.localUserId = 'two'), { backup: (data) => data.localUserId === 'three' });
    expect(fs.existsSync(backupPath())).toBe(false);
    store.update((config) => void (config.localUserId = 'three'), { backup: (data) => data.localUserId === 'three' });
    expect(readJson(backupPath()).localUserId).toBe('three');
    store.update((config) => void (config.localUserId = 'four'), { backup: false });
    expect(readJson(backupPath()).localUserId).toBe('three');
    store.update((config) => void (config.localUserId = 'five'), { backup: true });
    expect(readJson(backupPath()).localUserId).toBe('five');
  });

  it('writes tab-indented JSON, as conf itself does', () => {
    openConfigStore(temp.env, FIXED_NOW).update((config) => void (config.localUserId = 'tabs'));
    const text = fs.readFileSync(configPath(), 'utf8');
    expect(text).toContain('\n\t"localUserId": "tabs"');
    expect(text).toContain('\n\t\t"migrations": {\n\t\t\t"version": "1.1.0"\n\t\t}\n');
  });
});

describe('the read-only snapshot of a config whose buddy fails the schema', () => {
  it('rebuilds the buddy in memory, says how, and leaves the file as it was', () => {
    writeConfig({ buddy: pimbleWithBadEye(), localUserId: 'me' });
    const before = fs.readFileSync(configPath(), 'utf8');
    const snapshot = readCheckedSnapshot(temp.env, FIXED_NOW);
    expect(snapshot.data).toEqual({ localUserId: 'me', settings: { animation: true, statuslineLayout: 'compact', muted: false, care: true, watch: 'on', remarksPerHour: 6, remarkTokensPerDay: 20_000 }, buddy: pimble() });
    expect(snapshot.note).toBe("the stored buddy did not match the expected shape (bones.eye is not one of the allowed values); rolled Pimble's bones again from its idHash and salt and kept its name and personality");
    expect(fs.readFileSync(configPath(), 'utf8')).toBe(before);
  });

  it('gives the rest of the config without a buddy when there is nothing to rebuild it from', () => {
    writeConfig({ buddy: { name: 'Pimble' }, localUserId: 'me' });
    const snapshot = readCheckedSnapshot(temp.env, FIXED_NOW);
    expect(snapshot.data).toEqual({ localUserId: 'me', settings: { animation: true, statuslineLayout: 'compact', muted: false, care: true, watch: 'on', remarksPerHour: 6, remarkTokensPerDay: 20_000 } });
    expect(snapshot.note).toBe('the stored buddy did not match the expected shape (rollVersion is missing) and could not be rebuilt; it was set aside');
  });

  it('says nothing for a buddy that passes', () => {
    writeConfig({ buddy: pimble() });
    expect(readCheckedSnapshot(temp.env, FIXED_NOW)).toEqual({ data: { settings: { animation: true, statuslineLayout: 'compact', muted: false, care: true, watch: 'on', remarksPerHour: 6, remarkTokensPerDay: 20_000 }, buddy: pimble() } });
  });
});

describe('the guarded conf', () => {
  const open = (options: Partial<ConstructorParameters<typeof GuardedConf>[0]> = {}): GuardedConf => new GuardedConf({ cwd: temp.dir, configName: 'config', ...options });

  it('reads a missing file as an empty store', () => {
    fs.mkdirSync(temp.dir, { recursive: true });
    expect(open().store).toEqual({});
  });

  it('keeps conf\'s version mark when a whole new store is written without it', () => {
    writeConfig({ __internal__: { migrations: { version: '9.9.9' } }, old: true });
    const conf = open();
    conf.store = { fresh: 1 };
    expect(readJson(configPath())).toEqual({ fresh: 1, __internal__: { migrations: { version: '9.9.9' } } });
    conf.store = { __internal__: { migrations: { version: '1.0.0' } }, fresh: 2 };
    expect(readJson(configPath())).toEqual({ __internal__: { migrations: { version: '1.0.0' } }, fresh: 2 });
  });

  it('writes a whole new store over a file that is not JSON, keeping nothing of it', () => {
    writeConfig('{}');
    const conf = open();
    fs.writeFileSync(configPath(), '{"__internal__":');
    expect(() => {
      conf.store = { fresh: 1 };
    }).not.toThrow();
    expect(readJson(configPath())).toEqual({ fresh: 1 });
  });

  it('tells conf\'s listeners of each change', () => {
    fs.mkdirSync(temp.dir, { recursive: true });
    const conf = open();
    const seen: unknown[] = [];
    conf.onDidAnyChange((value) => seen.push(value));
    conf.store = { a: 1 };
    expect(seen).toEqual([{ a: 1 }]);
  });

  it('refuses a read-only file when conf fills in defaults itself, as every other write does', () => {
    writeConfig({ kept: true });
    fs.chmodSync(configPath(), 0o400);
    expect(() => open({ projectVersion: '1.0.0', migrations: {}, defaults: { added: 1 } })).toThrow(`${configPath()} is read-only`);
    expect(readJson(configPath())).toEqual({ kept: true });
  });

  it('writes through a symlink when conf fills in defaults itself, keeping the link', () => {
    const target = path.join(temp.root, 'elsewhere.json');
    fs.writeFileSync(target, JSON.stringify({ kept: true }));
    fs.mkdirSync(temp.dir, { recursive: true });
    fs.symlinkSync(target, configPath());
    open({ projectVersion: '1.0.0', migrations: {}, defaults: { added: 1 } });
    expect(fs.lstatSync(configPath()).isSymbolicLink()).toBe(true);
    expect(readJson(target)).toEqual({ added: 1, kept: true, __internal__: { migrations: { version: '1.0.0' } } });
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^\{\n\t"added": 1,\n\t"kept": true,/);
  });
});
