// The check before a command acts on the buddy: a healthy config (or none) is left exactly as it is and
// nothing is said; a damaged one (not JSON, not an object, a buddy or a setting that fails the schema) is
// repaired by the store, which says what it did; leftovers of killed writers are swept first; and a
// config that cannot be read at all is said in one line and left alone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollFromUserId } from '../../src/engine/roll.js';
import { FileAccessError } from '../../src/files/errors.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { repairConfigIfNeeded } from '../../src/store/config-health.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

const HATCHED_AT = new Date('2025-01-02T03:04:05.000Z');

let temp: TempConfig;
const configPath = (): string => path.join(temp.dir, 'config.json');
const names = (): string[] => fs.readdirSync(temp.dir).sort();
const writeConfig = (content: string): void => {
  fs.mkdirSync(temp.dir, { recursive: true });
  fs.writeFileSync(configPath(), content);
};

beforeEach(() => {
  temp = makeTempConfig('buddy-config-health-');
});
afterEach(() => removeTempConfig(temp));

describe('repairConfigIfNeeded', () => {
  it('says nothing and writes nothing when there is no config yet', async () => {
    fs.mkdirSync(temp.dir, { recursive: true });
    expect(await repairConfigIfNeeded(temp.env)).toEqual([]);
    expect(names()).toEqual([]);
  });

  it('leaves a healthy config exactly as it is', async () => {
    saveBuddy(makeStoredBuddy(rollFromUserId('buddy-0'), { name: 'Pimble', personality: 'Calm.' }, 'offline', HATCHED_AT), temp.env);
    const before = fs.readFileSync(configPath(), 'utf8');
    const filesBefore = names();
    expect(await repairConfigIfNeeded(temp.env)).toEqual([]);
    expect(fs.readFileSync(configPath(), 'utf8')).toBe(before);
    expect(names()).toEqual(filesBefore);
  });

  it('leaves alone a config that only lacks what has a default', async () => {
    writeConfig('{}');
    expect(await repairConfigIfNeeded(temp.env)).toEqual([]);
    expect(fs.readFileSync(configPath(), 'utf8')).toBe('{}');
  });

  it.each([
    ['text that is not JSON', '{"settings": {'],
    ['a JSON array', '[1, 2]'],
    ['JSON null', 'null'],
  ])('moves %s aside and says so', async (_what, content) => {
    writeConfig(content);
    const warnings = await repairConfigIfNeeded(temp.env);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^config file was damaged; moved it aside to .*config\.json\.corrupt-/);
    expect(names().filter((name) => name.startsWith('config.json.corrupt-'))).toHaveLength(1);
  });

  it('repairs a setting that fails the schema, keeping the file as it was beside it', async () => {
    writeConfig(JSON.stringify({ settings: { muted: 'very' } }));
    const warnings = await repairConfigIfNeeded(temp.env);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^settings\.muted did not match the expected shape and went back to the default \(the old file is kept as .*config\.json\.invalid-/);
  });

  it('repairs a local ID that fails the schema', async () => {
    writeConfig(JSON.stringify({ localUserId: 7 }));
    const warnings = await repairConfigIfNeeded(temp.env);
    expect(warnings[0]).toMatch(/^localUserId did not match the expected shape/);
  });

  it('repairs a stored buddy that fails the schema', async () => {
    const buddy = makeStoredBuddy(rollFromUserId('buddy-0'), { name: 'Pimble', personality: 'Calm.' }, 'offline', HATCHED_AT);
    writeConfig(JSON.stringify({ buddy: { ...buddy, bones: { ...buddy.bones, eye: 'no eye' } } }));
    const warnings = await repairConfigIfNeeded(temp.env);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^the stored buddy did not match the expected shape \(bones\.eye is not one of the allowed values\); rolled Pimble's bones again from its idHash and salt and kept its name and personality/);
  });

  it('sweeps what a killed writer left behind, even when the config is healthy', async () => {
    writeConfig('{}');
    const leftover = path.join(temp.dir, '.config.json.buddy-tmp-999999999-abc');
    fs.writeFileSync(leftover, 'half a write');
    expect(await repairConfigIfNeeded(temp.env)).toEqual([]);
    expect(names()).toEqual(['config.json']);
  });

  it('refuses a config that cannot be read (a FIFO) in one line, and touches nothing', async () => {
    fs.mkdirSync(temp.dir, { recursive: true });
    execFileSync('mkfifo', [configPath()]);
    await expect(repairConfigIfNeeded(temp.env)).rejects.toThrow(FileAccessError);
    expect(fs.statSync(configPath()).isFIFO()).toBe(true);
    expect(names()).toEqual(['config.json']);
  });
});
