// The wardrobe, as data: every item a buddy can earn and wear, the slot it is worn in, and the rule that
// unlocks it. Rules are a few kinds of data (an achievement earned, a level, a best streak, a mini-game
// score or rounds played), so each is checked the same way, hinted the same way and shown with how far
// along it is. Unlocks follow growth, which only grows: an item once unlocked stays unlocked. Pure.
import { ACHIEVEMENT_BY_ID } from './achievements.js';
import { levelForXp } from './levels.js';
import type { Announcement, GrowthState } from './state.js';
import { ITEM_SLOT, isWardrobeId, type WardrobeId, type WardrobeSlot } from './wardrobe-slots.js';

export type UnlockRule =
  | { readonly kind: 'achievement'; readonly id: string }
  | { readonly kind: 'level'; readonly level: number }
  | { readonly kind: 'streak'; readonly days: number }
  /** The best score of a mini-game round, in either mode. */
  | { readonly kind: 'score'; readonly score: number }
  | { readonly kind: 'rounds'; readonly rounds: number };

export interface WardrobeItem {
  readonly id: WardrobeId;
  readonly name: string;
  readonly slot: WardrobeSlot;
  readonly rule: UnlockRule;
}

const earned = (id: string): UnlockRule => ({ kind: 'achievement', id });

/** Name and rule per id; the slot comes from wardrobe-slots.ts, so the two lists cannot disagree. */
const ITEMS: Readonly<Record<WardrobeId, { readonly name: string; readonly rule: UnlockRule }>> = {
  bow: { name: 'Bow', rule: earned('first-pet') },
  cherry: { name: 'Cherry', rule: earned('first-snack') },
  'chef-hat': { name: 'Chef hat', rule: earned('snacks-50') },
  'speech-bubble': { name: 'Speech bubble', rule: earned('first-words') },
  'night-cap': { name: 'Night cap', rule: earned('night-owl') },
  sunrise: { name: 'Sunrise', rule: earned('early-bird') },
  bandana: { name: 'Bandana', rule: earned('streak-3') },
  headband: { name: 'Headband', rule: earned('streak-7') },
  laurel: { name: 'Laurel', rule: earned('streak-30') },
  feather: { name: 'Feather', rule: earned('welcome-back') },
  headphones: { name: 'Headphones', rule: earned('first-session') },
  goggles: { name: 'Goggles', rule: earned('red-to-green') },
  antenna: { name: 'Antenna', rule: earned('fixes-10') },
  'hard-hat': { name: 'Hard hat', rule: earned('big-diff') },
  sprout: { name: 'Sprout', rule: { kind: 'level', level: 5 } },
  cap: { name: 'Cap', rule: { kind: 'level', level: 10 } },
  'pirate-hat': { name: 'Pirate hat', rule: { kind: 'level', level: 25 } },
  mortarboard: { name: 'Mortarboard', rule: { kind: 'level', level: 40 } },
  tiara: { name: 'Tiara', rule: { kind: 'level', level: 50 } },
  'star-clip': { name: 'Star clip', rule: earned('shiny') },
  flower: { name: 'Flower', rule: earned('every-mood') },
  'party-hat': { name: 'Party hat', rule: earned('one-year') },
  gamepad: { name: 'Gamepad', rule: { kind: 'rounds', rounds: 10 } },
  joystick: { name: 'Joystick', rule: { kind: 'score', score: 10 } },
  trophy: { name: 'Trophy', rule: { kind: 'score', score: 25 } },
  rose: { name: 'Rose card', rule: earned('pets-100') },
  peach: { name: 'Peach card', rule: earned('full-belly') },
  midnight: { name: 'Midnight card', rule: earned('quiet-company') },
  terminal: { name: 'Terminal card', rule: earned('sessions-50') },
  meadow: { name: 'Meadow card', rule: { kind: 'streak', days: 14 } },
  aurora: { name: 'Aurora card', rule: { kind: 'level', level: 30 } },
  confetti: { name: 'Confetti card', rule: { kind: 'rounds', rounds: 25 } },
  gold: { name: 'Gold card', rule: { kind: 'score', score: 40 } },
};

