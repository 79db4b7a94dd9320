// The config store: updates persist, corrupt or malformed files are moved aside and the buddy comes back
// from its backup, and unknown keys survive (two processes updating at once: store-races.test.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { FileAccessError } from '../../src/files/errors.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { BACKUP_FILE_NAME, openConfigStore } from '../../src/store/config-store.js';
import { DEFAULT_SETTINGS, type StoredBuddy } from '../../src/store/schema.js';
import { makeTempConfig, removeTempConfig } from '../helpers/temp-config.js';

const FIXED_NOW = new Date('2025-03-04T05:06:07.089Z');

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  ({ root, dir, env } = makeTempConfig('buddy-config-store-'));
});

afterEach(() => removeTempConfig({ root, dir, env }));

function buddyNamed(name: string, userId = 'buddy-0'): StoredBuddy {
  return makeStoredBuddy(rollFromUserId(userId), { name, personality: `${name} is a test buddy.` }, 'offline', FIXED_NOW);
}

const configPath = (): string => path.join(dir, 'config.json');
const filesInDir = (): string[] => fs.readdirSync(dir);

describe('openConfigStore on a fresh machine', () => {
  it('creates the directory and reads defaults, with no warnings', () => {
    const store = openConfigStore(env, FIXED_NOW);
    expect(fs.existsSync(dir)).toBe(true);
    expect(store.warnings).toEqual([]);
    const data = store.read();
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(data.buddy).toBeUndefined();
    expect(data.localUserId).toBeUndefined();
    expect(store.file).toBe(configPath());
  });
});

describe('update', () => {
  it('persists changes for the next process and for the read-only snapshot', () => {
    const returned = openConfigStore(env).update((config) => {
      config.settings = { ...config.settings, muted: true, statuslineLayout: 'full' };
      config.localUserId = 'local-123';
    });
    expect(returned.settings.muted).toBe(true);

    const reopened = openConfigStore(env).read();
    expect(reopened.settings).toEqual({ ...DEFAULT_SETTINGS, muted: true, statuslineLayout: 'full' });
    expect(reopened.localUserId).toBe('local-123');
    expect(readConfigSnapshot(env).settings.muted).toBe(true);
    expect(() => JSON.parse(fs.readFileSync(configPath(), 'utf8')) as unknown).not.toThrow();
  });

  it('sees changes written by another store opened earlier', () => {
    const first = openConfigStore(env);
    const second = openConfigStore(env);
    second.update((config) => {
      config.localUserId = 'from-second';
    });
    const data = first.update((config) => {
      config.settings = { ...config.settings, animation: false };
    });
    expect(data.localUserId).toBe('from-second');
    expect(data.settings.animation).toBe(false);
  });

  it('keeps keys it does not know about (written by a newer version)', () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(configPath(), JSON.stringify({ settings: {}, futureFeature: { level: 3 } }));
    openConfigStore(env).update((config) => {
      config.settings = { ...config.settings, muted: true };
    });
    const onDisk = JSON.parse(fs.readFileSync(configPath(), 'utf8')) as Record<string, unknown>;
    expect(onDisk.futureFeature).toEqual({ level: 3 });
    expect((onDisk.settings as Record<string, unknown>).muted).toBe(true);
  });

  it('writes a backup only when asked', () => {
    const store = openConfigStore(env);
    store.update((config) => {
      config.localUserId = 'no-backup';
    });
    expect(fs.existsSync(path.join(dir, BACKUP_FILE_NAME))).toBe(false);
    store.update((config) => {
      config.buddy = buddyNamed('Pim');
    }, { backup: true });
    const backup = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_FILE_NAME), 'utf8')) as { buddy?: { name?: string } };
    expect(backup.buddy?.name).toBe('Pim');
  });

  it('rejects a change that breaks the schema and leaves the file as it was', () => {
    const store = openConfigStore(env);
    store.update((config) => {
      config.localUserId = 'kept';
    });
    expect(() =>
      store.update((config) => {
        config.settings = { ...config.settings, statuslineLayout: 'sideways' as never };
      }),
    ).toThrow();
    expect(readConfigSnapshot(env).localUserId).toBe('kept');
    expect(readConfigSnapshot(env).settings.statuslineLayout).toBe('compact');
    // The lock was released: a later update still works.
    expect(store.update((config) => void (config.localUserId = 'after')).localUserId).toBe('after');
  });
});

