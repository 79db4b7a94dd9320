// Claude Code's settings edits in process, text in and text out: the file Buddy writes into a blank one,
// what an install calls fresh and what it made, the statusLine it refuses to wrap, hooks in odd places,
// and what an uninstall takes out when its record says little or nothing.
import { describe, expect, it } from 'vitest';
import { buddyCommands, ownershipOf } from '../../src/installers/hosts/claude-code/commands.js';
import { planInstall, planUninstall, SettingsShapeError, StatusLineConflict } from '../../src/installers/hosts/claude-code/settings-edit.js';

const C = buddyCommands('/opt/node/bin/node', '/opt/buddy/dist/buddy.js');
const STATUS = '/bin/sh /opt/buddy/dist/statusline.sh /opt/node/bin/node /opt/buddy/dist/buddy.js statusline';
const PROMPT = '/opt/node/bin/node /opt/buddy/dist/buddy.js hook prompt';
const SESSION = '/opt/node/bin/node /opt/buddy/dist/buddy.js hook session-start';
const mine = ownershipOf([]);
const hook = (command: string): string => `{ "hooks": [ { "type": "command", "command": ${JSON.stringify(command)} } ] }`;
const thrown = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('planInstall into a blank file', () => {
  it('writes the whole settings, two spaces a level, with the line ends the blank text had', () => {
    const plan = planInstall('\r\n', C, false, mine);
    expect(plan.body).toBe(
      [
        '{',
        '  "statusLine": {',
        '    "type": "command",',
        `    "command": "${STATUS}",`,
        '    "padding": 0,',
        '    "refreshInterval": 1',
        '  },',
        '  "hooks": {',
        '    "UserPromptSubmit": [',
        '      {',
        '        "hooks": [',
        '          {',
        '            "type": "command",',
        `            "command": "${PROMPT}"`,
        '          }',
        '        ]',
        '      }',
        '    ],',
        '    "SessionStart": [',
        '      {',
        '        "hooks": [',
        '          {',
        '            "type": "command",',
        `            "command": "${SESSION}"`,
        '          }',
        '        ]',
        '      }',
        '    ]',
        '  }',
        '}',
        '',
      ].join('\r\n'),
    );
    expect(plan).toMatchObject({ changed: true, created: ['hooks', 'hooks.UserPromptSubmit', 'hooks.SessionStart'], wrapped: undefined, fresh: true, commands: [STATUS, PROMPT, SESSION] });
    expect(planInstall('', C, false, mine).body.split('\n')).toHaveLength(31);
    expect(planInstall('', C, false, mine).body).not.toContain('\r');
  });
});

describe('planInstall into settings', () => {
  it('names the containers it made', () => {
    expect(planInstall('{}', C, false, mine).created).toEqual(['hooks', 'hooks.UserPromptSubmit', 'hooks.SessionStart']);
    expect(planInstall('{ "hooks": { "SessionStart": [] } }', C, false, mine).created).toEqual(['hooks.UserPromptSubmit']);
  });

  it("is fresh only where none of Buddy's entries is, a statusLine or any hook", () => {
    expect(planInstall('{ "theme": "dark" }', C, false, mine).fresh).toBe(true);
    expect(planInstall(`{ "statusLine": { "type": "command", "command": ${JSON.stringify(STATUS)} } }`, C, false, mine).fresh).toBe(false);
    expect(planInstall(`{ "hooks": { "SessionStart": [ ${hook(SESSION)} ] } }`, C, false, mine).fresh).toBe(false);
    expect(planInstall(`{ "statusLine": {}, "statusLine": { "type": "command", "command": "echo mine" } }`, C, true, mine).fresh).toBe(true);
  });

  it("changes nothing where Buddy's entries are, however their text is escaped", () => {
    const escaped = (command: string): string => JSON.stringify(command).replaceAll('/', '\\/');
    const body = `{ "statusLine": { "type": "command", "command": ${escaped(STATUS)} }, "hooks": { "UserPromptSubmit": [ { "hooks": [ { "type": "command", "command": ${escaped(PROMPT)} } ] } ], "SessionStart": [ { "hooks": [ { "type": "command", "command": ${escaped(SESSION)} } ] } ] } }`;
    expect(planInstall(body, C, false, mine)).toMatchObject({ body, changed: false, fresh: false });
  });

  it("refuses another statusLine without --wrap, naming its command, or the statusLine itself when it has none", () => {
    const conflict = thrown(() => planInstall('{ "statusLine": { "type": "command", "command": "echo mine" } }', C, false, mine));
    expect(conflict).toBeInstanceOf(StatusLineConflict);
    expect((conflict as StatusLineConflict).existingCommand).toBe('echo mine');
    const bare = thrown(() => planInstall('{ "statusLine": { "type": "command" } }', C, false, mine));
    expect(bare).toBeInstanceOf(StatusLineConflict);
    expect((bare as StatusLineConflict).existingCommand).toBe('{ "type": "command" }');
  });

  /** The message of the shape error planning an install on `body` throws. */
  const shapeError = (body: string, wrap: boolean): string => {
    const error = thrown(() => planInstall(body, C, wrap, mine));
    expect(error).toBeInstanceOf(SettingsShapeError);
    return (error as Error).message;
  };

  it('refuses to wrap a statusLine that has no command, in one line', () => {
    for (const [statusLine, shown] of [
      ['{ "type": "command" }', '{ "type": "command" }'],
      ['"echo mine"', '"echo mine"'],
    ]) {
      expect(shapeError(`{ "statusLine": ${statusLine} }`, true)).toBe(`its statusLine (${shown}) has no command for Buddy to wrap`);
    }
  });

  it('refuses hooks that are not an object, and an event that is not a list', () => {
    expect(shapeError('{ "hooks": [] }', false)).toBe('its "hooks" is not an object');
    expect(shapeError('{ "hooks": { "UserPromptSubmit": {} } }', false)).toBe('its "hooks.UserPromptSubmit" is not a list');
  });

  it("puts each hook under its own event, whatever of Buddy's sits under the other", () => {
    const swapped = `{ "statusLine": { "type": "command", "command": ${JSON.stringify(STATUS)} }, "hooks": { "UserPromptSubmit": [ ${hook(SESSION)} ], "SessionStart": [ ${hook(PROMPT)} ] } }`;
    const body = JSON.parse(planInstall(swapped, C, false, mine).body) as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    expect(body.hooks.UserPromptSubmit!.map((group) => group.hooks[0]!.command)).toEqual([SESSION, PROMPT]);
    expect(body.hooks.SessionStart!.map((group) => group.hooks[0]!.command)).toEqual([PROMPT, SESSION]);
  });

  it("adds today's hooks beside an older Buddy's that its record alone owns", () => {
    const old = ownershipOf(['buddy-old prompt']);
    const body = JSON.parse(planInstall(`{ "hooks": { "UserPromptSubmit": [ ${hook('buddy-old prompt')} ] } }`, C, false, old).body) as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    expect(body.hooks.UserPromptSubmit!.map((group) => group.hooks[0]!.command)).toEqual(['buddy-old prompt', PROMPT]);
  });
});

