// The wardrobe's rules: every kind of rule at both sides of its edge, unlocking in the fold (dated, and
// announced exactly once), wearing only what was unlocked, and the catalogue matching its art.
import { describe, expect, it, vi } from 'vitest';
import { foldGrowth } from '../../src/game/fold.js';
import { xpForLevel } from '../../src/game/levels.js';
import { initialGrowth, type GrowthState } from '../../src/game/state.js';
import { announcementText, growthViewAt } from '../../src/game/view.js';
import { itemById, ruleHint, ruleHolds, ruleProgress, takeEverythingOff, unlockItems, WARDROBE, wearItem, wornItem, type UnlockRule } from '../../src/game/wardrobe.js';
import { isWardrobeId, ITEM_SLOT } from '../../src/game/wardrobe-slots.js';
import { cardAccents, headItemArt } from '../../src/sprites/wardrobe-art.js';

const START = Date.UTC(2026, 0, 1, 12);
const base = (): GrowthState => initialGrowth(START);
const played = (rounds: number, live: number, turns: number): GrowthState => ({ ...base(), play: { rounds, best: { live, turns } } });

describe('the catalogue', () => {
  it('has at least 30 unique items, each in its slot, with art of its own', () => {
    expect(WARDROBE.length).toBeGreaterThanOrEqual(30);
    expect(new Set(WARDROBE.map((item) => item.id)).size).toBe(WARDROBE.length);
    expect(new Set(WARDROBE.map((item) => item.name)).size).toBe(WARDROBE.length);
    const heads = WARDROBE.filter((item) => item.slot === 'head').map((item) => item.id);
    const cards = WARDROBE.filter((item) => item.slot === 'card').map((item) => item.id);
    expect(heads.length).toBeGreaterThanOrEqual(22);
    expect(cards.length).toBeGreaterThanOrEqual(6);
    expect([...headItemArt().keys()].sort()).toEqual([...heads].sort());
    expect([...cardAccents().keys()].sort()).toEqual([...cards].sort());
    for (const item of WARDROBE) expect(ITEM_SLOT[item.id]).toBe(item.slot);
  });

  it('is these 33 items, in this order, each with its name, slot, rule and hint', async () => {
    // The catalogue is read afresh inside the test: it is built when its module loads, and a table that
    // only ever loads outside a test is measured by no test of its own.
    vi.resetModules();
    const fresh = await import('../../src/game/wardrobe.js');
    const rows: [string, string, string, UnlockRule, string][] = [
      ['bow', 'Bow', 'head', { kind: 'achievement', id: 'first-pet' }, 'earn "First pet": press p in the pet, or run buddy pet'],
      ['cherry', 'Cherry', 'head', { kind: 'achievement', id: 'first-snack' }, 'earn "First snack": press f in the pet, or run buddy feed'],
      ['chef-hat', 'Chef hat', 'head', { kind: 'achievement', id: 'snacks-50' }, 'earn "Regular meals": feed it 50 snacks'],
      ['speech-bubble', 'Speech bubble', 'head', { kind: 'achievement', id: 'first-words' }, 'earn "First words": call it by name in the pet, in buddy say or in a prompt'],
      ['night-cap', 'Night cap', 'head', { kind: 'achievement', id: 'night-owl' }, 'earn "Night owl": talk with it between midnight and 4 a.m.'],
      ['sunrise', 'Sunrise', 'head', { kind: 'achievement', id: 'early-bird' }, 'earn "Early bird": pet, feed or talk with it between 5 and 7 a.m.'],
      ['bandana', 'Bandana', 'head', { kind: 'achievement', id: 'streak-3' }, 'earn "Three in a row": care for it on three days in a row'],
      ['headband', 'Headband', 'head', { kind: 'achievement', id: 'streak-7' }, 'earn "A week together": care for it on seven days in a row'],
      ['laurel', 'Laurel', 'head', { kind: 'achievement', id: 'streak-30' }, 'earn "A month together": care for it on thirty days in a row'],
      ['feather', 'Feather', 'head', { kind: 'achievement', id: 'welcome-back' }, 'earn "Welcome back": come back after a week or more away'],
      ['headphones', 'Headphones', 'head', { kind: 'achievement', id: 'first-session' }, 'earn "Coworker": work in Claude Code with the buddy in the statusline (buddy install claude-code)'],
      ['goggles', 'Goggles', 'head', { kind: 'achievement', id: 'red-to-green' }, 'earn "Red to green": fix a failing test suite while it watches'],
      ['antenna', 'Antenna', 'head', { kind: 'achievement', id: 'fixes-10' }, 'earn "Bug squasher": fix ten failing suites while it watches'],
      ['hard-hat', 'Hard hat', 'head', { kind: 'achievement', id: 'big-diff' }, 'earn "Big change": make a large edit while it watches'],
      ['sprout', 'Sprout', 'head', { kind: 'level', level: 5 }, 'reach level 5'],
      ['cap', 'Cap', 'head', { kind: 'level', level: 10 }, 'reach level 10'],
      ['pirate-hat', 'Pirate hat', 'head', { kind: 'level', level: 25 }, 'reach level 25'],
      ['mortarboard', 'Mortarboard', 'head', { kind: 'level', level: 40 }, 'reach level 40'],
      ['tiara', 'Tiara', 'head', { kind: 'level', level: 50 }, 'reach level 50'],
      ['star-clip', 'Star clip', 'head', { kind: 'achievement', id: 'shiny' }, 'earn "Shiny!": see a shiny buddy (buddy roll shows anyone\'s)'],
      ['flower', 'Flower', 'head', { kind: 'achievement', id: 'every-mood' }, 'earn "Many moods": see it cheerful, content, hungry, sleepy and worried'],
      ['party-hat', 'Party hat', 'head', { kind: 'achievement', id: 'one-year' }, 'earn "One year": a year after hatching'],
      ['gamepad', 'Gamepad', 'head', { kind: 'rounds', rounds: 10 }, 'play 10 rounds of the mini-game'],
      ['joystick', 'Joystick', 'head', { kind: 'score', score: 10 }, 'score 10 in one round of the mini-game (either mode)'],
      ['trophy', 'Trophy', 'head', { kind: 'score', score: 25 }, 'score 25 in one round of the mini-game (either mode)'],
      ['rose', 'Rose card', 'card', { kind: 'achievement', id: 'pets-100' }, 'earn "Well loved": pet it 100 times'],
      ['peach', 'Peach card', 'card', { kind: 'achievement', id: 'full-belly' }, 'earn "Full belly": feed it until it is completely full (needs care on)'],
      ['midnight', 'Midnight card', 'card', { kind: 'achievement', id: 'quiet-company' }, 'earn "Quiet company": leave a session quiet for a while'],
      ['terminal', 'Terminal card', 'card', { kind: 'achievement', id: 'sessions-50' }, 'earn "Old hands": work 50 sessions with it in the statusline'],
      ['meadow', 'Meadow card', 'card', { kind: 'streak', days: 14 }, 'care for it 14 days in a row'],
      ['aurora', 'Aurora card', 'card', { kind: 'level', level: 30 }, 'reach level 30'],
      ['confetti', 'Confetti card', 'card', { kind: 'rounds', rounds: 25 }, 'play 25 rounds of the mini-game'],
      ['gold', 'Gold card', 'card', { kind: 'score', score: 40 }, 'score 40 in one round of the mini-game (either mode)'],
    ];
    expect(fresh.WARDROBE).toHaveLength(33);
    expect(fresh.WARDROBE.map((item) => [item.id, item.name, item.slot, item.rule, fresh.ruleHint(item.rule)])).toEqual(rows);
    for (const item of fresh.WARDROBE) expect(Object.keys(item).sort()).toEqual(['id', 'name', 'rule', 'slot']);
    for (const item of fresh.WARDROBE) expect(Object.keys(item.rule)).toHaveLength(2);
    expect(fresh.WARDROBE).toEqual(WARDROBE);
  });

  it('finds items by id, and nothing for an unknown one', () => {
    expect(itemById('bow')).toEqual({ id: 'bow', name: 'Bow', slot: 'head', rule: { kind: 'achievement', id: 'first-pet' } });
    expect(itemById('toString')).toBeUndefined();
    expect(itemById('no-such')).toBeUndefined();
    expect(isWardrobeId('constructor')).toBe(false);
  });
});

