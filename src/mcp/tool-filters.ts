// A host's own filter on the tools of Buddy's server, read against the tool table: Gemini CLI's
// includeTools and excludeTools, Codex's enabled_tools and disabled_tools, GitHub Copilot CLI's tools.
// Buddy's installers write none but Copilot's `tools: ["*"]`, which offers every tool; a person may add or
// narrow one, and a list written before a tool was added or renamed keeps a tool from the host without a
// word. `buddy doctor` says so. Reading only, no I/O.
import { TOOL_NAMES, type ToolName } from './tools.js';

interface FilterKeys {
  /** The allow-list's key. */
  readonly allow: string;
  /** The deny-list's key, for a host that has one. */
  readonly deny?: string;
  /** A name in the allow-list that stands for every tool (Copilot's "*"). */
  readonly everything?: string;
}

/** The keys of a server entry that filter its tools, per host: an allow-list, then a deny-list. */
export const TOOL_FILTER_KEYS: Readonly<Record<'gemini' | 'codex' | 'copilot', FilterKeys>> = {
  gemini: { allow: 'includeTools', deny: 'excludeTools' },
  codex: { allow: 'enabled_tools', deny: 'disabled_tools' },
  copilot: { allow: 'tools', everything: '*' },
};

export interface ToolFilter {
  /** The entry's key, as the host spells it. */
  readonly key: string;
  /** An allow-list offers only the tools it names; a deny-list all but those. */
  readonly kind: 'allow' | 'deny';
  /** Buddy's tools the filter keeps from the host: left out of an allow-list, or named in a deny-list. */
  readonly hidden: readonly ToolName[];
  /** Names in it that are no tool of Buddy's (a tool renamed or dropped since), as a name can be shown. */
  readonly unknown: readonly string[];
}

const isToolName = (name: unknown): name is ToolName => (TOOL_NAMES as readonly unknown[]).includes(name);
/** A name from the file is said back only when it looks like a tool's name: never control characters. */
const SHOWABLE = /^[\w.-]{1,64}$/;

/** The filters on Buddy's entry (a plain value, as the host file holds it); none when it has none. */
export function toolFilters(host: string, entry: unknown): ToolFilter[] {
  if (!Object.hasOwn(TOOL_FILTER_KEYS, host) || typeof entry !== 'object' || entry === null) return [];
  const keys = TOOL_FILTER_KEYS[host as keyof typeof TOOL_FILTER_KEYS];
  const filters: ToolFilter[] = [];
  for (const kind of ['allow', 'deny'] as const) {
    const key = keys[kind];
    if (key === undefined) continue;
    const names: unknown = (entry as Record<string, unknown>)[key];
    // A host refuses or ignores a filter that is not a list; there is nothing to hold against the table.
    if (!Array.isArray(names)) continue;
    if (kind === 'allow' && keys.everything !== undefined && names.includes(keys.everything)) continue;
    const hidden = TOOL_NAMES.filter((name) => (kind === 'allow' ? !names.includes(name) : names.includes(name)));
    const others = names.filter((name) => !isToolName(name));
    const unknown = [...new Set(others.map((name) => (typeof name === 'string' && SHOWABLE.test(name) ? name : 'an entry that cannot be shown')))];
    if (hidden.length > 0 || unknown.length > 0) filters.push({ key, kind, hidden, unknown });
  }
  return filters;
}
