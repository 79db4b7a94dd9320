// A round finished in the pet, kept through its growth host with a real store: the played event is
// appended and folded (rounds counted, the mode's best raised), the best before it is told back for the
// result bubble, and only a new best is kept in the journal, as the game's.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGrowthHost } from '../../src/buddy/store-growth-host.js';
import { playedEvent } from '../../src/buddy/play.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

let temp: TempConfig;
beforeEach(() => {
  temp = makeTempConfig('buddy-play-');
  saveBuddy(makeStoredBuddy(rollFromUserId('play-1'), { name: 'Pim', personality: 'Pim keeps watch.' }, 'offline', new Date(Date.now() - 60_000)), temp.env);
});
afterEach(() => removeTempConfig(temp));

function host() {
  const config = readConfigSnapshot(temp.env);
  return makeGrowthHost(temp.env, config.buddy, config.settings.care);
}

function journalLines(): Array<{ source: string; text: string }> {
  const file = path.join(temp.env.BUDDY_CONFIG_DIR!, 'journal.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { source: string; text: string });
}

describe('a round played in the pet', () => {
  it('is the played event, with its score and mode', () => {
    expect(playedEvent({ mode: 'turns', score: 4, at: 1_000 })).toMatchObject({ kind: 'played', at: 1_000, score: 4, mode: 'turns' });
  });

  it('is recorded and folded: one round, the best raised, a new best journaled as the game', async () => {
    const pet = host();
    const at = Date.now();
    expect(pet.played?.('turns', 6, at)).toEqual({ bestBefore: 0 });
    const update = await pet.fold();
    expect(update.growth.play).toEqual({ rounds: 1, best: { live: 0, turns: 6 } });
    expect(readConfigSnapshot(temp.env).buddy?.growth?.play).toEqual({ rounds: 1, best: { live: 0, turns: 6 } });
    expect(journalLines().filter((line) => line.source === 'game').map((line) => line.text)).toEqual(['New best: 6!']);
  });

  it('tells the best before the round; a round under it is counted but not journaled', async () => {
    const pet = host();
    const at = Date.now();
    pet.played?.('live', 9, at);
    await pet.fold();
    expect(pet.played?.('live', 3, at + 1)).toEqual({ bestBefore: 9 });
    // The best just beaten counts before the fold has run.
    expect(pet.played?.('live', 12, at + 2)).toEqual({ bestBefore: 9 });
    expect(pet.played?.('live', 11, at + 3)).toEqual({ bestBefore: 12 });
    const update = await pet.fold();
    expect(update.growth.play).toEqual({ rounds: 4, best: { live: 12, turns: 0 } });
    expect(journalLines().filter((line) => line.source === 'game').map((line) => line.text)).toEqual(['New best: 9!', 'New best: 12!']);
  });

  it('a round with no catch is counted, never a best', async () => {
    const pet = host();
    expect(pet.played?.('turns', 0, Date.now())).toEqual({ bestBefore: 0 });
    expect((await pet.fold()).growth.play).toEqual({ rounds: 1, best: { live: 0, turns: 0 } });
    expect(journalLines().filter((line) => line.source === 'game')).toEqual([]);
  });
});
