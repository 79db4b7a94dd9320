// Care and growth for full commands: record an event, then fold the log into the buddy's growth. The
// event goes to the log first, so a fold that cannot run now (the config is busy) loses nothing: the next
// one takes it. The store (conf) loads only here, never on the statusline's path.
import type { CareKind, EventKind, GameEvent } from '../game/events.js';
import { standingAt } from '../game/standing.js';
import { announcementText, growthViewAt, moodPhrase } from '../game/view.js';
import { journal } from '../journal/append.js';
import type { Feeling } from '../persona/conversation.js';
import { appendEvent } from '../store/event-log.js';
import { growthOf } from '../store/growth-schema.js';
import type { GrowthFold } from '../store/growth-store.js';
import type { StoredBuddy } from '../store/schema.js';
import { clockAt } from './system-clock.js';

export function eventNow(kind: EventKind, now: number = Date.now()): GameEvent {
  return { kind, at: now, offsetMinutes: clockAt(now).offsetMinutes };
}

/** Records an event without folding (a fold happens in the next full command). */
export function recordEvent(env: NodeJS.ProcessEnv, kind: EventKind, now: number = Date.now()): void {
  appendEvent(env, eventNow(kind, now));
}

/**
 * Records a care action (or nothing, to fold what others recorded) and folds the log. `announce` takes
 * the waiting level-ups and achievements to show them.
 */
export async function recordAndFold(
  env: NodeJS.ProcessEnv,
  options: { readonly care?: CareKind; readonly announce: boolean; readonly now?: number; readonly journalSession?: string },
): Promise<GrowthFold> {
  const now = options.now ?? Date.now();
  const event = options.care ? eventNow(options.care, now) : undefined;
  const appended = event ? appendEvent(env, event) : true;
  const { foldEventsIntoStore } = await import('../store/growth-store.js');
  const result = foldEventsIntoStore(env, { clock: clockAt(Date.now()), announce: options.announce, ...(event && !appended ? { extra: [event] } : {}) });
  journalAnnouncements(env, result, options.journalSession);
  return result;
}

/**
 * Keeps the level-ups and achievements being announced in the journal too, with the mood the fold left it
 * in. A fold hands each announcement out once, so each is kept once, whichever face shows it.
 */
export function journalAnnouncements(env: NodeJS.ProcessEnv, fold: Pick<GrowthFold, 'announcements' | 'buddy' | 'growth' | 'settings'>, session?: string): void {
  if (fold.announcements.length === 0) return;
  const name = fold.buddy?.name;
  const now = Date.now();
  const mood = fold.growth ? standingAt(fold.growth, clockAt(now), fold.settings.care).mood : undefined;
  for (const announcement of fold.announcements) {
    const text = announcementText(announcement, name ?? '');
    // A level-up and the trick it taught are kept as level-ups; an achievement and the item it unlocked, as achievements.
    if (text !== undefined) journal({ at: now, source: announcement.kind === 'achievement' || announcement.kind === 'item' ? 'achievement' : 'level-up', text, session, name, mood }, env);
  }
}

/** How it feels now, for talk: its mood (as the journal keeps it) and the prompt's words for it, with its needs and level. */
export function feelingNow(buddy: StoredBuddy, careOn: boolean, now: number = Date.now()): Feeling {
  const view = growthViewAt(growthOf(buddy, now), clockAt(now), careOn);
  return { mood: view.mood, phrase: moodPhrase(view) };
}
