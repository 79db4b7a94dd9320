// What the buddy was asked to keep ("Pip, remember that I deploy on Fridays"): the shape of one fact, its
// limits, and the block of the system prompt that tells the model about them. Pure: the moment "now"
// arrives from the caller, and a fact's day is read from its own stamp.
import { sanitizeLine } from '../../text/sanitize.js';

/** One thing the person asked the buddy to keep, in their words, with the moment they said it. */
export interface RememberedFact {
  readonly text: string;
  /** ISO 8601, when it was told. */
  readonly at: string;
}

/** A buddy keeps at most this many facts; a new one past it lets the oldest go. */
export const MAX_FACTS = 50;
/** A fact is cut to this many characters. */
export const MAX_FACT_LENGTH = 300;
/** The prompt names only the latest this many: enough to answer from, never a wall of text. */
export const MAX_PROMPT_FACTS = 20;
/** The prompt names the latest this many days of sessions. */
export const MAX_PROMPT_HIGHLIGHTS = 3;
const MAX_HIGHLIGHT_LENGTH = 160;

/** One day of coding sessions, in a few words (src/journal/highlights.ts makes them from the journal). */
export interface SessionHighlight {
  /** `2026-12-01` */
  readonly day: string;
  /** `Tue` */
  readonly weekday: string;
  /** `tests failed 3×, then green` */
  readonly text: string;
}

/** The day a fact was told, as it was stamped: `2026-12-06`. */
export function factDay(at: string): string {
  return at.slice(0, 10);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (the proleptic Gregorian calendar); NaN for anything else. */
function dayNumber(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return Number.NaN;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Counted from March, so the leap day is the last of its year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** ", today", ", yesterday", ", 3 days ago", by calendar days of the stamps (UTC, like the stamps). */
function ago(at: string, now: Date): string {
  const days = dayNumber(factDay(now.toISOString())) - dayNumber(factDay(at));
  if (!Number.isFinite(days) || days < 0) return '';
  if (days === 0) return ', today';
  if (days === 1) return ', yesterday';
  return `, ${days} days ago`;
}

/**
 * The "what you remember" lines of a system prompt: the latest facts, oldest first, each with its day and
 * how long ago that was, every text sanitised again (the file may have been edited). Empty when there are
 * none, so the prompt of a buddy that keeps nothing is unchanged. The remark prompt may use it too.
 */
export function rememberedBlock(facts: readonly RememberedFact[], now: Date): string {
  const shown = facts.slice(-MAX_PROMPT_FACTS).map((fact) => ({ text: sanitizeLine(fact.text, MAX_FACT_LENGTH).trim(), at: fact.at })).filter((fact) => fact.text !== '');
  if (shown.length === 0) return '';
  const lines = shown.map((fact) => `- ${factDay(fact.at)}${ago(fact.at, now)}: ${fact.text}`);
  return ['What you remember (the person asked you to keep these; use them when they matter, never invent others):', ...lines].join('\n');
}

/** The one line of a system prompt that tells of the last days' sessions; empty when there are none. */
export function highlightsLine(highlights: readonly SessionHighlight[]): string {
  const shown = highlights
    .slice(-MAX_PROMPT_HIGHLIGHTS)
    .filter((day) => sanitizeLine(day.text).trim() !== '')
    .map((day) => sanitizeLine(`${day.weekday} ${day.day}: ${day.text}`, MAX_HIGHLIGHT_LENGTH).trim());
  return shown.length === 0 ? '' : `Recent coding sessions you watched: ${shown.join('; ')}.`;
}