describe('rules at both sides of their edge', () => {
  it('an achievement: earned or not', () => {
    const rule: UnlockRule = { kind: 'achievement', id: 'first-pet' };
    expect(ruleHolds(rule, base())).toBe(false);
    expect(ruleHolds(rule, { ...base(), achievements: { 'first-pet': START } })).toBe(true);
    expect(ruleProgress(rule, base())).toEqual([0, 1]);
    expect(ruleProgress({ kind: 'achievement', id: 'shiny' }, base())).toBeUndefined();
    expect(ruleProgress({ kind: 'achievement', id: 'gone' }, base())).toBeUndefined();
  });

  it('a level', () => {
    const rule: UnlockRule = { kind: 'level', level: 5 };
    expect(ruleHolds(rule, { ...base(), xp: xpForLevel(5) - 1 })).toBe(false);
    expect(ruleHolds(rule, { ...base(), xp: xpForLevel(5) })).toBe(true);
    expect(ruleProgress(rule, { ...base(), xp: xpForLevel(5) - 1 })).toEqual([4, 5]);
    expect(ruleProgress(rule, { ...base(), xp: xpForLevel(7) })).toEqual([5, 5]);
  });

  it('a best streak', () => {
    const rule: UnlockRule = { kind: 'streak', days: 14 };
    expect(ruleHolds(rule, { ...base(), streak: { current: 0, best: 13 } })).toBe(false);
    expect(ruleHolds(rule, { ...base(), streak: { current: 0, best: 14 } })).toBe(true);
    expect(ruleProgress(rule, { ...base(), streak: { current: 0, best: 20 } })).toEqual([14, 14]);
  });

  it('a mini-game score, in either mode', () => {
    const rule: UnlockRule = { kind: 'score', score: 10 };
    expect(ruleHolds(rule, base())).toBe(false);
    expect(ruleProgress(rule, base())).toEqual([0, 10]);
    expect(ruleHolds(rule, played(3, 9, 9))).toBe(false);
    expect(ruleHolds(rule, played(3, 10, 0))).toBe(true);
    expect(ruleHolds(rule, played(3, 0, 10))).toBe(true);
    expect(ruleProgress(rule, played(3, 4, 7))).toEqual([7, 10]);
    expect(ruleProgress(rule, played(3, 8, 2))).toEqual([8, 10]);
  });

  it('rounds played', () => {
    const rule: UnlockRule = { kind: 'rounds', rounds: 10 };
    expect(ruleHolds(rule, base())).toBe(false);
    expect(ruleHolds(rule, played(9, 0, 0))).toBe(false);
    expect(ruleHolds(rule, played(10, 0, 0))).toBe(true);
    expect(ruleProgress(rule, played(7, 0, 0))).toEqual([7, 10]);
    expect(ruleProgress(rule, base())).toEqual([0, 10]);
  });

  it('hints each kind in words', () => {
    expect(ruleHint({ kind: 'achievement', id: 'first-pet' })).toBe('earn "First pet": press p in the pet, or run buddy pet');
    expect(ruleHint({ kind: 'achievement', id: 'gone' })).toBe('earn the achievement gone');
    expect(ruleHint({ kind: 'level', level: 5 })).toBe('reach level 5');
    expect(ruleHint({ kind: 'streak', days: 14 })).toBe('care for it 14 days in a row');
    expect(ruleHint({ kind: 'score', score: 25 })).toBe('score 25 in one round of the mini-game (either mode)');
    expect(ruleHint({ kind: 'rounds', rounds: 10 })).toBe('play 10 rounds of the mini-game');
  });
});

