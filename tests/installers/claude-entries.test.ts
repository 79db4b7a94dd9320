// Where Buddy looks for its entries in a Claude Code settings file, in process: every statusLine (the last
// one is the one the host runs) and every hook command, found only where the host would run one (an
// object of events, each a list of groups, each with a list of commands) and nowhere else.
import { describe, expect, it } from 'vitest';
import { hookEntries, statusLineEntries } from '../../src/installers/hosts/claude-code/entries.js';
import { treeOf } from '../../src/installers/text/json-text-edit.js';

const statusLines = (body: string): { command: string | undefined; commandAt: number | undefined; effective: boolean }[] =>
  statusLineEntries(treeOf(body)).map((entry) => ({ command: entry.command, commandAt: entry.commandNode?.offset, effective: entry.effective }));
const hooks = (body: string): [string, string][] => hookEntries(treeOf(body)).map((entry) => [entry.event, entry.command]);

describe('statusLineEntries', () => {
  it('finds each statusLine with its command, the last one the one the host runs', () => {
    expect(statusLines('{ "statusLine": { "command": "a" }, "x": 1, "statusLine": { "command": "b" } }')).toEqual([
      { command: 'a', commandAt: 29, effective: false },
      { command: 'b', commandAt: 71, effective: true },
    ]);
    expect(statusLines('{ "theme": "dark" }')).toEqual([]);
  });

  it('takes a statusLine without a command, or with one that is not text, as one with no command', () => {
    expect(statusLines('{ "statusLine": {} }')).toEqual([{ command: undefined, commandAt: undefined, effective: true }]);
    expect(statusLines('{ "statusLine": { "command": 5 } }')).toEqual([{ command: undefined, commandAt: undefined, effective: true }]);
    expect(statusLines('{ "statusLine": { "command": ["a"] } }')).toEqual([{ command: undefined, commandAt: undefined, effective: true }]);
    expect(statusLines('{ "statusLine": "a" }')).toEqual([{ command: undefined, commandAt: undefined, effective: true }]);
  });
});

describe('hookEntries', () => {
  it('finds every hook command, event by event, group by group', () => {
    expect(hooks('{ "hooks": { "A": [ { "hooks": [ { "command": "a1" }, { "command": "a2" } ] }, { "hooks": [ { "command": "a3" } ] } ], "B": [ { "hooks": [ { "command": "b1" } ] } ] } }')).toEqual([
      ['A', 'a1'],
      ['A', 'a2'],
      ['A', 'a3'],
      ['B', 'b1'],
    ]);
    expect(hooks('{}')).toEqual([]);
    expect(hooks('{ "hooks": {} }')).toEqual([]);
  });

  it('passes over what is not where the host runs a command, and goes on after it', () => {
    const good = '"Z": [ { "hooks": [ { "command": "z" } ] } ]';
    expect(hooks(`{ "hooks": [ [ {}, [ { "hooks": [ { "command": "in a list" } ] } ] ] ], "hooks": { ${good} } }`)).toEqual([['Z', 'z']]);
    expect(hooks(`{ "hooks": { "A": { "hooks": [ { "command": "a" } ] }, ${good} } }`)).toEqual([['Z', 'z']]);
    expect(hooks(`{ "hooks": { "A": [ { "hooks": { "command": "a" } } ], ${good} } }`)).toEqual([['Z', 'z']]);
    expect(hooks(`{ "hooks": { "A": [ { "hooks": [ {}, { "command": 5 }, { "command": null }, "a", { "type": "command" } ] } ], ${good} } }`)).toEqual([['Z', 'z']]);
    expect(hooks(`{ "hooks": "a", "hooks": { ${good} } }`)).toEqual([['Z', 'z']]);
  });
});
