// The names of the MCP server's tools, in the order tools/list gives them: the one list that tools.ts
// defines a tool for each of (the compiler holds it to that), and that every printed list of the tools
// is made from (`buddy mcp --help`, the installers). A module of its own with no imports, so the help
// text can name the tools without loading their definitions.
export const TOOL_NAMES = ['buddy_card', 'buddy_talk', 'buddy_pet', 'buddy_feed', 'buddy_react'] as const;

export type ToolName = (typeof TOOL_NAMES)[number];

export const isToolName = (name: string): name is ToolName => (TOOL_NAMES as readonly string[]).includes(name);

/** The tools, as the help and the installers print them: `buddy_card, buddy_talk, …`. */
export const TOOL_LIST = TOOL_NAMES.join(', ');
