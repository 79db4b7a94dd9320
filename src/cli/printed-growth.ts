// The growth a printed card shows (the non-TTY pet, `buddy card`, the MCP card): what was recorded is
// folded first, so the card is up to date and shows what `buddy status` shows; its announcements wait for
// the pet. A config busy for too long shows it as stored.
import { clockAt } from '../buddy/system-clock.js';
import { portraitOf, type Portrait } from '../faces/portrait.js';
import type { Session } from '../buddy/session.js';
import type { GrowthState } from '../game/state.js';
import type { StoredBuddy } from '../store/schema.js';

export interface PrintedGrowth {
  readonly buddy: StoredBuddy;
  readonly growth: GrowthState;
  /** The buddy as every face shows it at this moment. */
  readonly portrait: Portrait;
}

export async function printedGrowth(env: NodeJS.ProcessEnv, session: Session): Promise<PrintedGrowth | undefined> {
  const { recordAndFold } = await import('../buddy/growth.js');
  const now = Date.now();
  const printed = (buddy: StoredBuddy, growth: GrowthState, careOn: boolean): PrintedGrowth => ({ buddy, growth, portrait: portraitOf(buddy.bones, buddy, growth, careOn, clockAt(now)) });
  try {
    const result = await recordAndFold(env, { announce: false, now });
    return result.buddy && result.growth ? printed(result.buddy, result.growth, result.settings.care) : undefined;
  } catch {
    const { growthOf } = await import('../store/growth-schema.js');
    if (!session.stored) return undefined;
    return printed(session.stored, growthOf(session.stored, now), session.settings.care);
  }
}
