// The pet screen's growth host with a real store: when a cap holds the pet's care back it says so once
// an hour (not a bubble a press), care recorded elsewhere says its own, and care off says nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGrowthHost } from '../../src/buddy/store-growth-host.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { openConfigStore } from '../../src/store/config-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { appendEvent } from '../../src/store/event-log.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

const CAPPED = 'XP is capped for this hour: care earns at most 20 XP an hour. It still counts.';

let temp: TempConfig;
beforeEach(() => {
  temp = makeTempConfig('buddy-growth-host-');
  saveBuddy(makeStoredBuddy(rollFromUserId('growth-host-1'), { name: 'Pim', personality: 'Pim keeps watch.' }, 'offline', new Date(Date.now() - 60_000)), temp.env);
});
afterEach(() => removeTempConfig(temp));

function host() {
  const config = readConfigSnapshot(temp.env);
  return makeGrowthHost(temp.env, config.buddy, config.settings.care);
}

describe('the cap, said by the pet', () => {
  it('says once, when its own pets go past the hourly care cap', async () => {
    const pet = host();
    const at = Date.now();
    // Ten pets fill the hour's 20 care XP; the eleventh is held back.
    for (let index = 0; index < 10; index++) pet.record('pet', at);
    expect((await pet.fold()).announcements).not.toContain(CAPPED);
    pet.record('pet', at);
    expect((await pet.fold()).announcements).toContain(CAPPED);
    pet.record('pet', at);
    pet.record('pet', at);
    expect((await pet.fold()).announcements).not.toContain(CAPPED);
  });

  it('leaves care recorded elsewhere to say its own', async () => {
    const pet = host();
    const at = Date.now();
    for (let index = 0; index < 12; index++) appendEvent(temp.env, { kind: 'pet', at, offsetMinutes: 0 });
    expect((await pet.fold()).announcements).not.toContain(CAPPED);
  });

  it('says nothing with care off', async () => {
    openConfigStore(temp.env).update((config) => {
      config.settings = { ...config.settings, care: false };
    });
    const pet = host();
    const at = Date.now();
    for (let index = 0; index < 12; index++) pet.record('pet', at);
    expect((await pet.fold()).announcements).toEqual([]);
  });
});