describe('recovery from a corrupt config', () => {
  it('moves truncated JSON aside and restores the buddy from the last backup, with warnings', () => {
    saveBuddy(buddyNamed('Bramble'), env);
    const garbage = fs.readFileSync(configPath(), 'utf8').slice(0, 40);
    fs.writeFileSync(configPath(), garbage);

    const store = openConfigStore(env, FIXED_NOW);
    expect(store.read().buddy?.name).toBe('Bramble');
    expect(store.warnings).toHaveLength(2);
    expect(store.warnings.join('\n')).toMatch(/moved it aside/);
    expect(store.warnings.join('\n')).toMatch(/restored/);

    const aside = filesInDir().filter((name) => name.startsWith('config.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(garbage);
    expect(store.warnings[0]).toContain(aside[0]);
    // The restored file is whole again, for every reader.
    expect(readConfigSnapshot(env).buddy?.name).toBe('Bramble');
  });

  it('restores the last saved soul, not changes made without a backup', () => {
    saveBuddy(buddyNamed('Bramble'), env);
    openConfigStore(env).update((config) => {
      config.buddy = { ...config.buddy!, name: 'Unsaved' };
    });
    fs.writeFileSync(configPath(), '{"buddy": {"name": "Uns');
    expect(openConfigStore(env, FIXED_NOW).read().buddy?.name).toBe('Bramble');
  });

  it('starts fresh (no throw) when the config is corrupt and there is no backup', () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(configPath(), '{"settings": {"muted": tr');
    const store = openConfigStore(env, FIXED_NOW);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toMatch(/moved it aside/);
    expect(store.read().buddy).toBeUndefined();
    expect(store.read().settings).toEqual(DEFAULT_SETTINGS);
    expect(filesInDir().some((name) => name.startsWith('config.json.corrupt-'))).toBe(true);
    // The store is usable afterwards.
    store.update((config) => void (config.localUserId = 'fresh'));
    expect(readConfigSnapshot(env).localUserId).toBe('fresh');
  });

  it('treats an empty file, null, an array, a number or binary noise as corrupt, and restores the backup', () => {
    saveBuddy(buddyNamed('Quin'), env);
    for (const content of ['', 'null', '[1, 2, 3]', '42', '\u0000\u00ff\u0001{{{']) {
      fs.writeFileSync(configPath(), content);
      const store = openConfigStore(env, FIXED_NOW);
      expect(store.read().buddy?.name, JSON.stringify(content)).toBe('Quin');
      expect(store.warnings.length).toBeGreaterThan(0);
      for (const name of filesInDir().filter((file) => file.startsWith('config.json.corrupt-'))) fs.rmSync(path.join(dir, name));
    }
  });

  it('moves schema-invalid JSON aside and restores the backup', () => {
    saveBuddy(buddyNamed('Fennet'), env);
    const invalid = JSON.stringify({ settings: { statuslineLayout: 'sideways' }, buddy: { name: '' } });
    fs.writeFileSync(configPath(), invalid);

    const store = openConfigStore(env, FIXED_NOW);
    expect(store.read().buddy?.name).toBe('Fennet');
    expect(store.read().settings.statuslineLayout).toBe('compact');
    expect(store.warnings.join('\n')).toMatch(/expected shape/);
    expect(store.warnings.join('\n')).toMatch(/restored/);
    const aside = filesInDir().filter((name) => name.startsWith('config.json.invalid-'));
    expect(aside).toHaveLength(1);
    // The user's data is kept in the aside file (possibly reformatted).
    expect(JSON.parse(fs.readFileSync(path.join(dir, aside[0]!), 'utf8'))).toMatchObject(JSON.parse(invalid) as object);
  });

  it('starts fresh when schema-invalid JSON has no backup to fall back on', () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(configPath(), JSON.stringify({ localUserId: '', settings: { muted: 'very' } }));
    const store = openConfigStore(env, FIXED_NOW);
    expect(store.warnings).toHaveLength(1);
    expect(store.read().settings).toEqual(DEFAULT_SETTINGS);
    expect(store.read().localUserId).toBeUndefined();
  });

  it('leaves a healthy config alone', () => {
    saveBuddy(buddyNamed('Marl'), env);
    const before = fs.readFileSync(configPath(), 'utf8');
    const store = openConfigStore(env, FIXED_NOW);
    expect(store.warnings).toEqual([]);
    expect(fs.readFileSync(configPath(), 'utf8')).toBe(before);
    expect(filesInDir().filter((name) => name.includes('corrupt') || name.includes('invalid'))).toEqual([]);
  });
});

