// Hatching: write a soul for the bones and store the buddy (with a backup), so it is never lost.
// Three ways: the first hatch (several processes at once store exactly one soul), `hatch --again` (the
// next generation of soul for the same buddy) and a switch (this identity's buddy; the old one is archived).
import type { BuddyBones } from '../engine/bones.js';
import { loadModelClient } from '../persona/client-factory.js';
import { writeSoul } from '../persona/soul-writer.js';
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
  | { readonly kind: 'switch' };

/** A soul written for the bones (by the model when a key is set, else offline), as a buddy not yet stored. */
export async function writeBuddy(bones: BuddyBones, env: NodeJS.ProcessEnv, generation = 0, now: () => Date = () => new Date()): Promise<{ readonly candidate: StoredBuddy; readonly warning?: string }> {
  const client = await loadModelClient(env, readConfigSnapshot(env).settings.model);
  const written = await writeSoul(bones, client, Date.now, generation);
  const candidate = makeStoredBuddy(bones, written.soul, written.source, now(), written.model, generation);
  return { candidate, ...(written.warning ? { warning: written.warning } : {}) };
}

export async function hatchSoul(
  bones: BuddyBones,
  env: NodeJS.ProcessEnv,
  mode: HatchMode = { kind: 'first' },
  now: () => Date = () => new Date(),
): Promise<Hatched> {
  const generation = mode.kind === 'again' ? (mode.previous.generation ?? 0) + 1 : 0;
  const written = await writeBuddy(bones, env, generation, now);
  const { candidate } = written;
  let buddy: StoredBuddy;
  if (mode.kind === 'again') {
    saveBuddy(candidate, env);
    buddy = candidate;
  } else if (mode.kind === 'switch') {
    buddy = switchBuddy(candidate, env, now());
  } else {
    buddy = claimBuddy(candidate, env);
  }
  // Another process may have hatched first: its soul is the one kept, and the warning was about ours.
  const ours = buddy === candidate || buddy.hatchedAt === candidate.hatchedAt;
  return { buddy, ...(ours && written.warning ? { warning: written.warning } : {}) };
}
