// Folding: one locked read-modify-write takes the new lines of the event log, folds them into the current
// buddy's growth with the rules (src/game), and stores the growth and the log position together. Events
// recorded before the buddy hatched wait in the log until it hatches, and are then turned away by the
// rules (dated before the hatch, they count for nothing). Announcements wait in the growth until a face that
// can show them asks; with care off they are dropped unseen (levels and achievements still count).
import type { Clock } from '../game/clock.js';
import type { GameEvent } from '../game/events.js';
import { foldGrowth, takeAnnouncements, type FoldResult } from '../game/fold.js';
import { levelForXp } from '../game/levels.js';
import type { Announcement, GrowthState } from '../game/state.js';
import { openConfigStore } from './config-store.js';
import { readCheckedSnapshot } from './config-snapshot.js';
import { hasNewEvents, takeNewEvents } from './event-log.js';
import { growthOf, toStoredGrowth } from './growth-schema.js';
import type { Settings, StoredBuddy } from './schema.js';

export interface GrowthFold {
  readonly buddy: StoredBuddy | undefined;
  readonly growth: GrowthState | undefined;
  readonly settings: Settings;
  /** Level-ups and achievements to show now (none unless asked to announce, and none with care off). */
  readonly announcements: readonly Announcement[];
  /** How many events this fold took. */
  readonly folded: number;
  /** Events the rules turned away, and events whose XP a cap held back (see src/game/fold.ts). */
  readonly turnedAway: FoldResult['turnedAway'];
  readonly capped: FoldResult['capped'];
}

export interface FoldRequest {
  readonly clock: Clock;
  /** Take the pending announcements to show them. */
  readonly announce: boolean;
  /** Events that could not be appended to the log, folded directly. */
  readonly extra?: readonly GameEvent[];
}

/** Growth that differs only in the needs' reckoning (recomputed on every read) needs no write. */
function sameGrowth(a: GrowthState, b: GrowthState): boolean {
  return JSON.stringify({ ...a, fullness: 0, needsAt: 0 }) === JSON.stringify({ ...b, fullness: 0, needsAt: 0 });
}

/** What a fold would give without taking the lock, when there is nothing to fold and nothing to write. */
function foldWithoutWriting(env: NodeJS.ProcessEnv, request: FoldRequest): GrowthFold | undefined {
  if ((request.extra ?? []).length > 0) return undefined;
  const data = readCheckedSnapshot(env, new Date(request.clock.now)).data;
  if (hasNewEvents(env, data.events)) return undefined;
  const buddy = data.buddy;
  if (!buddy) return { buddy, growth: undefined, settings: data.settings, announcements: [], folded: 0, turnedAway: [], capped: [] };
  const before = growthOf(buddy, request.clock.now);
  const result = foldGrowth(before, [], request.clock, { careOn: data.settings.care, shiny: buddy.bones.shiny });
  const pending = (request.announce || !data.settings.care) && result.state.pending.length > 0;
  if (pending || !sameGrowth(before, result.state)) return undefined;
  return { buddy, growth: before, settings: data.settings, announcements: [], folded: 0, turnedAway: [], capped: [] };
}

export function foldEventsIntoStore(env: NodeJS.ProcessEnv, request: FoldRequest): GrowthFold {
  const quiet = foldWithoutWriting(env, request);
  if (quiet) return quiet;
  let announcements: readonly Announcement[] = [];
  let folded = 0;
  let turnedAway: FoldResult['turnedAway'] = [];
  let capped: FoldResult['capped'] = [];
  let milestone = false;
  const data = openConfigStore(env).update(
    (config) => {
      const buddy = config.buddy;
      // Before the hatch, events wait in the log; once it hatched, the rules turn away those dated before.
      if (!buddy) return;
      const taken = takeNewEvents(env, config.events);
      config.events = taken.cursor;
      const careOn = config.settings.care;
      const events = [...taken.events, ...(request.extra ?? [])];
      folded = events.length;
      const before = growthOf(buddy, request.clock.now);
      const result = foldGrowth(before, events, request.clock, { careOn, shiny: buddy.bones.shiny });
      ({ turnedAway, capped } = result);
      let state = result.state;
      if (request.announce || !careOn) {
        const taken = takeAnnouncements(state);
        state = taken.state;
        if (careOn) announcements = taken.announcements;
      }
      // Milestones also refresh the backup, so a damaged config never costs a level or an achievement.
      milestone = levelForXp(state.xp) > levelForXp(before.xp) || Object.keys(state.achievements).length > Object.keys(before.achievements).length;
      if (events.length > 0 || !sameGrowth(before, state)) config.buddy = { ...buddy, growth: toStoredGrowth(state) };
    },
    { backup: () => milestone },
  );
  return {
    buddy: data.buddy,
    growth: data.buddy ? growthOf(data.buddy, request.clock.now) : undefined,
    settings: data.settings,
    announcements,
    folded,
    turnedAway,
    capped,
  };
}
