// The rules: growth as a pure function of (state, events, clock). Growth stamped beyond the clock is first
// read as stamped now, and the time-based achievements an earlier fold claimed are confirmed or let go
// (fair.ts). Then each event is checked (not before the hatch, not beyond the clock, no snack for a full
// buddy), lets time pass for the needs, counts, feeds, keeps the streak, earns capped XP, and may earn
// achievements; bringing growth up to the clock's moment does the same for time alone. Nothing here ever
// takes progress away: XP and achievements only grow, needs only change how the buddy looks, and a clock
// that goes backwards, jumps or changes time zone never loses or doubles anything.
import { ACHIEVEMENTS, type AchievementCheck } from './achievements.js';
import { raiseWith, settleBranches, type Branch } from './branch.js';
import { DAY_MS, localDay, type Clock } from './clock.js';
import { isCareKind, type EventKind, type GameEvent, type WitnessedKind } from './events.js';
import { admission, atTheClock, confirmClaims, type TurnedAway } from './fair.js';
import { levelForXp } from './levels.js';
import { moodOf } from './mood.js';
import { FULL, fullnessAfter, snack, tooFullToEat } from './needs.js';
import { PENDING_KEPT, SEEN_IDS_KEPT, type Announcement, type Counter, type GrowthState, type Mood } from './state.js';
import { keepStreak } from './streak.js';
import { tricksLearnedBetween } from './tricks.js';
import { unlockItems } from './wardrobe.js';
import { DAILY_CARE_BONUS, grantXp, XP_AWARD, xpFor, type XpLimit } from './xp.js';
import { recordRound } from './catch/result.js';

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
  /** Events that counted for nothing, and why. */
  readonly turnedAway: readonly { readonly event: GameEvent; readonly why: TurnedAway }[];
  /** Events whose XP a cap held back (in part or whole), and which cap. */
  readonly capped: readonly { readonly event: GameEvent; readonly limit: XpLimit }[];
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
  played: undefined,
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

function noteMood(state: GrowthState, mood: Mood): GrowthState {
  return state.moodsSeen.includes(mood) ? state : { ...state, moodsSeen: [...state.moodsSeen, mood] };
}

/** Earns what is earned now; the time-based ones are only claimed, for a later fold to confirm (fair.ts). */
function earnAchievements(check: AchievementCheck, at: number): { readonly state: GrowthState; readonly earned: Announcement[] } {
  const { state } = check;
  const fresh = ACHIEVEMENTS.filter((achievement) => state.achievements[achievement.id] === undefined && state.claims[achievement.id] === undefined && achievement.earned(check));
  if (fresh.length === 0) return { state, earned: [] };
  const achievements = { ...state.achievements };
  const claims = { ...state.claims };
  const earned: Announcement[] = [];
  for (const achievement of fresh) {
    if (achievement.byTheClock) {
      claims[achievement.id] = at;
    } else {
      achievements[achievement.id] = at;
      earned.push({ kind: 'achievement', id: achievement.id });
    }
  }
  return { state: { ...state, achievements, claims }, earned };
}

interface Applied {
  readonly state: GrowthState;
  readonly previousCareAt: number | undefined;
  readonly limit?: XpLimit;
}

