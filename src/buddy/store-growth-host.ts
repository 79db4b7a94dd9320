// The pet screen's growth host (the pet's port, src/pet/growth-host-port.ts), kept in the store: care is
// appended to the event log at once (a failed append is folded directly instead), and each fold takes the
// log under the config lock. The store loads on the first fold, after the screen is up. When a cap held
// the pet's care back, it says so in a bubble, once an hour for each cap (mashing `p` past it does not
// bring a bubble a press). A petting or a snack (eaten or turned down) is kept in the journal as the care
// commands keep theirs (care-journal.ts), with the mood it left: once folded, in the order given.
import type { BuddyBones } from '../engine/bones.js';
import { hourIndex } from '../game/clock.js';
import { isCareKind, type GameEvent } from '../game/events.js';
import type { FoldResult } from '../game/fold.js';
import { standingAt } from '../game/standing.js';
import { initialGrowth, type GrowthState } from '../game/state.js';
import { announcementTexts, capLine, SNACK_TURNED_DOWN_WORDS } from '../game/view.js';
import { XP_AWARD } from '../game/xp.js';
import type { GrowthHost } from '../pet/growth-host-port.js';
import { speciesLine } from '../persona/species-line.js';
import { appendEvent } from '../store/event-log.js';
import { growthOf } from '../store/growth-schema.js';
import type { StoredBuddy } from '../store/schema.js';
import { SNACK_WORDS, type GivenCare } from './care.js';
import { journalCare } from './care-journal.js';
import { clockAt } from './system-clock.js';
import { eventNow, journalAnnouncements } from './growth.js';
import { recordPlayed } from './play.js';

/** What the pet's p and f are met with, in words: what `buddy pet` and `buddy feed` say (care.ts). */
export function careWords(bones: BuddyBones, kind: GivenCare, at: number, turnedDown = false): string {
  if (kind === 'pet') return speciesLine(bones, 'petted', at);
  return turnedDown ? SNACK_TURNED_DOWN_WORDS : SNACK_WORDS;
}

/** `journalSession`: the run of the pet, as the journal's session for what it announces. */
export function makeGrowthHost(env: NodeJS.ProcessEnv, stored: StoredBuddy | undefined, careOn: boolean, now: number = Date.now(), journalSession?: string): GrowthHost {
  const unrecorded: GameEvent[] = [];
  const told = new Set<string>();
  /** The care this screen recorded and no fold has taken yet (care from elsewhere says its own cap lines). */
  const mine = new Set<string>();
  /** Pettings and snacks given since the last fold, for the journal. */
  const given: { readonly kind: GivenCare; readonly at: number }[] = [];
  const careId = (event: { readonly kind: string; readonly at: number }): string => `${event.kind}:${event.at}`;
  /** The cap lines not yet said this hour, for the care this screen gave. */
  const capNotices = (capped: FoldResult['capped']): string[] => {
    const lines: string[] = [];
    for (const { event, limit } of capped) {
      if (!isCareKind(event.kind) || !mine.has(careId(event))) continue;
      const category = XP_AWARD[event.kind].category;
      const key = `${limit}:${limit === 'day' ? '' : category}:${hourIndex(event.at)}`;
      const line = capLine(limit, category);
      if (line === undefined || told.has(key)) continue;
      told.add(key);
      lines.push(line);
    }
    return lines;
  };
  let current = stored ? growthOf(stored, now) : initialGrowth(now);
  let buddy = stored;
  let careNow = careOn;
  const keep = (kind: GivenCare, at: number, growth: GrowthState, turnedDown: boolean): void => {
    if (!buddy) return;
    const mood = standingAt(growth, clockAt(at), careNow).mood;
    journalCare(env, { name: buddy.name, kind, text: careWords(buddy.bones, kind, at, turnedDown), at, mood, session: journalSession });
  };
  return {
    initial: current,
    careOn,
    record: (kind, at) => {
      const event = eventNow(kind, at);
      mine.add(careId(event));
      if (!appendEvent(env, event)) unrecorded.push(event);
      if (kind !== 'talk') given.push({ kind, at });
    },
    turnedDown: (at) => keep('feed', at, current, true),
    played: (mode, score, at) => {
      const record = recordPlayed(env, { mode, score, at }, current, { name: buddy?.name, session: journalSession });
      if (!record.appended) unrecorded.push(record.event);
      // The best beaten now is the one the next round must beat, even before the fold has run.
      if (record.newBest) current = { ...current, play: { rounds: current.play?.rounds ?? 0, best: { ...(current.play?.best ?? { live: 0, turns: 0 }), [mode]: score } } };
      return { bestBefore: record.bestBefore };
    },
    fold: async () => {
      const { foldEventsIntoStore } = await import('../store/growth-store.js');
      const extra = unrecorded.splice(0);
      const cares = given.splice(0);
      try {
        const result = foldEventsIntoStore(env, { clock: clockAt(Date.now()), announce: true, extra });
        current = result.growth ?? current;
        buddy = result.buddy ?? buddy;
        careNow = result.settings.care;
        const refused = new Set(result.turnedAway.filter((item) => item.why === 'full').map((item) => careId(item.event)));
        for (const { kind, at } of cares) keep(kind, at, current, refused.has(careId({ kind, at })));
        journalAnnouncements(env, result, journalSession);
        const notices = result.settings.care ? capNotices(result.capped) : [];
        mine.clear();
        return { growth: current, careOn: result.settings.care, announcements: [...notices, ...announcementTexts(result.announcements, result.buddy?.name ?? '')] };
      } catch (error) {
        unrecorded.unshift(...extra);
        given.unshift(...cares);
        throw error;
      }
    },
    clockAt,
  };
}
