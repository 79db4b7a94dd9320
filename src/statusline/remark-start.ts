// Model remarks from the statusline, the light half: whether a refresh should ask the model
// (shouldAskModel), and starting the detached job that does (startModelRemark, `buddy hook remark`, whose
// work is remark-job.ts). A refresh shows the offline remark at once, starts the job and returns: it never
// waits for the model, and nothing here loads the model's SDK or the job's code, so the statusline that
// imports this file stays as light as it was.
import type { DailyFact } from '../game/daily.js';
import { hasApiKey } from '../persona/model-client.js';
import { contextLines } from '../persona/prompt/remark-prompt.js';
import { MAX_FACT_LENGTH, type RemarkFacts } from '../species/remark-facts.js';
import { cutToLength } from '../text/sanitize.js';
import { redactSecrets } from '../text/secrets.js';
import { fits, remarkUse, type RemarkCaps } from '../store/remark-budget.js';
import type { Settings } from '../store/schema.js';

/** The environment variables that carry the event to the job. */
export const REMARK_FACTS_VARIABLE = 'BUDDY_REMARK_FACTS';
export const REMARK_CONTEXT_VARIABLE = 'BUDDY_REMARK_CONTEXT';
export const REMARK_AT_VARIABLE = 'BUDDY_REMARK_AT';
/** The daily greeting's job: the fact chosen and the offline greeting shown (read with REMARK_AT_VARIABLE). */
export const DAILY_FACT_VARIABLE = 'BUDDY_DAILY_FACT';
export const DAILY_TEXT_VARIABLE = 'BUDDY_DAILY_TEXT';

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

/**
 * How a refresh remarks on what it saw: `generic` (watch off: the species' own reaction line, and nothing
 * read from the transcript for a remark), `offline` (the offline remark naming the specifics), or `model`
 * (the offline remark at once, then startModelRemark).
 */
export type RemarkMode = 'generic' | 'offline' | 'model';

export function remarkMode(settings: Settings, env: NodeJS.ProcessEnv, now: number): RemarkMode {
  if (settings.watch === 'off') return 'generic';
  return shouldAskModel(settings, env, now) ? 'model' : 'offline';
}

const scrubbed = (text: string): string => cutToLength(redactSecrets(text), MAX_FACT_LENGTH);

/** The facts with their texts scrubbed of credentials again (they travel in the job's environment). */
export function scrubbedFacts(facts: RemarkFacts): RemarkFacts {
  return {
    ...facts,
    ...(facts.tests ? { tests: facts.tests.map(scrubbed) } : {}),
    ...(facts.file !== undefined ? { file: scrubbed(facts.file) } : {}),
    ...(facts.error !== undefined ? { error: scrubbed(facts.error) } : {}),
    ...(facts.command !== undefined ? { command: scrubbed(facts.command) } : {}),
  };
}

type Spawn = typeof import('node:child_process').spawn;

/**
 * Starts the detached remark job for the reaction the session shows since `reactionAt`, and returns at once
 * (true when it was started). The facts and the context are scrubbed and cut here already, so nothing secret
 * or long even travels in the job's environment. Never throws.
 */
export function startModelRemark(env: NodeJS.ProcessEnv, sessionKey: string, facts: RemarkFacts, context: readonly string[], reactionAt: number): boolean {
  return spawnRemarkJob(env, sessionKey, {
    [REMARK_FACTS_VARIABLE]: JSON.stringify(scrubbedFacts(facts)),
    [REMARK_CONTEXT_VARIABLE]: contextLines(context).join('\n'),
    [REMARK_AT_VARIABLE]: String(reactionAt),
  });
}

/**
 * Starts the job that asks the model for the daily greeting shown since `reactionAt` (`offline` is that
 * greeting, journaled by the job when the model's line does not take its place). A remembered fact is
 * scrubbed and cut here, as remark facts are. Never throws.
 */
export function startDailyRemark(env: NodeJS.ProcessEnv, sessionKey: string, fact: DailyFact, offline: string, reactionAt: number): boolean {
  const sent = fact.kind === 'remembered' ? { ...fact, text: scrubbed(fact.text) } : fact;
  return spawnRemarkJob(env, sessionKey, { [DAILY_FACT_VARIABLE]: JSON.stringify(sent), [DAILY_TEXT_VARIABLE]: offline, [REMARK_AT_VARIABLE]: String(reactionAt) });
}

/** `buddy hook remark` for this session, detached, with the job's variables in its environment. */
function spawnRemarkJob(env: NodeJS.ProcessEnv, sessionKey: string, variables: Readonly<Record<string, string>>): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    // Only when a remark is asked for: most refreshes never need child_process.
    const { spawn } = process.getBuiltinModule('node:child_process') as { spawn: Spawn };
    const child = spawn(process.execPath, [script, 'hook', 'remark', '--session', sessionKey], {
      detached: true,
      stdio: 'ignore',
      env: { ...env, ...variables },
    });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
