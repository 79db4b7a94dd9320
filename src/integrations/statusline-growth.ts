// The statusline's part in growth, kept out of its refresh path's own files: what a refresh witnessed is
// appended to the event log (one short line per kind, only when something happened; the next full command
// folds it), and the full layout's level, stage and mood are read from the stored growth. Never loads the
// store's writer, never throws.
import { clockAt } from '../buddy/clock.js';
import type { WitnessedKind } from '../game/events.js';
import { levelForXp, stageForLevel } from '../game/levels.js';
import { MOOD_POSE, moodOf } from '../game/mood.js';
import { witnessedKinds } from '../game/witness.js';
import { appendEvent } from '../store/events.js';
import { growthOf } from '../store/growth-schema.js';
import type { StoredBuddy } from '../store/schema.js';
import type { Signal } from './detect.js';
import type { StatusState } from './session-state.js';
import type { StatusGrowth } from './statusline-render.js';

/**
 * Records what this refresh witnessed. Ids name the session and the transcript bytes read, so two refreshes
 * of one session that read the same bytes record the same event, and the fold counts it once.
 */
export function recordWitnessed(env: NodeJS.ProcessEnv, key: string, before: StatusState, after: StatusState, signals: readonly Signal[], firstLook: boolean, now: number): void {
  const kinds = witnessedKinds({ failuresBefore: before.recentFailures, signals, silenceNoticed: !before.silenceNoticed && after.silenceNoticed, firstLook });
  if (kinds.length === 0) return;
  const { offsetMinutes } = clockAt(now);
  for (const kind of kinds) {
    appendEvent(env, { kind, at: now, offsetMinutes, id: kind === 'session' ? `${key}:session` : `${key}:${before.transcriptSize}:${kind}` });
  }
}

const MOOD_REACTIONS: ReadonlySet<string> = new Set<WitnessedKind>(['testsFailed', 'error', 'recovered', 'longSilence']);

/**
 * Level, stage and mood for the full layout. The stored growth has not folded what this session just saw,
 * so the session's latest reaction counts as the latest thing witnessed, as the fold will count it.
 */
export function statusGrowth(buddy: StoredBuddy, careOn: boolean, now: number, reaction?: { readonly event: string; readonly at: number }): StatusGrowth {
  const stored = growthOf(buddy, now);
  const seen = stored.lastWitnessed;
  const growth =
    reaction && MOOD_REACTIONS.has(reaction.event) && (seen === undefined || reaction.at > seen.at)
      ? { ...stored, lastWitnessed: { kind: reaction.event as WitnessedKind, at: reaction.at } }
      : stored;
  // Level and mood only: the statusline never loads the achievements table.
  const level = levelForXp(growth.xp);
  const mood = moodOf(growth, clockAt(now), careOn);
  return { level, stage: stageForLevel(level), mood, moodPose: MOOD_POSE[mood] };
}