describe('planUninstall', () => {
  const installed = planInstall('{ "a": [1] }', C, false, mine);

  it('changes nothing in a blank file, or in one without Buddy', () => {
    expect(planUninstall('  ', mine, { undo: installed.undo })).toEqual({ body: '  ', changed: false, exact: false });
    expect(planUninstall('{ "a": 1 }', mine, undefined)).toEqual({ body: '{ "a": 1 }', changed: false, exact: false });
  });

  it('undoes exactly only into plain JSON, and takes Buddy out otherwise', () => {
    expect(planUninstall(installed.body, mine, { undo: installed.undo, created: installed.created })).toEqual({ body: '{ "a": [1] }', changed: true, exact: true });
    expect(planUninstall(installed.body.replace('[1]', '[1,]'), mine, { undo: installed.undo, created: installed.created })).toEqual({ body: '{ "a": [1,] }', changed: true, exact: false });
  });

  it("is not exact when Buddy's entries were added to since the install", () => {
    const more = installed.body.replace('"a": [1]', `"a": [1], "hooks": { "Stop": [ ${hook(PROMPT)} ] }`);
    expect(planUninstall(more, mine, { undo: installed.undo, created: installed.created })).toMatchObject({ changed: true, exact: false });
  });

  it('takes out the containers Buddy made, and only those, without an undo', () => {
    const full = planInstall('{}', C, false, mine).body;
    expect(planUninstall(full, mine, { created: ['hooks', 'hooks.UserPromptSubmit', 'hooks.SessionStart'] })).toEqual({ body: '{}', changed: true, exact: false });
    expect(planUninstall(full, mine, { created: [] }).body).toBe('{\n  "hooks": {\n    "UserPromptSubmit": [],\n    "SessionStart": []\n  }\n}');
    expect(planUninstall(full, mine, { created: ['hooks.SessionStart'] }).body).toBe('{\n  "hooks": {\n    "UserPromptSubmit": []\n  }\n}');
  });

  it('takes out an emptied container Buddy made, but not one of another shape or another event', () => {
    expect(planUninstall('{ "hooks": {} }', mine, { created: ['hooks'] }).body).toBe('{}');
    expect(planUninstall('{ "hooks": { "UserPromptSubmit": [] } }', mine, { created: ['hooks', 'hooks.UserPromptSubmit'] }).body).toBe('{}');
    expect(planUninstall('{ "hooks": [] }', mine, { created: ['hooks'] })).toEqual({ body: '{ "hooks": [] }', changed: false, exact: false });
    expect(planUninstall('{ "hooks": { "UserPromptSubmit": {} } }', mine, { created: ['hooks.UserPromptSubmit'] }).changed).toBe(false);
    expect(planUninstall('{ "hooks": { "Stop": [] } }', mine, { created: ['hooks.UserPromptSubmit'] }).changed).toBe(false);
  });

  it("keeps a group with more in it than Buddy's hook list, and a list with other hooks", () => {
    const matcher = `{ "hooks": { "SessionStart": [ { "matcher": "*", "hooks": [ { "type": "command", "command": ${JSON.stringify(SESSION)} } ] } ] } }`;
    expect(planUninstall(matcher, mine, undefined).body).toBe('{ "hooks": { "SessionStart": [ { "matcher": "*", "hooks": [] } ] } }');
    const shared = `{ "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi" }, { "type": "command", "command": ${JSON.stringify(SESSION)} } ] } ] } }`;
    expect(planUninstall(shared, mine, undefined).body).toBe('{ "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "echo hi" } ] } ] } }');
  });

  it("takes out an older Buddy's statusLine that its record alone owns", () => {
    expect(planUninstall('{ "statusLine": { "type": "command", "command": "buddy-old statusline" }, "theme": "dark" }', ownershipOf(['buddy-old statusline']), undefined).body).toBe('{ "theme": "dark" }');
  });
});
