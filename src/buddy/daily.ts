// The daily moment: the first time the buddy is seen on a local day (the pet, or the statusline's first Node
// refresh), it greets with something true about the person's recent days. The day is claimed once, by a
// marker made by exclusive create (files/day-marker.ts), so any number of processes greet exactly once;
// muted, nothing is said and the day stays unclaimed. The offline greeting comes at once; with a key and
// watch on, the model may say it better (in the pet), within the remark budget.
import path from 'node:path';
import { DAY_MS, localDate, localDay } from '../game/clock.js';
import { chooseDailyFact, type DailyFact } from '../game/daily.js';
import { claimDay } from '../files/day-marker.js';
import { countDay } from '../journal/day-count.js';
import { readJournal } from '../journal/read-back.js';
import { loadModelClient } from '../persona/client-factory.js';
import { estimateDailyTokens, writeDailyLine } from '../persona/daily-writer.js';
import { dailyWords } from '../persona/daily-words.js';
import { effectiveLanguage, languageName } from '../persona/language.js';
import { hasApiKey } from '../persona/model-client.js';
import type { RemarkBuddy } from '../persona/prompt/remark-prompt.js';
import { growthOf } from '../store/growth-schema.js';
import { cacheDir } from '../store/paths.js';
import { reserveRemark, settleRemark } from '../store/remark-budget.js';
import type { Settings, StoredBuddy } from '../store/schema.js';

/** Where the day markers are kept: beside the statusline's session state. */
export function dailyDir(env: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), 'daily');
}

export interface DailyGreeting {
  readonly text: string;
  readonly fact: DailyFact;
  /** The local date it greets, YYYY-MM-DD. */
  readonly date: string;
}

/** The process's local offset at `now`, minutes east of UTC. */
export function offsetAt(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

/** The fact to greet with, from the journal, the streak and the remembered facts. */
export function dailyFactOf(env: NodeJS.ProcessEnv, buddy: StoredBuddy, now: number, offsetMinutes: number): DailyFact {
  const yesterday = localDate((localDay(now, offsetMinutes) - 1) * DAY_MS, 0);
  return chooseDailyFact({
    now,
    offsetMinutes,
    yesterday: countDay(readJournal(env), yesterday, offsetMinutes),
    streak: growthOf(buddy, now).streak,
    remembered: (buddy.facts ?? []).map((fact) => fact.text),
  });
}

/** Claims today and gives its offline greeting; undefined when muted or already greeted today (anywhere). */
export function greetToday(env: NodeJS.ProcessEnv, buddy: StoredBuddy, settings: Settings, now: number): DailyGreeting | undefined {
  if (settings.muted) return undefined;
  const offsetMinutes = offsetAt(now);
  const date = localDate(now, offsetMinutes);
  if (!claimDay(dailyDir(env), date)) return undefined;
  const fact = dailyFactOf(env, buddy, now, offsetMinutes);
  return { text: dailyWords(buddy.bones, fact, date), fact, date };
}

/**
 * The model's greeting for the fact, when talk is allowed (watch on, not muted, a key) and the remark budget
 * has room; undefined otherwise or on any failure.
 */
export async function modelGreeting(env: NodeJS.ProcessEnv, buddy: StoredBuddy, settings: Settings, fact: DailyFact): Promise<string | undefined> {
  if (settings.watch !== 'on' || settings.muted || !hasApiKey(env)) return undefined;
  const language = effectiveLanguage(settings.language, env);
  const remarkBuddy: RemarkBuddy = { bones: buddy.bones, name: buddy.name, personality: buddy.personality, language: { tag: language.tag, name: languageName(language.tag) } };
  const reserved = reserveRemark(env, { perHour: settings.remarksPerHour, tokensPerDay: settings.remarkTokensPerDay }, Date.now(), estimateDailyTokens(remarkBuddy, fact));
  if (!reserved.granted) return undefined;
  let tokens = reserved.reservation.tokens;
  try {
    const client = await loadModelClient(env, settings.model);
    if (!client) {
      tokens = 0;
      return undefined;
    }
    const line = await writeDailyLine(remarkBuddy, fact, client);
    tokens = line.tokens;
    return line.text;
  } finally {
    settleRemark(env, reserved.reservation, tokens, Date.now());
  }
}
