// Growth as it shows at a moment (level, XP, stage, needs, mood, streak, achievements), and the words the
// buddy's announcements and its mood are told in. Pure.
import { ACHIEVEMENT_BY_ID, ACHIEVEMENTS } from './achievements.js';
import { localDay, type Clock } from './clock.js';
import { branchAt, RAISED_ON, type Branch, type Branches } from './branch.js';
import { atTheClock } from './fair.js';
import { levelProgress, stageForLevel, type LevelProgress, type Stage } from './levels.js';
import { fullnessNow } from './mood.js';
import { energyAt, tooFullToEat } from './needs.js';
import { standingAt } from './standing.js';
import type { Announcement, GrowthState, Mood, XpCategory } from './state.js';
import { itemById } from './wardrobe.js';
import { DAILY_CAP, HOURLY_CAP, type XpLimit } from './xp.js';
import { trickById, trickLearnedText } from './tricks.js';

export interface GrowthView extends LevelProgress {
  /** Needs as whole percentages; undefined with care off. */
  readonly needs: { readonly fullness: number; readonly energy: number } | undefined;
  readonly mood: Mood;
  /** The care streak still running today (0 once a day was missed). */
  readonly streak: number;
  readonly bestStreak: number;
  readonly achievements: { readonly earned: number; readonly total: number };
  readonly careOn: boolean;
  /** The branch its current stage grew into; undefined for a hatchling (or before the fold decided it). */
  readonly branch: Branch | undefined;
  /** Every branch decided so far, stage → branch. */
  readonly branches: Branches;
  /** The current stage's branch in words ("raised on care"), for the faces that print it. */
  readonly raised: string | undefined;
  /** The wardrobe items it wears, by slot; absent when it wears none. */
  readonly worn?: { readonly head?: string; readonly card?: string };
}

export function growthViewAt(stored: GrowthState, clock: Clock, careOn: boolean): GrowthView {
  // Read as a fold would read it: anything stamped beyond the clock is now.
  const state = atTheClock(stored, clock);
  const lastDay = state.streak.lastDay;
  const today = localDay(clock.now, clock.offsetMinutes);
  const standing = standingAt(state, clock, careOn);
  const branch = branchAt(state.branches, standing.stage);
  return {
    ...levelProgress(state.xp),
    level: standing.level,
    stage: standing.stage,
    needs: careOn ? { fullness: Math.round(fullnessNow(state, clock.now)), energy: Math.round(energyAt(clock.now, clock.offsetMinutes)) } : undefined,
    mood: standing.mood,
    streak: lastDay !== undefined && today - lastDay <= 1 ? state.streak.current : 0,
    bestStreak: state.streak.best,
    achievements: { earned: ACHIEVEMENTS.filter((achievement) => state.achievements[achievement.id] !== undefined).length, total: ACHIEVEMENTS.length },
    careOn,
    branch,
    branches: state.branches ?? {},
    raised: branch ? RAISED_ON[branch] : undefined,
    ...(state.wardrobe && Object.keys(state.wardrobe.worn).length > 0 ? { worn: state.wardrobe.worn } : {}),
  };
}

const STAGE_REACHED: Readonly<Record<Stage, (name: string) => string>> = {
  hatchling: (name) => `${name} just hatched!`,
  young: (name) => `${name} is not a hatchling any more!`,
  adult: (name) => `${name} is all grown up!`,
  elder: (name) => `${name} is an elder now!`,
};

/** The stage as a noun for the talk prompt ("young" alone is no noun: "level 12, a young" reads wrong). */
const STAGE_NOUN: Readonly<Record<Stage, string>> = {
  hatchling: 'a hatchling',
  young: 'a young one',
  adult: 'an adult',
  elder: 'an elder',
};