describe('unlocking', () => {
  it('unlocks what holds, dated then, and announces each once', () => {
    const state = { ...base(), achievements: { 'first-pet': START }, play: { rounds: 10, best: { live: 0, turns: 0 } } };
    const first = unlockItems(state, START + 5);
    expect(first.unlocked).toEqual([
      { kind: 'item', id: 'bow' },
      { kind: 'item', id: 'gamepad' },
    ]);
    expect(first.state.wardrobe).toEqual({ unlocked: { bow: START + 5, gamepad: START + 5 }, worn: {} });
    const again = unlockItems(first.state, START + 10);
    expect(again.unlocked).toEqual([]);
    expect(again.state).toBe(first.state);
    const bare = base();
    expect(unlockItems(bare, START)).toEqual({ state: bare, unlocked: [] });
    expect(unlockItems(bare, START).state).toBe(bare);
  });

  it('keeps what is worn when more unlocks', () => {
    const state: GrowthState = { ...base(), achievements: { 'first-snack': START }, wardrobe: { unlocked: { bow: START }, worn: { head: 'bow' } } };
    expect(unlockItems(state, START + 1).state.wardrobe).toEqual({ unlocked: { bow: START, cherry: START + 1 }, worn: { head: 'bow' } });
  });

  it('the fold unlocks after the achievement that earns it, announced once', () => {
    const pet = { kind: 'pet' as const, at: START + 60_000, offsetMinutes: 0 };
    const first = foldGrowth(base(), [pet], { now: START + 120_000, offsetMinutes: 0 }, { careOn: true, shiny: false });
    expect(first.announced).toEqual([
      { kind: 'achievement', id: 'first-pet' },
      { kind: 'item', id: 'bow' },
    ]);
    expect(first.state.wardrobe?.unlocked).toEqual({ bow: START + 60_000 });
    const next = foldGrowth(first.state, [{ ...pet, at: START + 180_000 }], { now: START + 200_000, offsetMinutes: 0 }, { careOn: true, shiny: false });
    expect(next.announced.filter((item) => item.kind === 'item')).toEqual([]);
  });

  it('a buddy that already qualifies gets its items on its next fold, dated at the clock', () => {
    const grown = { ...base(), xp: xpForLevel(10) };
    const result = foldGrowth(grown, [], { now: START + 1_000, offsetMinutes: 0 }, { careOn: true, shiny: false });
    expect(result.announced.filter((item) => item.kind === 'item')).toEqual([
      { kind: 'item', id: 'sprout' },
      { kind: 'item', id: 'cap' },
    ]);
    expect(result.state.wardrobe?.unlocked).toEqual({ sprout: START + 1_000, cap: START + 1_000 });
  });

  it('is announced in words that say how to wear it', () => {
    expect(announcementText({ kind: 'item', id: 'party-hat' }, 'Pip')).toBe('Unlocked: Party hat. Wear it: buddy wear party-hat');
    expect(announcementText({ kind: 'item', id: 'gone' }, 'Pip')).toBeUndefined();
  });
});

