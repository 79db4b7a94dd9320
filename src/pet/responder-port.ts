// A port of the pet: what the pet screen needs from whoever answers for the buddy (persona, offline lines,
// tests). The app's implementation is src/buddy/persona-responder.ts.
import type { Pose } from '../sprites/parse.js';

export interface Reply {
  readonly text: string;
  readonly pose?: Pose;
  /** A conversation worth remembering took place (it counts as care). */
  readonly conversed?: boolean;
}

export interface Response {
  /** True when the answer takes a while (a model call): the bubble shows a thinking indicator meanwhile. */
  readonly thinking: boolean;
  readonly reply: Promise<Reply>;
}

export type Responder = (message: string) => Response;
