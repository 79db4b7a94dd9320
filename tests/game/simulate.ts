// A person's use of the buddy over simulated days, as game events, for the rules' tests: a steady day of
// care and coding, folded the way full commands fold (a few times a day). Milliseconds of test time.
import { DAY_MS, HOUR_MS, MINUTE_MS, type Clock } from '../../src/game/clock.js';
import type { EventKind, GameEvent } from '../../src/game/events.js';
import { foldGrowth, takeAnnouncements, type FoldOptions } from '../../src/game/fold.js';
import type { Announcement, GrowthState } from '../../src/game/state.js';

/** Midnight UTC, 2026-03-02 (a Monday). */
export const START = Date.UTC(2026, 2, 2);

let sequence = 0;

/** An event at a local time of a day: `day` days after START, at hh:mm local in a zone `offset` minutes east. */
export function at(day: number, hour: number, minute: number, offsetMinutes = 0): number {
  return START + day * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS - offsetMinutes * MINUTE_MS;
}

export function event(kind: EventKind, when: number, offsetMinutes = 0, id?: string): GameEvent {
  return { kind, at: when, offsetMinutes, ...(id === undefined ? {} : { id }) };
}

/** Coding events carry ids, as the statusline writes them. */
export function witnessed(kind: EventKind, when: number, offsetMinutes = 0): GameEvent {
  sequence++;
  return event(kind, when, offsetMinutes, `session-${sequence}:${kind}`);
}

/**
 * The documented steady day (docs/growth.md): two coding sessions with a fix and a big change, a few
 * pets, two snacks and three conversations, spread over the local day.
 */
export function steadyDay(day: number, offsetMinutes = 0): GameEvent[] {
  const t = (hour: number, minute: number): number => at(day, hour, minute, offsetMinutes);
  const care = (kind: EventKind, hour: number, minute: number): GameEvent => event(kind, t(hour, minute), offsetMinutes);
  return [
    witnessed('session', t(9, 0), offsetMinutes),
    care('pet', 9, 5),
    care('pet', 9, 6),
    care('feed', 9, 30),
    witnessed('testsFailed', t(10, 0), offsetMinutes),
    witnessed('recovered', t(10, 20), offsetMinutes),
    care('talk', 10, 30),
    care('pet', 11, 0),
    care('pet', 11, 1),
    witnessed('session', t(14, 0), offsetMinutes),
    witnessed('bigDiff', t(14, 30), offsetMinutes),
    care('talk', 15, 0),
    care('pet', 15, 10),
    care('pet', 15, 11),
    care('feed', 16, 0),
    care('pet', 17, 0),
    care('pet', 17, 1),
    care('talk', 17, 30),
  ];
}

export interface Run {
  state: GrowthState;
  readonly announced: Announcement[];
}

/** Folds events in batches, as commands would: each batch up to its fold moment. */
export function fold(run: Run, events: readonly GameEvent[], clock: Clock, options: FoldOptions): Run {
  const result = foldGrowth(run.state, events, clock, options);
  const taken = takeAnnouncements(result.state);
  return { state: taken.state, announced: [...run.announced, ...taken.announcements] };
}
