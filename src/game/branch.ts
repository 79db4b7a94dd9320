// Growth branches: how a buddy was raised decides the look it takes at each stage after the hatchling.
// While a stage lasts, the fold tallies what raised it: care (pets, snacks, talks), work seen in coding
// sessions, and how much of either came late at night. When a level-up reaches a new stage, that stage's
// branch is decided from the tally by the rule below and kept for good; the tally starts again. Every
// branch is a look, never a punishment: a buddy left alone simply grows up balanced. Pure: time comes
// with the events (each with its own time zone offset), nothing here reads a clock. See docs/growth.md.
import { localHour } from './clock.js';
import type { EventKind, GameEvent } from './events.js';
import { levelForXp, stageForLevel, STAGES, type Stage } from './levels.js';
import type { GrowthState } from './state.js';

export const BRANCH_STAGES = ['young', 'adult', 'elder'] as const satisfies readonly Stage[];
export type BranchStage = (typeof BRANCH_STAGES)[number];

export const BRANCHES = ['care', 'work', 'night', 'balanced'] as const;
export type Branch = (typeof BRANCHES)[number];

export type Raising = NonNullable<GrowthState['raising']>;
export type Branches = NonNullable<GrowthState['branches']>;

export const NO_RAISING: Raising = { care: 0, work: 0, night: 0 };

const RAISED = 'raised ';

/** How a branch is told, after the stage: "young · raised on care". */
export const RAISED_ON: Readonly<Record<Branch, string>> = {
  care: 'raised on care',
  work: 'raised on hard work',
  night: 'raised on late nights',
  balanced: 'raised on a bit of everything',
};

/** Fewer counted events than this in a stage's span, and it grows up balanced: too little to lean on. */
export const MIN_EVENTS = 20;
/** A night branch when at least this share of the span (in percent) came in the late window. */
export const NIGHT_SHARE = 40;
/** A care or work branch when at least this share of the span (in percent) was of that kind. */
export const LEANING_SHARE = 60;
/** The late window, in local hours: from 22:00 to 04:59. */
export const LATE_FROM_HOUR = 22;
export const LATE_UNTIL_HOUR = 5;

const CARE_KINDS: ReadonlySet<EventKind> = new Set<EventKind>(['pet', 'feed', 'talk']);
const WORK_KINDS: ReadonlySet<EventKind> = new Set<EventKind>(['session', 'recovered', 'bigDiff', 'testsFailed', 'error']);

/** Whether a moment falls in the late window, by the local hour where it happened. */
export function isLate(at: number, offsetMinutes: number): boolean {
  const hour = localHour(at, offsetMinutes);
  return hour >= LATE_FROM_HOUR || hour < LATE_UNTIL_HOUR;
}

/** The tally with one admitted event added (a long silence or a shiny seen raises nothing). */
export function tallyEvent(raising: Raising, event: GameEvent): Raising {
  const care = CARE_KINDS.has(event.kind);
  const work = WORK_KINDS.has(event.kind);
  if (!care && !work) return raising;
  return {
    care: raising.care + (care ? 1 : 0),
    work: raising.work + (work ? 1 : 0),
    night: raising.night + (isLate(event.at, event.offsetMinutes) ? 1 : 0),
  };
}

/** The rule: too few events → balanced; mostly late → night; mostly care → care; mostly work → work; else balanced. */
export function decideBranch(raising: Raising): Branch {
  const total = raising.care + raising.work;
  if (total < MIN_EVENTS) return 'balanced';
  // Whole numbers only: a share is compared as part × 100 against threshold × total.
  if (raising.night * 100 >= NIGHT_SHARE * total) return 'night';
  if (raising.care * 100 >= LEANING_SHARE * total) return 'care';
  if (raising.work * 100 >= LEANING_SHARE * total) return 'work';
  return 'balanced';
}

/** A life's counts as a tally, for a buddy that grew before branches existed (the hour was not kept: no night). */
export function lifetimeRaising(counts: GrowthState['counts']): Raising {
  return {
    care: counts.pets + counts.feeds + counts.talks,
    work: counts.sessions + counts.recoveries + counts.bigDiffs + counts.failures + counts.errors,
    night: 0,
  };
}

function isBranchStage(stage: Stage): stage is BranchStage {
  return (BRANCH_STAGES as readonly Stage[]).includes(stage);
}

/** The branch stages a buddy at this stage has reached, in order. */
export function stagesReached(stage: Stage): BranchStage[] {
  return STAGES.slice(0, STAGES.indexOf(stage) + 1).filter(isBranchStage);
}

/**
 * A buddy past a stage with no branch for it (grown before branches existed) has it decided once, from its
 * lifetime counts, and kept; its tally starts now (a tally already kept goes on). The same state back when
 * nothing is missing.
 */
export function settleBranches(state: GrowthState): GrowthState {
  const reached = stagesReached(stageForLevel(levelForXp(state.xp)));
  const missing = reached.filter((stage) => state.branches?.[stage] === undefined);
  if (missing.length === 0) return state;
  const branch = decideBranch(lifetimeRaising(state.counts));
  const branches: Branches = { ...state.branches, ...Object.fromEntries(missing.map((stage) => [stage, branch])) };
  // A tally kept (only a damaged branch went missing) still counts the current stage; none kept starts now.
  return { ...state, branches, raising: state.raising ?? NO_RAISING };
}

/**
 * Where the tally stands before an event: as kept; for a hatchling that never kept one (it hatched before
 * branches existed), its life so far, which is all one span; otherwise (a damaged tally) nothing yet.
 */
export function raisingOf(state: GrowthState): Raising {
  if (state.raising) return state.raising;
  return stageForLevel(levelForXp(state.xp)) === 'hatchling' ? lifetimeRaising(state.counts) : NO_RAISING;
}

/**
 * After an admitted event: `before` is the state the event was applied to, `after` the state it made. The
 * event joins the tally; when it brought a new stage, the stage's branch is decided from the tally (the
 * event included) and the tally starts again. Returns the state and the branch decided, if one was.
 */
export function raiseWith(before: GrowthState, after: GrowthState, event: GameEvent): { readonly state: GrowthState; readonly decided?: Branch } {
  const base = raisingOf(before);
  const raising = tallyEvent(base, event);
  const fresh = stagesReached(stageForLevel(levelForXp(after.xp))).filter((reached) => after.branches?.[reached] === undefined);
  if (fresh.length === 0) return { state: raising === base ? after : { ...after, raising } };
  const decided = decideBranch(raising);
  const branches: Branches = { ...after.branches, ...Object.fromEntries(fresh.map((reached) => [reached, decided])) };
  return { state: { ...after, branches, raising: NO_RAISING }, decided };
}

/** The branch a stage grew into, if it is a stage with branches and one was decided. */
export function branchAt(branches: Branches | undefined, stage: Stage): Branch | undefined {
  return isBranchStage(stage) ? branches?.[stage] : undefined;
}

/** Every decided branch in stage order, for `buddy status`: "young: on care · adult: on late nights"; undefined when none is. */
export function raisedLine(branches: Branches): string | undefined {
  const decided = BRANCH_STAGES.filter((stage) => branches[stage] !== undefined).map((stage) => `${stage}: ${RAISED_ON[branches[stage] as Branch].slice(RAISED.length)}`);
  return decided.length > 0 ? decided.join(' · ') : undefined;
}