/** One event, or undefined when it is a snack a full buddy turns down (it counts for nothing). */
function applyEvent(state: GrowthState, event: GameEvent, options: FoldOptions): Applied | undefined {
  let next = advanceNeeds(state, event.at, options.careOn);
  if (event.kind === 'feed' && options.careOn && tooFullToEat(next.fullness)) return undefined;
  const counter = COUNTER_OF[event.kind];
  if (counter) next = { ...next, counts: { ...next.counts, [counter]: next.counts[counter] + 1 } };
  if (event.kind === 'feed' && options.careOn) next = { ...next, fullness: snack(next.fullness) };
  if (event.kind === 'played' && event.mode) next = { ...next, play: recordRound(next.play, event.mode, event.score ?? 0) };
  const award = XP_AWARD[event.kind];
  const xp = xpFor(event);
  let gained = 0;
  let limit: XpLimit | undefined;
  if (xp > 0) {
    const grant = grantXp(next.earned, award.category, xp, event.at);
    gained += grant.granted;
    limit = grant.limit;
    next = { ...next, earned: grant.earned };
  }
  if (isCareKind(event.kind)) {
    const kept = keepStreak(next.streak, localDay(event.at, event.offsetMinutes), event.at, next.lastCareAt);
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
  return { state: { ...next, xp: next.xp + gained }, previousCareAt: state.lastCareAt, ...(limit ? { limit } : {}) };
}

function remember<T>(list: readonly T[], items: readonly T[], keep: number): T[] {
  return [...list, ...items].slice(-keep);
}

/** Folds events (in the order given) into growth, then brings it up to the clock's moment. */
export function foldGrowth(start: GrowthState, events: readonly GameEvent[], clock: Clock, options: FoldOptions): FoldResult {
  const confirmed = confirmClaims(atTheClock(start, clock), clock);
  let state = settleBranches(confirmed.state);
  const announced: Announcement[] = [...confirmed.earned];
  const turnedAway: { event: GameEvent; why: TurnedAway }[] = [];
  const capped: { event: GameEvent; limit: XpLimit }[] = [];
  const announceLevel = (before: number, branch: Branch | undefined): void => {
    const after = levelForXp(state.xp);
    if (after > before) announced.push({ kind: 'level', level: after, ...(branch ? { branch } : {}) });
    for (const trick of tricksLearnedBetween(before, after)) announced.push({ kind: 'trick', id: trick.id });
  };
  for (const event of events) {
    const why = admission(event, state.startedAt, clock.now);
    if (why) {
      turnedAway.push({ event, why });
      continue;
    }
    if (event.id !== undefined && state.seenIds.includes(event.id)) continue;
    const levelBefore = levelForXp(state.xp);
    const applied = applyEvent(state, event, options);
    if (!applied) {
      turnedAway.push({ event, why: 'full' });
      continue;
    }
    if (applied.limit) capped.push({ event, limit: applied.limit });
    const raised = raiseWith(state, applied.state, event);
    if (event.id !== undefined) state = { ...raised.state, seenIds: remember(raised.state.seenIds, [event.id], SEEN_IDS_KEPT) };
    else state = raised.state;
    state = noteMood(state, moodOf(state, { now: event.at, offsetMinutes: event.offsetMinutes }, options.careOn));
    announceLevel(levelBefore, raised.decided);
    const earned = earnAchievements({ state, event, previousCareAt: applied.previousCareAt, now: event.at, shiny: options.shiny, careOn: options.careOn }, event.at);
    state = earned.state;
    announced.push(...earned.earned);
    // Wardrobe items follow what was just earned, each announced right after what unlocked it.
    const dressed = unlockItems(state, event.at);
    state = dressed.state;
    announced.push(...dressed.unlocked);
  }
  state = advanceNeeds(state, clock.now, options.careOn);
  state = noteMood(state, moodOf(state, clock, options.careOn));
  const settled = earnAchievements({ state, event: undefined, previousCareAt: state.lastCareAt, now: clock.now, shiny: options.shiny, careOn: options.careOn }, clock.now);
  state = settled.state;
  announced.push(...settled.earned);
  const dressed = unlockItems(state, clock.now);
  state = dressed.state;
  announced.push(...dressed.unlocked);
  if (announced.length > 0) state = { ...state, pending: remember(state.pending, announced, PENDING_KEPT) };
  return { state, announced, turnedAway, capped };
}

/** Takes the pending announcements out of growth (to show them, or, with care off, to drop them silently). */
export function takeAnnouncements(state: GrowthState): { readonly state: GrowthState; readonly announcements: readonly Announcement[] } {
  return state.pending.length === 0 ? { state, announcements: [] } : { state: { ...state, pending: [] }, announcements: state.pending };
}