export const WARDROBE: readonly WardrobeItem[] = Object.entries(ITEMS).map(([id, item]) => ({ id: id as WardrobeId, slot: ITEM_SLOT[id as WardrobeId], ...item }));

export function itemById(id: string): WardrobeItem | undefined {
  return isWardrobeId(id) ? WARDROBE.find((item) => item.id === id) : undefined;
}

/** The best mini-game score in either mode (0 before the first round). */
function bestScore(state: GrowthState): number {
  return state.play ? Math.max(state.play.best.live, state.play.best.turns) : 0;
}

/** Where the rule's measure stands now, and its goal; undefined for an achievement without a count. */
export function ruleProgress(rule: UnlockRule, state: GrowthState): readonly [number, number] | undefined {
  const along = (have: number, goal: number) => [Math.min(goal, have), goal] as const;
  switch (rule.kind) {
    case 'achievement':
      return ACHIEVEMENT_BY_ID.get(rule.id)?.progress?.(state);
    case 'level':
      return along(levelForXp(state.xp), rule.level);
    case 'streak':
      return along(state.streak.best, rule.days);
    case 'score':
      return along(bestScore(state), rule.score);
    case 'rounds':
      return along(state.play?.rounds ?? 0, rule.rounds);
  }
}

export function ruleHolds(rule: UnlockRule, state: GrowthState): boolean {
  if (rule.kind === 'achievement') return state.achievements[rule.id] !== undefined;
  const [have, goal] = ruleProgress(rule, state) as readonly [number, number];
  return have >= goal;
}

/** How to unlock it, for the list of locked items and the error of wearing one. */
export function ruleHint(rule: UnlockRule): string {
  switch (rule.kind) {
    case 'achievement': {
      const achievement = ACHIEVEMENT_BY_ID.get(rule.id);
      return achievement ? `earn "${achievement.name}": ${achievement.hint}` : `earn the achievement ${rule.id}`;
    }
    case 'level':
      return `reach level ${rule.level}`;
    case 'streak':
      return `care for it ${rule.days} days in a row`;
    case 'score':
      return `score ${rule.score} in one round of the mini-game (either mode)`;
    case 'rounds':
      return `play ${rule.rounds} rounds of the mini-game`;
  }
}

/** Unlocks, dated `at`, every item whose rule now holds, each announced once (the first time it unlocks). */
export function unlockItems(state: GrowthState, at: number): { readonly state: GrowthState; readonly unlocked: Announcement[] } {
  const have = state.wardrobe?.unlocked ?? {};
  const fresh = WARDROBE.filter((item) => have[item.id] === undefined && ruleHolds(item.rule, state));
  if (fresh.length === 0) return { state, unlocked: [] };
  const unlocked = { ...have };
  for (const item of fresh) unlocked[item.id] = at;
  return { state: { ...state, wardrobe: { unlocked, worn: state.wardrobe?.worn ?? {} } }, unlocked: fresh.map((item) => ({ kind: 'item', id: item.id })) };
}

export type WearOutcome =
  | { readonly kind: 'worn'; readonly state: GrowthState; readonly item: WardrobeItem }
  | { readonly kind: 'locked'; readonly item: WardrobeItem }
  | { readonly kind: 'unknown' };

/** Puts an unlocked item on, in its slot (replacing what was worn there); a locked or unknown one is refused. */
export function wearItem(state: GrowthState, id: string): WearOutcome {
  const item = itemById(id);
  if (!item) return { kind: 'unknown' };
  const wardrobe = state.wardrobe;
  if (wardrobe?.unlocked[item.id] === undefined) return { kind: 'locked', item };
  return { kind: 'worn', item, state: { ...state, wardrobe: { ...wardrobe, worn: { ...wardrobe.worn, [item.slot]: item.id } } } };
}

/** Takes everything off (the rolled hat shows again). */
export function takeEverythingOff(state: GrowthState): GrowthState {
  return state.wardrobe ? { ...state, wardrobe: { ...state.wardrobe, worn: {} } } : state;
}

/** The item worn in a slot, if any. */
export function wornItem(state: GrowthState, slot: WardrobeSlot): WardrobeItem | undefined {
  const id = state.wardrobe?.worn[slot];
  return id === undefined ? undefined : itemById(id);
}
