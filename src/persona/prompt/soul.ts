// A buddy's soul (name and personality) and the rules every writer's output must pass. It stands beside the
// hatch prompt, which asks the model for exactly this shape (its tool's schema is the soul); the offline
// writer, a rescued companion and a rename are held to the same rules.
export const MAX_NAME_LENGTH = 14;
export const MAX_PERSONALITY_LENGTH = 240;

/** Who wrote a soul: the model, the offline writer, or Claude Code (a companion brought back by `buddy rescue`). */
export const SOUL_SOURCES = ['model', 'offline', 'claude-code'] as const;
export type SoulSource = (typeof SOUL_SOURCES)[number];

export interface Soul {
  readonly name: string;
  readonly personality: string;
}

export type SoulCheck = { ok: true; soul: Soul } | { ok: false; reason: string };

const NAME_PATTERN = /^[\p{L}][\p{L}\p{N}'-]*$/u;

export function checkName(name: string): string | undefined {
  if (name.length === 0) return 'name is empty';
  if (name.length > MAX_NAME_LENGTH) return `name is longer than ${MAX_NAME_LENGTH} characters`;
  if (!NAME_PATTERN.test(name)) return 'name must be one word of letters';
  return undefined;
}

export function checkSoul(candidate: unknown): SoulCheck {
  if (typeof candidate !== 'object' || candidate === null) return { ok: false, reason: 'not an object' };
  const { name, personality } = candidate as { name?: unknown; personality?: unknown };
  if (typeof name !== 'string' || typeof personality !== 'string') {
    return { ok: false, reason: 'name and personality must be strings' };
  }
  const trimmedName = name.trim();
  const trimmedPersonality = personality.trim().replace(/\s+/g, ' ');
  const nameProblem = checkName(trimmedName);
  if (nameProblem) return { ok: false, reason: nameProblem };
  if (trimmedPersonality.length === 0) return { ok: false, reason: 'personality is empty' };
  if (trimmedPersonality.length > MAX_PERSONALITY_LENGTH) {
    return { ok: false, reason: `personality is longer than ${MAX_PERSONALITY_LENGTH} characters` };
  }
  return { ok: true, soul: { name: trimmedName, personality: trimmedPersonality } };
}
