// A host's own tool filter on Buddy's server entry, held against the tool table (src/mcp/tool-filters.ts):
// what `buddy doctor` reports of Gemini CLI's includeTools/excludeTools, Codex's enabled_tools/disabled_tools
// and GitHub Copilot CLI's tools.
import { describe, expect, it } from 'vitest';
import { toolFilters } from '../../src/mcp/tool-filters.js';
import { TOOL_NAMES } from '../../src/mcp/tools.js';

const ENTRY = { command: '/usr/bin/node', args: ['/opt/buddy/dist/buddy.js', 'mcp'] };

describe('toolFilters', () => {
  it('finds nothing in an entry without filters, or with filters that keep every tool', () => {
    expect(toolFilters('gemini', ENTRY)).toEqual([]);
    expect(toolFilters('codex', ENTRY)).toEqual([]);
    // Made from the table: a tool added there is in these lists too.
    expect(toolFilters('gemini', { ...ENTRY, includeTools: [...TOOL_NAMES], excludeTools: [] })).toEqual([]);
    expect(toolFilters('codex', { ...ENTRY, enabled_tools: [...TOOL_NAMES].reverse(), disabled_tools: [] })).toEqual([]);
  });

  it("names the tools an allow-list leaves out, and the names in it that are none of Buddy's", () => {
    expect(toolFilters('gemini', { ...ENTRY, includeTools: ['buddy_card', 'buddy_talk', 'buddy_poke'] })).toEqual([
      { key: 'includeTools', kind: 'allow', hidden: ['buddy_pet', 'buddy_feed', 'buddy_react'], unknown: ['buddy_poke'] },
    ]);
    expect(toolFilters('codex', { ...ENTRY, enabled_tools: [] })).toEqual([
      { key: 'enabled_tools', kind: 'allow', hidden: ['buddy_card', 'buddy_talk', 'buddy_pet', 'buddy_feed', 'buddy_react'], unknown: [] },
    ]);
  });

  it('names the tools a deny-list hides', () => {
    expect(toolFilters('gemini', { ...ENTRY, excludeTools: ['buddy_talk', 'buddy_talk'] })).toEqual([{ key: 'excludeTools', kind: 'deny', hidden: ['buddy_talk'], unknown: [] }]);
    expect(toolFilters('codex', { ...ENTRY, disabled_tools: ['buddy_feed', 'old_tool'] })).toEqual([{ key: 'disabled_tools', kind: 'deny', hidden: ['buddy_feed'], unknown: ['old_tool'] }]);
  });

  it("reads GitHub Copilot CLI's tools: \"*\" offers every tool, a list of names only those, and it has no deny-list", () => {
    expect(toolFilters('copilot', { ...ENTRY, tools: ['*'] })).toEqual([]);
    expect(toolFilters('copilot', { ...ENTRY, tools: ['buddy_card', '*'] })).toEqual([]);
    expect(toolFilters('copilot', ENTRY)).toEqual([]);
    expect(toolFilters('copilot', { ...ENTRY, tools: ['buddy_card', 'buddy_poke'] })).toEqual([
      { key: 'tools', kind: 'allow', hidden: ['buddy_talk', 'buddy_pet', 'buddy_feed', 'buddy_react'], unknown: ['buddy_poke'] },
    ]);
    expect(toolFilters('copilot', { ...ENTRY, tools: [] })).toEqual([
      { key: 'tools', kind: 'allow', hidden: ['buddy_card', 'buddy_talk', 'buddy_pet', 'buddy_feed', 'buddy_react'], unknown: [] },
    ]);
    // "*" is Copilot's alone: in Gemini CLI's allow-list it is a name like any other.
    expect(toolFilters('gemini', { ...ENTRY, includeTools: ['*'] })).toEqual([
      { key: 'includeTools', kind: 'allow', hidden: ['buddy_card', 'buddy_talk', 'buddy_pet', 'buddy_feed', 'buddy_react'], unknown: ['an entry that cannot be shown'] },
    ]);
    expect(toolFilters('copilot', { ...ENTRY, excludeTools: ['buddy_card'], disabled_tools: ['buddy_card'] })).toEqual([]);
  });

  it('reads only the keys of its own host', () => {
    expect(toolFilters('codex', { ...ENTRY, includeTools: [] })).toEqual([]);
    expect(toolFilters('gemini', { ...ENTRY, enabled_tools: [] })).toEqual([]);
    expect(toolFilters('claude-code', { ...ENTRY, includeTools: [], enabled_tools: [] })).toEqual([]);
  });

  it('says back no name that could carry control characters, and passes over a filter that is not a list', () => {
    expect(toolFilters('gemini', { ...ENTRY, excludeTools: ['\u001b]0;pwned\u0007', 42, 'buddy card', 'buddy_card'] })).toEqual([
      { key: 'excludeTools', kind: 'deny', hidden: ['buddy_card'], unknown: ['an entry that cannot be shown'] },
    ]);
    expect(toolFilters('gemini', { ...ENTRY, includeTools: 'buddy_card' })).toEqual([]);
    expect(toolFilters('gemini', undefined)).toEqual([]);
    expect(toolFilters('gemini', ['includeTools'])).toEqual([]);
  });
});
