// Care given from outside the pet screen: `buddy pet`, `buddy feed` and the MCP server's buddy_feed, one
// path for all. The care is recorded and folded at once, so the answer can say the new level and needs,
// and any level-up or achievement it brought (with care off those are earned silently, and there are no
// needs: the belly is held full). The fold has the last word: a full buddy turns a snack down (nothing is
// eaten or earned), and a cap that held the care's XP back says so in a line. The pet screen's `f` asks
// the same question (eatsSnack, src/game/view.ts) before its snack is shown.
import type { GivenCare } from '../game/events.js';
import { announcementTexts, capLine, growthViewAt, SNACK_TURNED_DOWN_WORDS, type GrowthView } from '../game/view.js';
import { XP_AWARD } from '../game/xp.js';
import { speciesLine } from '../persona/species-line.js';
import { growthOf } from '../store/growth-schema.js';
import type { StoredBuddy } from '../store/schema.js';
import { journalCare } from './care-journal.js';
import { clockAt } from './system-clock.js';
import { recordAndFold } from './growth.js';

/** What a snack is met with, after the buddy's name. */
export const SNACK_WORDS = 'munches the snack, crumbs everywhere. nom!';

export type { GivenCare } from '../game/events.js';

export interface CareOutcome {
  readonly buddy: StoredBuddy;
  /** What it says (petted) or does (fed, or turned the snack down), without its name. */
  readonly said: string;
  readonly careOn: boolean;
  /** Its growth right after (as it was stored, if the fold found no buddy: it was switched away meanwhile). */
  readonly view: GrowthView;
  /** Fullness as it showed just before (whole percent), with care on. */
  readonly fullnessBefore: number | undefined;
  /** A full buddy turned the snack down: it was not eaten, and earned nothing. */
  readonly turnedDown: boolean;
  /** The line saying a cap held this care's XP back, when one did. */
  readonly capped: string | undefined;
  /** Level-ups and achievements to show, in words (none with care off). */
  readonly announcements: readonly string[];
}

/**
 * Gives one care to the stored buddy. `journalSession` names where the announcements were shown (the
 * MCP server's run), for the journal.
 */
export async function giveCare(
  env: NodeJS.ProcessEnv,
  stored: StoredBuddy,
  kind: GivenCare,
  options: {
    readonly now: number;
    readonly careOn: boolean;
    readonly journalSession?: string;
    /** The line the face showed for this care instead of `said` (the MCP server shows its reaction): journaled as shown. */
    readonly shownText?: string;
  },
): Promise<CareOutcome> {
  const { now } = options;
  const before = growthViewAt(growthOf(stored, now), clockAt(now), options.careOn);
  const result = await recordAndFold(env, { care: kind, announce: true, now, ...(options.journalSession ? { journalSession: options.journalSession } : {}) });
  const buddy = result.buddy ?? stored;
  const careOn = result.settings.care;
  const ours = (event: { readonly kind: string; readonly at: number }): boolean => event.kind === kind && event.at === now;
  const turnedDown = result.turnedAway.some((item) => item.why === 'full' && ours(item.event));
  const limit = result.capped.find((item) => ours(item.event))?.limit;
  const outcome: CareOutcome = {
    buddy,
    said: kind === 'pet' ? speciesLine(buddy.bones, 'petted', now) : turnedDown ? SNACK_TURNED_DOWN_WORDS : SNACK_WORDS,
    careOn,
    view: growthViewAt(result.growth ?? growthOf(buddy, now), clockAt(now), careOn),
    fullnessBefore: before.needs?.fullness,
    turnedDown,
    capped: limit === undefined ? undefined : capLine(limit, XP_AWARD[kind].category),
    announcements: announcementTexts(result.announcements, buddy.name),
  };
  journalCare(env, { name: buddy.name, kind, text: options.shownText ?? outcome.said, at: now, mood: outcome.view.mood, session: options.journalSession });
  return outcome;
}
