// The daily greeting's model job behind `buddy hook remark` (started by the statusline's first Node refresh
// of a day, startDailyRemark): it asks the model for the greeting (within the remark budget, daily-model.ts),
// puts it in place of the offline greeting in the session's state (only if that greeting is still the
// reaction shown), and journals, once, the line finally said.
import * as v from 'valibot';
import { modelGreeting } from '../buddy/daily-model.js';
import { moodNow } from '../buddy/feeling.js';
import type { DailyFact } from '../game/daily.js';
import { journal } from '../journal/append.js';
import { MAX_FACT_LENGTH } from '../species/remark-facts.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import { sanitizeLine } from '../text/sanitize.js';
import { readStatusState, writeStatusState } from './session-state.js';

const COUNT = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000_000));

/** The fact as the job reads it back from its environment: checked, never trusted. Built when a job reads one. */
function dailyFactSchema() {
  return v.variant('kind', [
    v.object({ kind: v.literal('green'), sessions: COUNT, failed: COUNT, green: v.pipe(COUNT, v.minValue(1)) }),
    v.object({ kind: v.literal('sessions'), sessions: v.pipe(COUNT, v.minValue(1)) }),
    v.object({ kind: v.literal('streak'), days: v.pipe(COUNT, v.minValue(2)), best: v.boolean() }),
    v.object({ kind: v.literal('remembered'), text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FACT_LENGTH)) }),
    v.object({ kind: v.literal('hello') }),
  ]);
}

/** The fact in the job's environment, or undefined for anything that is not one the chooser gives. */
export function parseDailyFact(text: string | undefined): DailyFact | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
  const parsed = v.safeParse(dailyFactSchema(), raw);
  return parsed.success ? parsed.output : undefined;
}

export interface DailyJob {
  readonly sessionKey: string;
  readonly fact: DailyFact;
  /** The offline greeting shown, journaled when the model's line does not take its place. */
  readonly offline: string;
  /** The moment the greeting was shown (the reaction's). */
  readonly reactionAt: number;
}

/** What the job did, for its tests and the debug log. */
export type DailyOutcome = 'no-buddy' | 'offline' | 'superseded' | 'shown';

export async function dailyInBackground(env: NodeJS.ProcessEnv, job: DailyJob): Promise<DailyOutcome> {
  const { buddy, settings } = readConfigSnapshot(env);
  if (!buddy) return 'no-buddy';
  const text = await modelGreeting(env, buddy, settings, job.fact);
  const state = readStatusState(env, job.sessionKey);
  const keep = (said: string): void => journal({ at: Date.now(), source: 'daily', text: said, session: job.sessionKey, name: buddy.name, mood: moodNow(buddy, settings.care) }, env);
  // Only in place of the greeting itself: a newer reaction on screen means its moment has passed.
  const reaction = state?.reaction;
  if (text !== undefined && state !== undefined && reaction?.at === job.reactionAt && reaction.event === 'greeting') {
    writeStatusState(env, job.sessionKey, { ...state, reaction: { ...reaction, text } });
    keep(text);
    return 'shown';
  }
  keep(sanitizeLine(job.offline, 500));
  return text === undefined ? 'offline' : 'superseded';
}