describe('a config that cannot be read is not corrupt', () => {
  it('a FIFO at config.json: FileAccessError in one line, without blocking; nothing moved aside, the backup not restored', () => {
    saveBuddy(buddyNamed('Bramble'), env);
    const backup = fs.readFileSync(path.join(dir, BACKUP_FILE_NAME));
    fs.rmSync(configPath());
    execFileSync('mkfifo', [configPath()]);

    expect(() => openConfigStore(env, FIXED_NOW)).toThrow(new FileAccessError('not-regular', configPath(), `${configPath()} is a named pipe (FIFO), not a regular file; Buddy reads only regular files`));
    expect(fs.lstatSync(configPath()).isFIFO()).toBe(true);
    expect(filesInDir().sort()).toEqual([BACKUP_FILE_NAME, 'config.json']);
    expect(fs.readFileSync(path.join(dir, BACKUP_FILE_NAME)).equals(backup)).toBe(true);
  });

  it('an operating system that says no (EACCES): the permission error goes up as it is, and nothing is touched', () => {
    saveBuddy(buddyNamed('Bramble'), env);
    const before = fs.readFileSync(configPath());
    // Root reads any file: the refusal is injected where the layer opens the file.
    const realOpen = fs.openSync;
    const refuse = vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (file === configPath()) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return realOpen(file, ...(rest as [fs.OpenMode, fs.Mode?]));
    });
    try {
      expect(() => openConfigStore(env, FIXED_NOW)).toThrow(`cannot read ${configPath()}: permission denied`);
    } finally {
      refuse.mockRestore();
    }
    expect(filesInDir().sort()).toEqual([BACKUP_FILE_NAME, 'config.json']);
    expect(fs.readFileSync(configPath()).equals(before)).toBe(true);
  });
});

describe('writes through the file-access layer', () => {
  it('makes a new config 0600 in a 0700 folder, and keeps conf\'s migration mark', () => {
    openConfigStore(env).update((config) => {
      config.localUserId = 'fresh';
    });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(configPath()).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(configPath(), 'utf8'))).toMatchObject({ localUserId: 'fresh', __internal__: { migrations: { version: '1.1.0' } } });
  });

  it('writes through a symlink to a regular file: the link stays a link, its target gets the change, mode kept', () => {
    const elsewhere = path.join(root, 'dotfiles', 'buddy.json');
    fs.mkdirSync(path.dirname(elsewhere), { recursive: true });
    fs.writeFileSync(elsewhere, JSON.stringify({ settings: {} }), { mode: 0o640 });
    fs.chmodSync(elsewhere, 0o640);
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(elsewhere, configPath());

    openConfigStore(env).update((config) => {
      config.localUserId = 'linked';
    });
    expect(fs.readlinkSync(configPath())).toBe(elsewhere);
    expect(JSON.parse(fs.readFileSync(elsewhere, 'utf8')).localUserId).toBe('linked');
    expect(fs.statSync(elsewhere).mode & 0o777).toBe(0o640);
  });

  it('refuses to replace a read-only config, in one line, and leaves it as it was', () => {
    openConfigStore(env).update((config) => {
      config.localUserId = 'kept';
    });
    fs.chmodSync(configPath(), 0o400);
    const before = fs.readFileSync(configPath());
    expect(() =>
      openConfigStore(env).update((config) => {
        config.localUserId = 'changed';
      }),
    ).toThrow(`${configPath()} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it)`);
    expect(fs.readFileSync(configPath()).equals(before)).toBe(true);
    expect(filesInDir().filter((name) => name.includes('buddy-tmp'))).toEqual([]);
  });
});
