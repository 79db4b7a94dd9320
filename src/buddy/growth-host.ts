// The pet screen's growth, kept in the store: care is appended to the event log at once (a failed append
// is folded directly instead), and each fold takes the log under the config lock. The store loads on the
// first fold, after the screen is up.
import type { GameEvent } from '../game/events.js';
import { initialGrowth } from '../game/state.js';
import { announcementTexts } from '../game/view.js';
import type { GrowthHost } from '../pet/growth-host.js';
import { appendEvent } from '../store/events.js';
import { growthOf } from '../store/growth-schema.js';
import type { StoredBuddy } from '../store/schema.js';
import { clockAt } from './clock.js';
import { eventNow, journalAnnouncements } from './growth.js';

/** `journalSession`: the run of the pet, as the journal's session for what it announces. */
export function makeGrowthHost(env: NodeJS.ProcessEnv, stored: StoredBuddy | undefined, careOn: boolean, now: number = Date.now(), journalSession?: string): GrowthHost {
  const unrecorded: GameEvent[] = [];
  let current = stored ? growthOf(stored, now) : initialGrowth(now);
  return {
    initial: current,
    careOn,
    record: (kind, at) => {
      const event = eventNow(kind, at);
      if (!appendEvent(env, event)) unrecorded.push(event);
    },
    fold: async () => {
      const { foldEventsIntoStore } = await import('../store/growth-store.js');
      const extra = unrecorded.splice(0);
      try {
        const result = foldEventsIntoStore(env, { clock: clockAt(Date.now()), announce: true, extra });
        current = result.growth ?? current;
        journalAnnouncements(env, result.announcements, result.buddy?.name, journalSession);
        return { growth: current, careOn: result.settings.care, announcements: announcementTexts(result.announcements, result.buddy?.name ?? '') };
      } catch (error) {
        unrecorded.unshift(...extra);
        throw error;
      }
    },
    clockAt,
  };
}
