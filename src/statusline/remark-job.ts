// The model remark job behind `buddy hook remark`, started by a statusline refresh (remark-start.ts): it
// reserves the budget, asks the model for one line, puts it in place of the offline remark in the
// session's state (only if that reaction is still the newest), journals it and settles the budget with what
// the call really cost.
import * as v from 'valibot';
import { moodNow } from '../buddy/feeling.js';
import { journal } from '../journal/append.js';
import { loadModelClient } from '../persona/client-factory.js';
import { effectiveLanguage, languageName } from '../persona/language.js';
import { hasApiKey } from '../persona/model-client.js';
import { estimateRemarkTokens, writeRemark, type RemarkResult } from '../persona/remark-writer.js';
import { temperamentAt } from '../persona/temperament.js';
import { MAX_FACT_LENGTH, MAX_NAMED_TESTS, REMARK_KINDS, type RemarkFacts } from '../species/remark-facts.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import { reserveRemark, settleRemark, type Reservation } from '../store/remark-budget.js';
import { remarkCaps } from './remark-start.js';
import { readStatusState, writeStatusState } from './session-state.js';

const FACT_TEXT = v.pipe(v.string(), v.maxLength(MAX_FACT_LENGTH));
const FACT_COUNT = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000_000));
/** The facts as the job reads them back from its environment: checked, never trusted. */
const RemarkFactsSchema = v.object({
  kind: v.picklist(REMARK_KINDS),
  tests: v.optional(v.pipe(v.array(FACT_TEXT), v.maxLength(MAX_NAMED_TESTS))),
  file: v.optional(FACT_TEXT),
  error: v.optional(FACT_TEXT),
  command: v.optional(FACT_TEXT),
  failed: v.optional(FACT_COUNT),
  passed: v.optional(FACT_COUNT),
  lines: v.optional(FACT_COUNT),
  quietMinutes: v.optional(FACT_COUNT),
  recovered: v.optional(v.boolean()),
  timesToday: v.pipe(FACT_COUNT, v.minValue(1)),
});

export function parseRemarkFacts(text: string | undefined): RemarkFacts | undefined {
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = v.safeParse(RemarkFactsSchema, raw);
  return parsed.success ? parsed.output : undefined;
}

/** What the job did, for its tests and the debug log. */
export type RemarkOutcome = 'no-buddy' | 'not-on' | 'no-key' | 'budget' | 'failed' | 'superseded' | 'shown';

/** The tokens to settle a reservation with: what the call cost, or (unknown) what was reserved. */
export function settledTokens(result: RemarkResult, reservation: Reservation): number {
  if (result.ok || result.reason === 'empty' || result.reason === 'out-of-character') return result.inputTokens + result.outputTokens;
  // A call given up on may still have been answered and billed; one refused or never made was not.
  return result.reason === 'timeout' || result.reason === 'network' ? reservation.tokens : 0;
}

export interface RemarkJob {
  readonly sessionKey: string;
  readonly facts: RemarkFacts;
  readonly context: readonly string[];
  /** The moment of the reaction whose offline text the remark replaces. */
  readonly reactionAt: number;
}

export async function remarkInBackground(env: NodeJS.ProcessEnv, job: RemarkJob): Promise<RemarkOutcome> {
  const config = readConfigSnapshot(env);
  const { buddy, settings } = config;
  if (!buddy) return 'no-buddy';
  // The settings are read again here: `buddy config watch local` stops a job already on its way.
  if (settings.watch !== 'on' || settings.muted) return 'not-on';
  if (!hasApiKey(env)) return 'no-key';
  const now = Date.now();
  const language = effectiveLanguage(settings.language, env);
  const remarkBuddy = { bones: buddy.bones, name: buddy.name, personality: buddy.personality, language: { tag: language.tag, name: languageName(language.tag) } };
  const mood = moodNow(buddy, settings.care, now);
  // What the person asked it to keep informs its remarks too, the latest first.
  const remembered = (buddy.facts ?? []).map((fact) => fact.text).reverse();
  const event = { facts: job.facts, context: job.context, remembered, temperament: temperamentAt(buddy.bones, new Date(now).getHours()), mood };
  const reserved = reserveRemark(env, remarkCaps(settings), now, estimateRemarkTokens(remarkBuddy, event));
  if (!reserved.granted) return 'budget';
  let result: RemarkResult | undefined;
  try {
    result = await writeRemark({ buddy: remarkBuddy, event, client: await loadModelClient(env, settings.model) });
  } finally {
    settleRemark(env, reserved.reservation, result ? settledTokens(result, reserved.reservation) : reserved.reservation.tokens, Date.now());
  }
  if (!result.ok) return 'failed';
  const state = readStatusState(env, job.sessionKey);
  // A newer reaction (or none) is on screen: this remark's moment has passed.
  if (state?.reaction?.at !== job.reactionAt) return 'superseded';
  writeStatusState(env, job.sessionKey, { ...state, reaction: { ...state.reaction, text: result.text } });
  journal({ source: 'reaction', text: result.text, session: job.sessionKey, name: buddy.name, mood }, env);
  return 'shown';
}
