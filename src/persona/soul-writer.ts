// Writes a soul: by the model when one is available (forced tool call, validated, one retry), else by
// the offline writer. Never fails: any model problem falls back offline with a one-line warning.
import type { BuddyBones } from '../engine/bones.js';
import { inspirationWords } from './inspiration.js';
import { HATCH_TIMEOUT_MS, ModelCallError, type ModelClient } from './model-client.js';
import { writeOfflineSoul } from './offline-writer.js';
import { HATCH_RETRY_MESSAGE, HATCH_USER_MESSAGE, hatchSystem, SOUL_TOOL } from './prompt/hatch-prompt.js';
import { sanitizeLine } from './sanitize.js';
import { checkSoul, type Soul, type SoulSource } from './soul.js';

export interface WrittenSoul {
  readonly soul: Soul;
  readonly source: SoulSource;
  readonly model?: string;
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

/** `generation` counts rewrites (`hatch --again`); each one draws other inspiration and another offline soul. */
export async function writeSoul(bones: BuddyBones, client: ModelClient | undefined, now: () => number = Date.now, generation = 0): Promise<WrittenSoul> {
  const offline = (warning?: string): WrittenSoul => ({ soul: writeOfflineSoul(bones, generation), source: 'offline', ...(warning ? { warning } : {}) });
  if (!client) return offline();
  const system = hatchSystem(bones, inspirationWords(bones.inspirationSeed + generation));
  const deadline = now() + HATCH_TIMEOUT_MS;
  let request = HATCH_USER_MESSAGE;
  let problem = 'no answer';
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      const remaining = deadline - now();
      if (remaining <= 0) throw new ModelCallError('timeout', 'the model took too long to answer');
      const raw = await client.callTool(system, [{ role: 'user', content: request }], SOUL_TOOL, remaining);
      const checked = checkSoul(cleanCandidate(raw));
      if (checked.ok) return { soul: checked.soul, source: 'model', model: client.model };
      problem = checked.reason;
      request = `${HATCH_USER_MESSAGE}\n${HATCH_RETRY_MESSAGE(problem)}`;
    }
    return offline(`the model's soul did not pass validation twice (${problem}); wrote one offline`);
  } catch (error) {
    const reason = error instanceof ModelCallError ? error.message : 'the model call failed';
    return offline(`${reason}; wrote the soul offline`);
  }
}
