// Care in the journal: what the buddy says when petted, or does when fed, kept as one line with the source
// `care`, its name and the mood the care left it in. The one care path (care.ts: `buddy pet`, `buddy feed`,
// MCP's buddy_pet and buddy_feed) and the pet's p and f (store-growth-host.ts) write it here, the same way.
import type { Mood } from '../game/state.js';
import { journal } from '../journal/append.js';
import type { GivenCare } from '../game/events.js';

export interface CareLine {
  readonly name: string;
  readonly kind: GivenCare;
  /** What it said or did, as the face showed it (without its name). */
  readonly text: string;
  /** The moment the care was given. */
  readonly at: number;
  /** Its mood right after: the one `buddy status` shows then. */
  readonly mood: Mood | undefined;
  /** Where it was given: the run of the pet, of the MCP server, or none for a command. */
  readonly session?: string | undefined;
}

export function journalCare(env: NodeJS.ProcessEnv, line: CareLine): void {
  journal({ at: line.at, source: 'care', text: line.text, session: line.session, name: line.name, mood: line.mood }, env);
}
