// The events an agent CLI may report to the buddy, and where their reactions go, alone in a module of
// their own: the MCP server lists them at startup, and the pet listens, without loading the species' lines.
import { sessionKey } from './payload.js';

export const AGENT_EVENTS = ['tests_failed', 'tests_passed', 'error', 'big_diff', 'done'] as const;
export type AgentEvent = (typeof AGENT_EVENTS)[number];

/** The statusline state agent events go to: the one a refresh without a host session reads. */
export const AGENT_SESSION_KEY = sessionKey(undefined);
