// The pet screen's ear for agent events: when an agent CLI tells the buddy something through MCP, the
// reaction lands in the agent session's statusline state (agent-event.ts), and the open pet shows it too.
// fs.watch on the sessions folder: no polling, so an idle pet stays idle.
import { watchFolder } from '../files/watch.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { Pose } from '../sprites/parse.js';
import { AGENT_SESSION_KEY } from './agent-event-names.js';
import { EVENT_POSE, REACTION_SHOW_MS } from './reactions.js';
import { readStatusState, sessionsDir } from './session-state.js';

export interface SeenReaction {
  readonly text: string;
  readonly pose: Pose;
}

const SAID_MAX_LENGTH = 500;

/** Calls `listener` for each new agent reaction from now on; returns the function that stops watching. */
export function watchAgentReactions(env: NodeJS.ProcessEnv, listener: (reaction: SeenReaction) => void, now: () => number = Date.now): () => void {
  const dir = sessionsDir(env);
  const fileName = `${AGENT_SESSION_KEY}.status.json`;
  // What was there before the pet opened is old news.
  let lastAt = readStatusState(env, AGENT_SESSION_KEY)?.reaction?.at ?? 0;
  const look = (): void => {
    const reaction = readStatusState(env, AGENT_SESSION_KEY)?.reaction;
    if (!reaction || reaction.at <= lastAt) return;
    lastAt = reaction.at;
    if (now() - reaction.at >= REACTION_SHOW_MS) return;
    listener({ text: sanitizeLine(reaction.text, SAID_MAX_LENGTH), pose: EVENT_POSE[reaction.event] });
  };
  try {
    // Atomic writes rename a temporary file onto the state file: its name is what changes.
    return watchFolder(dir, (name) => {
      if (name === fileName) look();
    });
  } catch {
    // No watching on this file system: the pet simply does not hear agent events.
    return () => undefined;
  }
}
