// The growth a printed card shows (the non-TTY pet, `buddy card`): what was recorded is folded first, so
// the card is up to date; its announcements wait for the pet. A config busy for too long shows it as stored.
import type { Session } from '../buddy/session.js';
import type { GrowthState } from '../game/state.js';
import type { GrowthView } from '../game/view.js';
import type { StoredBuddy } from '../store/schema.js';
import type { CliIo } from './io.js';

export interface PrintedGrowth {
  readonly buddy: StoredBuddy;
  readonly growth: GrowthState;
  readonly view: GrowthView;
}

export async function printedGrowth(io: CliIo, session: Session): Promise<PrintedGrowth | undefined> {
  const { recordAndFold } = await import('../buddy/growth.js');
  const { viewNow } = await import('./growth-lines.js');
  try {
    const result = await recordAndFold(io.env, { announce: false });
    return result.buddy && result.growth ? { buddy: result.buddy, growth: result.growth, view: viewNow(result.growth, result.settings.care) } : undefined;
  } catch {
    const { growthOf } = await import('../store/growth-schema.js');
    if (!session.stored) return undefined;
    const growth = growthOf(session.stored, Date.now());
    return { buddy: session.stored, growth, view: viewNow(growth, session.settings.care) };
  }
}
