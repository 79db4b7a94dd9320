// Writes a soul: by the model when one is available (forced tool call, validated, one retry), else by
// the offline writer. Never fails: any model problem falls back offline with a one-line warning.
import type { BuddyBones } from '../engine/bones.js';
import { inspirationWords } from './inspiration.js';
import { ENGLISH } from './language.js';
import { HATCH_TIMEOUT_MS, ModelCallError, type ModelClient } from './model-client.js';
import { writeOfflineSoul } from './offline-writer.js';
import { HATCH_RETRY_MESSAGE, HATCH_USER_MESSAGE, hatchSystem, SOUL_TOOL, type PromptLanguage } from './prompt/hatch-prompt.js';
import type { SystemBlock } from './prompt/system-sections.js';
import { sanitizeLine } from '../text/sanitize.js';
import { checkSoul, type Soul, type SoulSource } from './prompt/soul.js';

export interface WrittenSoul {
  readonly soul: Soul;
  readonly source: SoulSource;
  readonly model?: string;
  /** The language it is written in: the one asked for when the model wrote it, English offline. */
  readonly language: string;
  /** Why the model could not write it, when it fell back offline. */
  readonly warning?: string;
}

function cleanCandidate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { name, personality } = raw as { name?: unknown; personality?: unknown };
  return {
    name: typeof name === 'string' ? sanitizeLine(name, 100) : name,
    personality: typeof personality === 'string' ? sanitizeLine(personality, 1_000) : personality,
  };
}

/** A failed attempt: the soul never passed validation, or the call itself failed. */
type Attempt = { ok: true; soul: Soul } | { ok: false; invalid: boolean; warning: string };

/** Two tries at a valid soul through the forced tool call, within the hatch deadline. */
async function askForSoul(client: ModelClient, system: SystemBlock[], now: () => number, keepName?: string): Promise<Attempt> {
  const deadline = now() + HATCH_TIMEOUT_MS;
  let request = HATCH_USER_MESSAGE;
  let problem = 'no answer';
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      const remaining = deadline - now();
      if (remaining <= 0) throw new ModelCallError('timeout', 'the model took too long to answer');
      const raw = await client.callTool(system, [{ role: 'user', content: request }], SOUL_TOOL, remaining);
      const cleaned = cleanCandidate(raw);
      // A rewrite keeps the name whatever the model sends back: only the personality is new.
      const checked = checkSoul(keepName && typeof cleaned === 'object' && cleaned !== null ? { ...cleaned, name: keepName } : cleaned);
      if (checked.ok) return { ok: true, soul: checked.soul };
      problem = checked.reason;
      request = `${HATCH_USER_MESSAGE}\n${HATCH_RETRY_MESSAGE(problem)}`;
    }
    return { ok: false, invalid: true, warning: `the model's soul did not pass validation twice (${problem})` };
  } catch (error) {
    return { ok: false, invalid: false, warning: error instanceof ModelCallError ? error.message : 'the model call failed' };
  }
}

export interface SoulOptions {
  /** The language the model writes in; offline souls are English. */
  readonly language?: PromptLanguage | undefined;
}

/** `generation` counts rewrites (`hatch --again`); each one draws other inspiration and another offline soul. */
export async function writeSoul(
  bones: BuddyBones,
  client: ModelClient | undefined,
  now: () => number = Date.now,
  generation = 0,
  options: SoulOptions = {},
): Promise<WrittenSoul> {
  const offline = (warning?: string): WrittenSoul => ({
    soul: writeOfflineSoul(bones, generation),
    source: 'offline',
    language: ENGLISH,
    ...(warning ? { warning } : {}),
  });
  if (!client) return offline();
  const system = hatchSystem(bones, inspirationWords(bones.inspirationSeed + generation), { language: options.language });
  const attempt = await askForSoul(client, system, now);
  if (attempt.ok) return { soul: attempt.soul, source: 'model', model: client.model, language: options.language?.tag ?? ENGLISH };
  return offline(`${attempt.warning}; ${attempt.invalid ? 'wrote one offline' : 'wrote the soul offline'}`);
}

export type RewrittenSoul = { readonly ok: true; readonly written: WrittenSoul } | { readonly ok: false; readonly warning: string };

/**
 * The same soul in another language, under the same name. Only the model can do it; when it cannot, the
 * soul stays as it was (an offline soul in English would lose what the buddy was).
 */
export async function rewriteSoul(
  bones: BuddyBones,
  client: ModelClient,
  soul: Soul,
  language: PromptLanguage,
  now: () => number = Date.now,
  generation = 0,
): Promise<RewrittenSoul> {
  const system = hatchSystem(bones, inspirationWords(bones.inspirationSeed + generation), { language, rewrite: soul });
  const attempt = await askForSoul(client, system, now, soul.name);
  if (!attempt.ok) return { ok: false, warning: `${attempt.warning}; the soul stays as it was` };
  return { ok: true, written: { soul: attempt.soul, source: 'model', model: client.model, language: language.tag } };
}