/** One short line per announcement: a level-up (and a new stage), an achievement, or a trick learned. */
export function announcementText(announcement: Announcement, name: string): string | undefined {
  if (announcement.kind === 'level') {
    const stage = stageForLevel(announcement.level);
    const reached = STAGE_REACHED[stage](name);
    // The branch it grew into joins the words: "Pip is all grown up, raised on late nights."
    const words = announcement.branch ? `${reached.slice(0, -1)}, ${RAISED_ON[announcement.branch]}.` : reached;
    const grew = stageForLevel(announcement.level - 1) !== stage ? ` ${words}` : '';
    return `Level up! ${name} is level ${announcement.level}.${grew}`;
  }
  if (announcement.kind === 'trick') {
    const trick = trickById(announcement.id);
    return trick && trickLearnedText(trick, name);
  }
  if (announcement.kind === 'item') return itemText(announcement.id);
  const achievement = ACHIEVEMENT_BY_ID.get(announcement.id);
  if (!achievement) return undefined;
  return `Achievement: ${achievement.name}${/[.!?]$/.test(achievement.name) ? '' : '.'} ${achievement.description}`;
}

/** A wardrobe item unlocked: `Unlocked: Party hat. Wear it: buddy wear party-hat`. */
function itemText(id: string): string | undefined {
  const item = itemById(id);
  return item ? `Unlocked: ${item.name}. Wear it: buddy wear ${item.id}` : undefined;
}

export function announcementTexts(announcements: readonly Announcement[], name: string): string[] {
  return announcements.map((announcement) => announcementText(announcement, name)).filter((text): text is string => text !== undefined);
}

/** The level line of the care commands and buddy_feed: `level 3 hatchling · 12/40 XP to level 4`. */
export function levelLine(view: GrowthView): string {
  const xp = view.levelSize === undefined ? `${view.xp} XP, the top level` : `${view.intoLevel}/${view.levelSize} XP to level ${view.level + 1}`;
  return `level ${view.level} ${view.stage} · ${xp}`;
}

/** Whether a snack offered at `at` is eaten: a full buddy turns it down (with care off there are no needs: always). */
export function eatsSnack(state: GrowthState, careOn: boolean, at: number): boolean {
  return !careOn || !tooFullToEat(fullnessNow(state, at));
}

/** What a full buddy does with a snack, after its name (it is not eaten and earns nothing). */
export const SNACK_TURNED_DOWN_WORDS = 'is full and turns the snack down. Maybe later!';

/** The line saying a cap held this care's XP back (none for an event too old to weigh: no face gives one). */
export function capLine(limit: XpLimit, category: XpCategory): string | undefined {
  if (limit === 'day') return `XP is capped for the day: ${DAILY_CAP} XP in any 24 hours. It still counts, and it still loves it.`;
  if (limit === 'hour') return `XP is capped for this hour: ${CATEGORY_WORDS[category]} earns at most ${HOURLY_CAP[category]} XP an hour. It still counts.`;
  return undefined;
}

const CATEGORY_WORDS: Readonly<Record<XpCategory, string>> = { care: 'care', talk: 'talking', coding: 'coding', daily: 'the daily bonus', play: 'the mini-game' };

/** Their needs line, with care on: `fullness 80% · energy 95% · cheerful`. */
export function needsLine(view: GrowthView): string | undefined {
  return view.needs ? `fullness ${view.needs.fullness}% · energy ${view.needs.energy}% · ${view.mood}` : undefined;
}

const MOOD_WORDS: Readonly<Record<Mood, string>> = {
  cheerful: 'cheerful',
  content: 'content',
  hungry: 'hungry, and would love a snack',
  sleepy: 'sleepy',
  worried: 'a little worried, having just seen something go wrong',
};

/** How it feels, for the talk prompt's dynamic part: the mood, and its needs when care is on. */
export function moodPhrase(view: GrowthView): string {
  const needs = view.needs ? ` (fullness ${view.needs.fullness}%, energy ${view.needs.energy}%)` : '';
  return `${MOOD_WORDS[view.mood]}${needs}; level ${view.level}, ${STAGE_NOUN[view.stage]}`;
}
