// The rules: growth as a pure function of (state, events, clock). Each event first lets time pass for the
// needs, then counts, feeds, keeps the streak, earns capped XP, and may earn achievements; bringing growth
// up to the clock's moment does the same for time alone. Nothing here ever takes progress away: XP and
// achievements only grow, needs only change how the buddy looks, and a clock that goes backwards, jumps or
// changes time zone never loses or doubles anything.
import { ACHIEVEMENTS, type AchievementCheck } from './achievements.js';
import { DAY_MS, localDay, type Clock } from './clock.js';
import { isCareKind, type EventKind, type GameEvent, type WitnessedKind } from './events.js';
import { levelForXp } from './levels.js';
import { moodOf } from './mood.js';
import { FULL, fullnessAfter, snack } from './needs.js';
import { PENDING_KEPT, SEEN_IDS_KEPT, type Announcement, type Counter, type GrowthState, type Mood, type Streak } from './state.js';
import { DAILY_CARE_BONUS, grantXp, XP_AWARD } from './xp.js';

export interface FoldOptions {
  /** `buddy config care`: off means no needs (held full) and nothing that nags. */
  readonly careOn: boolean;
  /** Its own buddy is shiny. */
  readonly shiny: boolean;
}

export interface FoldResult {
  readonly state: GrowthState;
  /** What this fold earned, in order (also added to the state's pending announcements). */
  readonly announced: readonly Announcement[];
}

const COUNTER_OF: Readonly<Record<EventKind, Counter | undefined>> = {
  pet: 'pets',
  feed: 'feeds',
  talk: 'talks',
  session: 'sessions',
  recovered: 'recoveries',
  testsFailed: 'failures',
  error: 'errors',
  bigDiff: 'bigDiffs',
  longSilence: 'silences',
  sawShiny: undefined,
};

/** What it witnessed that colours its mood (a session starting or a big diff does not). */
const MOOD_WITNESS: ReadonlySet<EventKind> = new Set<WitnessedKind>(['recovered', 'testsFailed', 'error', 'longSilence']);

/** Lets time pass for the needs. Small reorderings are ignored; a clock set back by more than a day starts the reckoning again from there. */
function advanceNeeds(state: GrowthState, at: number, careOn: boolean): GrowthState {
  if (!careOn) return state.fullness === FULL && state.needsAt >= at ? state : { ...state, fullness: FULL, needsAt: Math.max(state.needsAt, at) };
  if (at >= state.needsAt) return { ...state, fullness: fullnessAfter(state.fullness, at - state.needsAt), needsAt: at };
  if (state.needsAt - at > DAY_MS) return { ...state, needsAt: at };
  return state;
}

/**
 * The streak after care on a local day, and whether that day is a new one (for the daily bonus). Care
 * within a day of the last care always continues it, even across a skipped calendar day (a flight east).
 */
function keepStreak(streak: Streak, day: number, sinceLastCare: number | undefined): { readonly streak: Streak; readonly newDay: boolean } {
  const last = streak.lastDay ?? -Infinity;
  // The same day, or a day before the last (a clock set back, a time zone to the west): nothing changes.
  if (day <= last) return { streak, newDay: false };
  const current = day === last + 1 || (sinceLastCare ?? Infinity) < DAY_MS ? streak.current + 1 : 1;
  return { streak: { current, best: Math.max(streak.best, current), lastDay: day }, newDay: true };
}

function noteMood(state: GrowthState, mood: Mood): GrowthState {
  return state.moodsSeen.includes(mood) ? state : { ...state, moodsSeen: [...state.moodsSeen, mood] };
}

function earnAchievements(check: AchievementCheck, at: number): { readonly state: GrowthState; readonly earned: Announcement[] } {
  const fresh = ACHIEVEMENTS.filter((achievement) => check.state.achievements[achievement.id] === undefined && achievement.earned(check));
  if (fresh.length === 0) return { state: check.state, earned: [] };
  const achievements = { ...check.state.achievements };
  for (const achievement of fresh) achievements[achievement.id] = at;
  return { state: { ...check.state, achievements }, earned: fresh.map((achievement) => ({ kind: 'achievement', id: achievement.id })) };
}

