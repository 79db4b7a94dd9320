// Care in the journal, the same way from every face: the pet's p and f (kept once their fold has run, with
// the mood it left), `buddy pet` and `buddy feed` and the MCP server (the one care path, care.ts). A talk
// is no care line: its words are journaled as talk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { giveCare, SNACK_WORDS } from '../../src/buddy/care.js';
import { careWords, makeGrowthHost } from '../../src/buddy/store-growth-host.js';
import { rollClassic } from '../../src/engine/classic.js';
import { SNACK_TURNED_DOWN_WORDS } from '../../src/game/view.js';
import { readJournalTail } from '../../src/journal/read-back.js';
import { makeStoredBuddy, saveBuddy } from '../../src/store/buddy-store.js';
import { openConfigStore } from '../../src/store/config-store.js';
import type { StoredBuddy } from '../../src/store/schema.js';
import { makeTempConfig, removeTempConfig, type TempConfig } from '../helpers/temp-config.js';

// A rescued classic buddy: the shiny legendary dragon of the classic roll's public vector (fnv1a).
const BONES = rollClassic('29c6aedc-5463-411c-991c-a386d9a93570', undefined, 'fnv1a');
let temp: TempConfig;
let stored: StoredBuddy;

beforeEach(() => {
  temp = makeTempConfig('buddy-care-journal-');
  stored = makeStoredBuddy(BONES, { name: 'Ember', personality: 'Ember guards the release branch.' }, 'claude-code', new Date(Date.now() - 86_400_000));
  saveBuddy(stored, temp.env);
});
afterEach(() => removeTempConfig(temp));

describe("the pet's p and f", () => {
  it('are kept as care lines once folded: what it says petted and the snack eaten, the pet run as session, cheerful', async () => {
    const host = makeGrowthHost(temp.env, stored, true, Date.now(), 'pet-42');
    const start = Date.now();
    host.record('pet', start);
    host.record('feed', start + 300);
    host.record('talk', start + 600);
    expect(readJournalTail(temp.env, 10)).toEqual([]);
    await host.fold();
    const lines = readJournalTail(temp.env, 20);
    const cares = lines.filter((line) => line.source === 'care');
    expect(cares.map(({ text, session, name, mood }) => ({ text, session, name, mood }))).toEqual([
      { text: careWords(BONES, 'pet', start), session: 'pet-42', name: 'Ember', mood: 'cheerful' },
      { text: SNACK_WORDS, session: 'pet-42', name: 'Ember', mood: 'cheerful' },
    ]);
    expect(cares.map((line) => line.time)).toEqual([start, start + 300]);
    // The care comes first, then what it earned (its first pet and snack, and the shine it saw).
    expect(lines.findIndex((line) => line.source === 'achievement')).toBeGreaterThan(lines.findIndex((line) => line.source === 'care' && line.text === SNACK_WORDS));
    // Kept once: the next fold has nothing new to keep.
    await host.fold();
    expect(readJournalTail(temp.env, 20).filter((line) => line.source === 'care')).toHaveLength(2);
  });

  it('say what buddy pet says at the same moment, and what buddy feed says', async () => {
    const now = Date.now();
    const petted = await giveCare(temp.env, openConfigStore(temp.env).read().buddy!, 'pet', { now, careOn: true });
    expect(careWords(BONES, 'pet', now)).toBe(petted.said);
    const fed = await giveCare(temp.env, openConfigStore(temp.env).read().buddy!, 'feed', { now: now + 1, careOn: true });
    expect(careWords(BONES, 'feed', now + 1)).toBe(fed.said);
  });
});

describe('the care path (buddy pet, buddy feed, MCP)', () => {
  it('keeps each care once, as said, with its session and the mood it left (as the growth view says it)', async () => {
    const now = Date.now();
    const fed = await giveCare(temp.env, stored, 'feed', { now, careOn: false, journalSession: 'mcp-7' });
    const cares = readJournalTail(temp.env, 10).filter((line) => line.source === 'care');
    expect(cares.map(({ text, session, name, mood, time }) => ({ text, session, name, mood, time }))).toEqual([
      { text: fed.said, session: 'mcp-7', name: 'Ember', mood: fed.view.mood, time: now },
    ]);
    expect(fed.view.mood).toBe('cheerful');
  });
});

describe("the pet's f for a full buddy", () => {
  it('keeps what it says, as buddy feed keeps it, though nothing is recorded', async () => {
    const host = makeGrowthHost(temp.env, stored, true, Date.now(), 'pet-43');
    await host.fold();
    const at = Date.now();
    host.turnedDown?.(at);
    const care = readJournalTail(temp.env, 10).filter((line) => line.source === 'care');
    expect(care.map(({ text, session, name, time }) => ({ text, session, name, time }))).toEqual([{ text: SNACK_TURNED_DOWN_WORDS, session: 'pet-43', name: 'Ember', time: at }]);
    expect(careWords(BONES, 'feed', at, true)).toBe(SNACK_TURNED_DOWN_WORDS);
  });
});
