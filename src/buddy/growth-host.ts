// The pet screen's growth, kept in the store: care is appended to the event log at once (a failed append
// is folded directly instead), and each fold takes the log under the config lock. The store loads on the
// first fold, after the screen is up. A petting or a snack is kept in the journal once folded, as the care
// commands keep theirs (care-journal.ts), with the mood the fold left it in.
import type { BuddyBones } from '../engine/bones.js';
import type { GameEvent } from '../game/events.js';
import { standingAt } from '../game/standing.js';
import { initialGrowth } from '../game/state.js';
import { announcementTexts } from '../game/view.js';
import type { GrowthHost } from '../pet/growth-host.js';
import { speciesLine } from '../persona/species-line.js';
import { appendEvent } from '../store/events.js';
import { growthOf } from '../store/growth-schema.js';
import type { StoredBuddy } from '../store/schema.js';
import { SNACK_WORDS, type GivenCare } from './care.js';
import { journalCare } from './care-journal.js';
import { clockAt } from './clock.js';
import { eventNow, journalAnnouncements } from './growth.js';

/** What the pet's p and f are met with, in words: the same as `buddy pet` and `buddy feed` say (care.ts). */
export function careWords(bones: BuddyBones, kind: GivenCare, at: number): string {
  return kind === 'pet' ? speciesLine(bones, 'petted', at) : SNACK_WORDS;
}

/** `journalSession`: the run of the pet, as the journal's session for what it announces. */
export function makeGrowthHost(env: NodeJS.ProcessEnv, stored: StoredBuddy | undefined, careOn: boolean, now: number = Date.now(), journalSession?: string): GrowthHost {
  const unrecorded: GameEvent[] = [];
  /** Pettings and snacks given since the last fold, for the journal. */
  const given: { readonly kind: GivenCare; readonly at: number }[] = [];
  let current = stored ? growthOf(stored, now) : initialGrowth(now);
  return {
    initial: current,
    careOn,
    record: (kind, at) => {
      const event = eventNow(kind, at);
      if (!appendEvent(env, event)) unrecorded.push(event);
      if (kind !== 'talk') given.push({ kind, at });
    },
    fold: async () => {
      const { foldEventsIntoStore } = await import('../store/growth-store.js');
      const extra = unrecorded.splice(0);
      const cares = given.splice(0);
      try {
        const result = foldEventsIntoStore(env, { clock: clockAt(Date.now()), announce: true, extra });
        current = result.growth ?? current;
        const buddy = result.buddy ?? stored;
        if (buddy) {
          for (const { kind, at } of cares) {
            const mood = standingAt(current, clockAt(at), result.settings.care).mood;
            journalCare(env, { name: buddy.name, kind, text: careWords(buddy.bones, kind, at), at, mood, session: journalSession });
          }
        }
        journalAnnouncements(env, result, journalSession);
        return { growth: current, careOn: result.settings.care, announcements: announcementTexts(result.announcements, result.buddy?.name ?? '') };
      } catch (error) {
        unrecorded.unshift(...extra);
        given.unshift(...cares);
        throw error;
      }
    },
    clockAt,
  };
}
