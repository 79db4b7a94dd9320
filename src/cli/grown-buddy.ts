// The opening every growth command shares (status, achievements, tricks, wardrobe): the streams made safe
// for the terminal, the session's notes said, what was recorded folded in (its announcements to show), and
// the buddy with its growth; or, before the hatch, the one line saying there is no buddy yet.
import { recordAndFold } from '../buddy/growth.js';
import { loadSession } from '../buddy/session.js';
import type { GrowthState } from '../game/state.js';
import { asciiOnly } from '../render/terminal.js';
import type { GrowthFold } from '../store/growth-store.js';
import type { StoredBuddy } from '../store/schema.js';
import { asciiIo } from './ascii-io.js';
import type { CliIo } from './io.js';
import { sayNoBuddyYet } from './not-hatched.js';
import { printNotes } from './notes.js';

export interface GrownBuddy {
  readonly io: CliIo;
  /** Drawn in ASCII only (no UTF-8, or --ascii). */
  readonly ascii: boolean;
  readonly buddy: StoredBuddy;
  readonly growth: GrowthState;
  readonly fold: GrowthFold;
  readonly now: number;
}

/** The buddy and its growth folded up to now, or the exit code of the line said before the hatch. */
export async function grownBuddy(streams: CliIo, values: { readonly ascii?: boolean | undefined; readonly json?: boolean | undefined; readonly user?: string | undefined }): Promise<GrownBuddy | number> {
  const ascii = asciiOnly(streams.env, values.ascii);
  const io = asciiIo(streams, ascii, values.json);
  const session = await loadSession(io.env, values.user);
  printNotes(io, session);
  if (!session.stored) return sayNoBuddyYet(io, values.json);
  const now = Date.now();
  const fold = await recordAndFold(io.env, { announce: true, now });
  if (!fold.growth) return sayNoBuddyYet(io, values.json);
  return { io, ascii, buddy: fold.buddy ?? session.stored, growth: fold.growth, fold, now };
}
