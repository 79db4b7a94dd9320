// The events an agent CLI may report to the buddy, alone in a module of their own: the MCP server lists
// them in its tool schema at startup without loading the species' lines.
export const AGENT_EVENTS = ['tests_failed', 'tests_passed', 'error', 'big_diff', 'done'] as const;
export type AgentEvent = (typeof AGENT_EVENTS)[number];
