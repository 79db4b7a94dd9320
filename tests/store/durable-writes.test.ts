// The config and its backup must survive a power cut, not only a crash: each is flushed to disk before it
// replaces the old file. Which files were flushed is read from the descriptor each flush was given (Linux's
// /proc/self/fd), at the moment of the flush, when it still names the temporary beside its target.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openConfigStore } from '../../src/store/config-store.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

let temp: TempConfig;
let flushed: string[];

beforeEach(() => {
  temp = makeTempConfig('buddy-durable-');
  flushed = [];
  const fsync = fs.fsyncSync;
  vi.spyOn(fs, 'fsyncSync').mockImplementation((descriptor: number) => {
    flushed.push(fs.readlinkSync(`/proc/self/fd/${descriptor}`));
    fsync(descriptor);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  removeTempConfig(temp);
});

/** The flushed files of the config folder, by the name of the file each replaces. */
const flushedTargets = (): string[] =>
  flushed
    .filter((file) => path.dirname(file) === temp.dir)
    .map((file) => path.basename(file).replace(/^\.(.*)\.buddy-tmp-\d+-\w+$/, '$1'))
    .sort();

describe('writes that must survive a power cut', () => {
  it('flush the config before it replaces the old one', () => {
    const store = openConfigStore(temp.env);
    flushed = [];
    store.update((data) => {
      data.settings = { ...data.settings, model: 'one' };
    });
    expect(flushedTargets()).toEqual(['config.json']);
  });

  it('flush the backup too when an update refreshes it', () => {
    const store = openConfigStore(temp.env);
    flushed = [];
    store.update(
      (data) => {
        data.settings = { ...data.settings, model: 'two' };
      },
      { backup: true },
    );
    expect(flushedTargets()).toEqual(['config.backup.json', 'config.json']);
  });
});
