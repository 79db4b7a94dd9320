// Hatching: write a soul for the bones and store the buddy (with a backup), so it is never lost.
// Four ways: the first hatch (several processes at once store exactly one soul), `hatch --again` (the
// next generation of soul for the same buddy), a rewrite (the same soul in the language now chosen) and a
// switch (this identity's buddy; the old one is archived).
import type { BuddyBones } from '../engine/bones.js';
import { loadModelClient } from '../persona/client-factory.js';
import { effectiveLanguage, languageName, promptLanguage } from '../persona/language.js';
import { rewriteSoul, writeSoul } from '../persona/soul-writer.js';
import { claimBuddy, makeStoredBuddy, saveBuddy, switchBuddy } from '../store/buddy-store.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import type { StoredBuddy } from '../store/schema.js';

export interface Hatched {
  readonly buddy: StoredBuddy;
  readonly warning?: string;
}

export type HatchMode =
  | { readonly kind: 'first' }
  | { readonly kind: 'again'; readonly previous: StoredBuddy }
  | { readonly kind: 'rewrite'; readonly previous: StoredBuddy }
  | { readonly kind: 'switch' };

/**
 * A soul written for the bones (by the model when a key is set, in the chosen language; else offline, in
 * English), as a buddy not yet stored.
 */
export async function writeBuddy(bones: BuddyBones, env: NodeJS.ProcessEnv, generation = 0, now: () => Date = () => new Date()): Promise<{ readonly candidate: StoredBuddy; readonly warning?: string }> {
  const settings = readConfigSnapshot(env).settings;
  const client = await loadModelClient(env, settings.model);
  // The language's name is looked up only when the model will read it.
  const language = client ? promptLanguage(effectiveLanguage(settings.language, env)) : undefined;
  const written = await writeSoul(bones, client, Date.now, generation, { language });
  const candidate = makeStoredBuddy(bones, written.soul, written.source, now(), written.model, generation, written.language);
  return { candidate, ...(written.warning ? { warning: written.warning } : {}) };
}

/** The same soul in the language now chosen, under the same name; without the model it stays as it was. */
async function rewriteInLanguage(bones: BuddyBones, previous: StoredBuddy, env: NodeJS.ProcessEnv): Promise<Hatched> {
  const settings = readConfigSnapshot(env).settings;
  const client = await loadModelClient(env, settings.model);
  const chosen = effectiveLanguage(settings.language, env);
  if (!client) return { buddy: previous, warning: `without an API key the soul cannot be written in ${languageName(chosen.tag)}; it stays as it was` };
  const language = promptLanguage(chosen);
  const rewritten = await rewriteSoul(bones, client, { name: previous.name, personality: previous.personality }, language, Date.now, previous.generation ?? 0);
  if (!rewritten.ok) return { buddy: previous, warning: rewritten.warning };
  const { written } = rewritten;
  const { model: _model, ...rest } = previous;
  const buddy: StoredBuddy = { ...rest, personality: written.soul.personality, soulSource: 'model', ...(written.model ? { model: written.model } : {}), soulLanguage: written.language };
  saveBuddy(buddy, env);
  return { buddy };
}

export async function hatchSoul(
  bones: BuddyBones,
  env: NodeJS.ProcessEnv,
  mode: HatchMode = { kind: 'first' },
  now: () => Date = () => new Date(),
): Promise<Hatched> {
  if (mode.kind === 'rewrite') return rewriteInLanguage(bones, mode.previous, env);
  const generation = mode.kind === 'again' ? (mode.previous.generation ?? 0) + 1 : 0;
  const written = await writeBuddy(bones, env, generation, now);
  const { candidate } = written;
  let buddy: StoredBuddy;
  if (mode.kind === 'again') {
    // As stored: the new soul keeps the buddy's growth, so its card shows what `buddy status` shows.
    buddy = saveBuddy(candidate, env);
  } else if (mode.kind === 'switch') {
    buddy = switchBuddy(candidate, env, now());
  } else {
    buddy = claimBuddy(candidate, env);
  }
  // Another process may have hatched first: its soul is the one kept, and the warning was about ours.
  const ours = buddy === candidate || buddy.hatchedAt === candidate.hatchedAt;
  return { buddy, ...(ours && written.warning ? { warning: written.warning } : {}) };
}