describe('wearing', () => {
  const dressed: GrowthState = { ...base(), wardrobe: { unlocked: { bow: START, rose: START }, worn: {} } };

  it('wears an unlocked item in its slot, replacing what was there', () => {
    const bow = wearItem(dressed, 'bow');
    expect(bow.kind).toBe('worn');
    const withBow = bow.kind === 'worn' ? bow.state : dressed;
    expect(withBow.wardrobe?.worn).toEqual({ head: 'bow' });
    const rose = wearItem(withBow, 'rose');
    expect(rose.kind === 'worn' ? rose.state.wardrobe : undefined).toEqual({ unlocked: { bow: START, rose: START }, worn: { head: 'bow', card: 'rose' } });
    expect(wornItem(withBow, 'head')?.id).toBe('bow');
    expect(wornItem(withBow, 'card')).toBeUndefined();
    expect(wornItem(base(), 'head')).toBeUndefined();
    expect(wornItem(withBow, 'head')).toEqual({ id: 'bow', name: 'Bow', slot: 'head', rule: { kind: 'achievement', id: 'first-pet' } });
  });

  it('refuses a locked item, and an unknown one', () => {
    expect(wearItem(dressed, 'cherry')).toEqual({ kind: 'locked', item: itemById('cherry') });
    expect(wearItem(base(), 'bow')).toEqual({ kind: 'locked', item: itemById('bow') });
    expect(wearItem(dressed, 'crown')).toEqual({ kind: 'unknown' });
  });

  it('takes everything off, keeping what was unlocked', () => {
    const worn: GrowthState = { ...base(), wardrobe: { unlocked: { bow: START }, worn: { head: 'bow' } } };
    expect(takeEverythingOff(worn).wardrobe).toEqual({ unlocked: { bow: START }, worn: {} });
    const bare = base();
    expect(takeEverythingOff(bare)).toBe(bare);
  });
});

describe('the view', () => {
  it('says what it wears, and nothing when it wears none', () => {
    const clock = { now: START, offsetMinutes: 0 };
    expect(growthViewAt(base(), clock, true).worn).toBeUndefined();
    expect(growthViewAt({ ...base(), wardrobe: { unlocked: { bow: START }, worn: {} } }, clock, true)).not.toHaveProperty('worn');
    expect(growthViewAt({ ...base(), wardrobe: { unlocked: { bow: START }, worn: { head: 'bow' } } }, clock, true).worn).toEqual({ head: 'bow' });
  });
});