function applyEvent(state: GrowthState, event: GameEvent, options: FoldOptions): { readonly state: GrowthState; readonly previousCareAt: number | undefined } {
  let next = advanceNeeds(state, event.at, options.careOn);
  const counter = COUNTER_OF[event.kind];
  if (counter) next = { ...next, counts: { ...next.counts, [counter]: next.counts[counter] + 1 } };
  if (event.kind === 'feed' && options.careOn) next = { ...next, fullness: snack(next.fullness) };
  const award = XP_AWARD[event.kind];
  let gained = 0;
  if (award.xp > 0) {
    const grant = grantXp(next.earned, award.category, award.xp, event.at);
    gained += grant.granted;
    next = { ...next, earned: grant.earned };
  }
  if (isCareKind(event.kind)) {
    const kept = keepStreak(next.streak, localDay(event.at, event.offsetMinutes), next.lastCareAt === undefined ? undefined : event.at - next.lastCareAt);
    next = { ...next, streak: kept.streak, lastCareAt: Math.max(next.lastCareAt ?? event.at, event.at) };
    if (kept.newDay) {
      const bonus = grantXp(next.earned, 'daily', DAILY_CARE_BONUS, event.at);
      gained += bonus.granted;
      next = { ...next, earned: bonus.earned };
    }
  }
  if (MOOD_WITNESS.has(event.kind) && (next.lastWitnessed === undefined || event.at >= next.lastWitnessed.at)) {
    next = { ...next, lastWitnessed: { kind: event.kind as WitnessedKind, at: event.at } };
  }
  return { state: { ...next, xp: next.xp + gained }, previousCareAt: state.lastCareAt };
}

function remember<T>(list: readonly T[], items: readonly T[], keep: number): T[] {
  return [...list, ...items].slice(-keep);
}

/** Folds events (in the order given) into growth, then brings it up to the clock's moment. */
export function foldGrowth(start: GrowthState, events: readonly GameEvent[], clock: Clock, options: FoldOptions): FoldResult {
  let state = start;
  const announced: Announcement[] = [];
  const announceLevel = (before: number): void => {
    const after = levelForXp(state.xp);
    if (after > before) announced.push({ kind: 'level', level: after });
  };
  for (const event of events) {
    if (event.id !== undefined) {
      if (state.seenIds.includes(event.id)) continue;
      state = { ...state, seenIds: remember(state.seenIds, [event.id], SEEN_IDS_KEPT) };
    }
    const levelBefore = levelForXp(state.xp);
    const applied = applyEvent(state, event, options);
    state = noteMood(applied.state, moodOf(applied.state, { now: event.at, offsetMinutes: event.offsetMinutes }, options.careOn));
    announceLevel(levelBefore);
    const earned = earnAchievements({ state, event, previousCareAt: applied.previousCareAt, now: event.at, shiny: options.shiny, careOn: options.careOn }, event.at);
    state = earned.state;
    announced.push(...earned.earned);
  }
  state = advanceNeeds(state, clock.now, options.careOn);
  state = noteMood(state, moodOf(state, clock, options.careOn));
  const settled = earnAchievements({ state, event: undefined, previousCareAt: state.lastCareAt, now: clock.now, shiny: options.shiny, careOn: options.careOn }, clock.now);
  state = settled.state;
  announced.push(...settled.earned);
  if (announced.length > 0) state = { ...state, pending: remember(state.pending, announced, PENDING_KEPT) };
  return { state, announced };
}

/** Takes the pending announcements out of growth (to show them, or, with care off, to drop them silently). */
export function takeAnnouncements(state: GrowthState): { readonly state: GrowthState; readonly announcements: readonly Announcement[] } {
  return state.pending.length === 0 ? { state, announcements: [] } : { state: { ...state, pending: [] }, announcements: state.pending };
}
