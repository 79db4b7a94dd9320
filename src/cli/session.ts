// Who the buddy is right now: today's roll for the resolved identity, and the hatched buddy if any.
// A stored buddy always wins over a re-roll that disagrees with it, with a one-line warning why.
import { rollFromHash, sameBones, type Bones } from '../engine/roll.js';
import { repairConfigIfNeeded } from '../store/config-health.js';
import { readConfigSnapshot } from '../store/config-snapshot.js';
import type { Settings, StoredBuddy } from '../store/schema.js';
import type { CliIo } from './io.js';
import { resolveRollInput } from './roll-input.js';

export interface Session {
  readonly bones: Bones;
  readonly stored: StoredBuddy | undefined;
  readonly settings: Settings;
  readonly warning: string | undefined;
  /** What was repaired on the way in (a corrupt config moved aside, a restored backup). */
  readonly repairs: readonly string[];
}

export function mismatchWarning(stored: StoredBuddy, rolled: Bones): string | undefined {
  if (stored.idHash !== rolled.idHash) {
    return `keeping ${stored.name} the ${stored.bones.species}: it was hatched for another identity (hash ${stored.idHash.slice(0, 8)}…, now ${rolled.idHash.slice(0, 8)}…)`;
  }
  if (stored.salt !== rolled.salt) return `keeping ${stored.name}: it was hatched with salt '${stored.salt}'`;
  if (stored.rollVersion !== rolled.version || !sameBones(stored.bones, rolled)) {
    return `keeping ${stored.name} the ${stored.bones.species}: today's roll gives different bones (roll v${stored.rollVersion} at hatch)`;
  }
  return undefined;
}

export async function loadSession(io: CliIo, user: string | undefined): Promise<Session> {
  const repairs = await repairConfigIfNeeded(io.env);
  for (const repair of repairs) io.stderr.write(`buddy: ${repair}\n`);
  const input = await resolveRollInput('buddy', { user }, io.env);
  const rolled = rollFromHash(input.idHash, input.salt);
  const config = readConfigSnapshot(io.env);
  const stored = config.buddy;
  const warning = stored ? mismatchWarning(stored, rolled) : undefined;
  return { bones: stored ? stored.bones : rolled, stored, settings: config.settings, warning, repairs };
}

export function soulNote(stored: StoredBuddy): string {
  const when = stored.hatchedAt.slice(0, 10);
  return stored.soulSource === 'model'
    ? `soul written by ${stored.model ?? 'the model'} · hatched ${when}`
    : `soul written offline · hatched ${when}`;
}
