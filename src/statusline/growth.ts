// The statusline's part in growth, kept out of its refresh path's own files: what a refresh witnessed is
// appended to the event log (one short line per kind, only when something happened; the next full command
// folds it), and the full layout's level, stage and mood are read from the stored growth. Only a real host
// session grows the buddy: one whose transcript (a regular file, read by transcript-tail) holds the host's
// own records for that session. Buddy's own runs (doctor's statusline check, `npm run example` with its
// fixture payload, `buddy statusline` run by hand) have no such transcript and record nothing. Never loads
// the store's writer, never throws.
import { clockAt } from '../buddy/system-clock.js';
import type { WitnessedKind } from '../game/events.js';
import { MOOD_POSE } from '../sprites/mood-art.js';
import { standingAt } from '../game/standing.js';
import { branchAt } from '../game/branch.js';
import { witnessedKinds } from '../game/witness.js';
import { wornHeadArt } from '../sprites/wardrobe-art.js';
import { appendEvent } from '../store/event-log.js';
import { growthOf } from '../store/growth-schema.js';
import type { StoredBuddy } from '../store/schema.js';
import type { Signal } from './transcript-signals.js';
import type { StatusState } from './session-state.js';
import type { StatusGrowth } from './render.js';

/**
 * A record the host wrote for this session: a user or assistant message carrying the session's id (Claude
 * Code's transcript lines do). A transcript of anything else, or of another session, is not this session's.
 */
function isHostRecord(value: unknown, sessionId: string): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (record.type === 'user' || record.type === 'assistant') && record.sessionId === sessionId && typeof record.message === 'object' && record.message !== null;
}

/** Whether records read from a session's transcript include the host's own (no session id: never). */
export function hostWrote(records: readonly unknown[], sessionId: string | undefined): boolean {
  return sessionId !== undefined && records.some((record) => isHostRecord(record, sessionId));
}

/**
 * Records what this refresh witnessed, once the session is known to be real (`after.hostSeen`): the session
 * itself on the refresh that first saw the host's records, then what the transcript shows. Ids name the
 * session and the transcript bytes read, so two refreshes of one session that read the same bytes record
 * the same event, and the fold counts it once.
 */
export function recordWitnessed(env: NodeJS.ProcessEnv, key: string, before: StatusState, after: StatusState, signals: readonly Signal[], now: number): void {
  if (!after.hostSeen) return;
  const kinds = witnessedKinds({ failuresBefore: before.recentFailures, signals, silenceNoticed: !before.silenceNoticed && after.silenceNoticed, firstLook: !before.hostSeen });
  if (kinds.length === 0) return;
  const { offsetMinutes } = clockAt(now);
  for (const kind of kinds) {
    appendEvent(env, { kind, at: now, offsetMinutes, id: kind === 'session' ? `${key}:session` : `${key}:${before.transcriptSize}:${kind}` });
  }
}

const MOOD_REACTIONS: ReadonlySet<string> = new Set<WitnessedKind>(['testsFailed', 'error', 'recovered', 'longSilence']);

/** The full layout's level, stage and mood at any moment of the frames drawn from one refresh. */
export interface StatusGrowthOverTime {
  readonly at: (moment: number) => StatusGrowth;
  /** The first moment after `from`, and before `until`, at which they show otherwise; else `until`. */
  readonly changesAt: (from: number, until: number) => number;
}

/** Mood is looked at this often over the frames' window, then the change is found to the millisecond. */
const MOOD_SAMPLE_MS = 5_000;

/**
 * Level, stage and mood for the full layout. The stored growth has not folded what this session just saw,
 * so the session's latest reaction counts as the latest thing witnessed, as the fold will count it. Needs
 * and mood move with time, so the frames prepared ahead ask for them moment by moment.
 */
export function statusGrowth(buddy: StoredBuddy, careOn: boolean, now: number, reaction?: { readonly event: string; readonly at: number }): StatusGrowthOverTime {
  const stored = growthOf(buddy, now);
  const seen = stored.lastWitnessed;
  const growth =
    reaction && MOOD_REACTIONS.has(reaction.event) && (seen === undefined || reaction.at > seen.at)
      ? { ...stored, lastWitnessed: { kind: reaction.event as WitnessedKind, at: reaction.at } }
      : stored;
  // Where it stands, asked as every face asks it; the statusline never loads the achievements table.
  const standing = (moment: number) => standingAt(growth, clockAt(moment), careOn);
  const moodAt = (moment: number) => standing(moment).mood;
  const wornHat = wornHeadArt(stored.wardrobe?.worn.head);
  return {
    at: (moment) => {
      const { level, stage, mood } = standing(moment);
      return { level, stage, mood, moodPose: MOOD_POSE[mood], branch: branchAt(growth.branches, stage), ...(wornHat ? { wornHat } : {}) };
    },
    changesAt: (from, until) => {
      const mood = moodAt(from);
      let before = from;
      for (let probe = Math.min(from + MOOD_SAMPLE_MS, until); probe <= until; probe = Math.min(probe + MOOD_SAMPLE_MS, until)) {
        if (moodAt(probe) !== mood) {
          // Narrow down to the first millisecond that shows the new mood.
          let after = probe;
          while (after - before > 1) {
            const middle = Math.floor((before + after) / 2);
            if (moodAt(middle) === mood) before = middle;
            else after = middle;
          }
          return after;
        }
        if (probe === until) break;
        before = probe;
      }
      return until;
    },
  };
}
