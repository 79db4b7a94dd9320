// What the buddy says when it reacts: a remark grounded in what it saw (which test, which file, which
// error) when the facts name something, or its species' own line for the event otherwise. Offline: the
// model's remarks are written elsewhere, on top of the same facts.
import type { BuddyBones } from '../engine/bones.js';
import { offlineRemark } from '../persona/offline-remark.js';
import { speciesLine } from '../persona/species-line.js';
import { REMARK_MAX_LENGTH } from '../species/remark-bank.js';
import type { RemarkFacts, RemarkKind } from '../species/remark-facts.js';
import type { WatchEvent } from './reactions.js';
import { timesToday, type RemarkTally } from './remark-tally.js';
import { factsIn } from './transcript-facts.js';
import type { Signal } from './transcript-signals.js';

/** The kind of facts behind each event the buddy reacts to; a petting or a greeting has none. */
const FACT_KIND: Readonly<Partial<Record<WatchEvent, RemarkKind>>> = {
  testsFailed: 'testsFailed',
  recovered: 'testsPassed',
  error: 'error',
  bigDiff: 'bigDiff',
  longSilence: 'longSilence',
  turnEnd: 'turnEnd',
};

export const factKindOf = (event: WatchEvent): RemarkKind | undefined => FACT_KIND[event];

const SIGNAL_KIND: Readonly<Record<Signal, RemarkKind>> = { testsFailed: 'testsFailed', error: 'error', bigDiff: 'bigDiff', testsPassed: 'testsPassed' };

/** What happened in one refresh, kind by kind, for the day's tally: every signal, a worked turn's end, a silence noticed. */
export function kindsHappened(signals: readonly Signal[], turnEnded: boolean, event: WatchEvent | undefined): RemarkKind[] {
  return [...signals.map((signal) => SIGNAL_KIND[signal]), ...(turnEnded ? ['turnEnd' as const] : []), ...(event === 'longSilence' ? ['longSilence' as const] : [])];
}

export interface FactsMoment {
  /** When the transcript last changed before this refresh (the start of a long silence). */
  readonly since: number;
  /** The day's tally, this refresh's events counted, and the day it is for. */
  readonly tally: RemarkTally;
  readonly day: string;
  readonly now: number;
}

/**
 * The facts behind an event the buddy reacts to, from the records of this refresh and its day so far;
 * undefined for an event without facts (a petting) or when the records hold none of its kind.
 */
export function factsFor(records: readonly unknown[], event: WatchEvent, moment: FactsMoment): RemarkFacts | undefined {
  const kind = factKindOf(event);
  if (!kind) return undefined;
  const quietMinutes = Math.floor((moment.now - moment.since) / 60_000);
  return factsIn(records, kind, { timesToday: timesToday(moment.tally, kind, moment.day), recovered: event === 'recovered', quietMinutes });
}

/** The facts name something the buddy saw: a test, a file, an error, a command, or a count of tests or lines. */
export function grounded(facts: RemarkFacts): boolean {
  return (facts.tests?.length ?? 0) > 0 || [facts.file, facts.error, facts.command, facts.failed, facts.passed, facts.lines].some((fact) => fact !== undefined);
}

/** The narrowest room a remark is written for: below it the line is cut where it is drawn, whatever it says. */
export const MIN_REMARK_ROOM = 16;

/** A remark's room from the columns the line has for it: never wider than REMARK_MAX_LENGTH, never below MIN_REMARK_ROOM. */
export const remarkRoom = (columns: number): number => Math.max(MIN_REMARK_ROOM, Math.min(REMARK_MAX_LENGTH, Math.floor(columns)));

/**
 * The buddy's words for an event: the grounded remark when the facts name something (a turn's end always
 * has one: the species have no line of their own for it), written for `room` columns; its species' line
 * otherwise.
 */
export function remarkFor(bones: BuddyBones, event: WatchEvent, facts: RemarkFacts | undefined, variety: number, room = REMARK_MAX_LENGTH): string {
  if (event === 'turnEnd') return offlineRemark(bones, facts ?? { kind: 'turnEnd', timesToday: 1 }, variety, room);
  if (facts && grounded(facts)) return offlineRemark(bones, facts, variety, room);
  return speciesLine(bones, event, variety);
}
