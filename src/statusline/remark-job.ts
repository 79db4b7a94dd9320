// Model remarks from the statusline. A refresh that saw something worth a word shows the offline remark at
// once and, when the model may be asked (shouldAskModel), starts a detached job (`buddy hook remark`,
// startModelRemark) and returns: the refresh never waits for the model, nor loads its SDK. The job
// (remarkInBackground) reserves the budget, asks the model for one line, puts it in place of the offline
// remark in the session's state (only if that reaction is still the newest), journals it and settles the
// budget with what the call really cost.
import * as v from 'valibot';
import { moodNow } from '../buddy/feeling.js';
import { journal } from '../journal/append.js';
import { loadModelClient } from '../persona/client-factory.js';
import { effectiveLanguage, languageName } from '../persona/language.js';
import { hasApiKey } from '../persona/model-client.js';
import { contextLines } from '../persona/prompt/remark-prompt.js';
import { estimateRemarkTokens, writeRemark, type RemarkResult } from '../persona/remark-writer.js';
import { temperamentAt } from '../persona/temperament.js';
import { MAX_FACT_LENGTH, MAX_NAMED_TESTS, REMARK_KINDS, type RemarkFacts } from '../species/remark-facts.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import { fits, remarkUse, reserveRemark, settleRemark, type RemarkCaps, type Reservation } from '../store/remark-budget.js';
import type { Settings } from '../store/schema.js';
import { readStatusState, writeStatusState } from './session-state.js';

/** The environment variables that carry the event to the job. */
export const REMARK_FACTS_VARIABLE = 'BUDDY_REMARK_FACTS';
export const REMARK_CONTEXT_VARIABLE = 'BUDDY_REMARK_CONTEXT';
export const REMARK_AT_VARIABLE = 'BUDDY_REMARK_AT';

export function remarkCaps(settings: Settings): RemarkCaps {
  return { perHour: settings.remarksPerHour, tokensPerDay: settings.remarkTokensPerDay };
}

/**
 * Whether a refresh should start a model remark: watch is on, a key is set, and the budget has room for one
 * more as far as a look without the lock can tell (the job itself reserves under the lock).
 */
export function shouldAskModel(settings: Settings, env: NodeJS.ProcessEnv, now: number): boolean {
  if (settings.watch !== 'on' || settings.muted || !hasApiKey(env)) return false;
  return fits(remarkUse(env, now), remarkCaps(settings), 1) === 'yes';
}

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

type Spawn = typeof import('node:child_process').spawn;

/**
 * Starts the detached remark job for the reaction the session shows since `reactionAt`, and returns at once
 * (true when it was started). The context is scrubbed and cut here already, so nothing secret or long even
 * travels in the job's environment. Never throws.
 */
export function startModelRemark(env: NodeJS.ProcessEnv, sessionKey: string, facts: RemarkFacts, context: readonly string[], reactionAt: number): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    // Only when a remark is asked for: most refreshes never need child_process.
    const { spawn } = process.getBuiltinModule('node:child_process') as { spawn: Spawn };
    const child = spawn(process.execPath, [script, 'hook', 'remark', '--session', sessionKey], {
      detached: true,
      stdio: 'ignore',
      env: {
        ...env,
        [REMARK_FACTS_VARIABLE]: JSON.stringify(facts),
        [REMARK_CONTEXT_VARIABLE]: contextLines(context).join('\n'),
        [REMARK_AT_VARIABLE]: String(reactionAt),
      },
    });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/** What the job did, for its tests and the debug log. */
export type RemarkOutcome = 'no-buddy' | 'not-on' | 'no-key' | 'budget' | 'failed' | 'superseded' | 'shown';

/** The tokens to settle a reservation with: what the call cost, or (unknown) what was reserved. */
function settledTokens(result: RemarkResult, reservation: Reservation): number {
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
  const event = { facts: job.facts, context: job.context, temperament: temperamentAt(buddy.bones, new Date(now).getHours()), mood };
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
