// Buddy's hooks put into and taken out of a hook file's text (text/hook-json-edit.ts), for each shape the
// hosts use: Gemini CLI's and Codex's groups, Cursor's flat lists. Every result is compared byte for byte.
import { describe, expect, it } from 'vitest';
import { hookCommands, hookOwnershipOf, parseHookCommand } from '../../src/installers/hook-host.js';
import { codexHooks, copilotHooks, cursorHooks, geminiHooks } from '../../src/installers/hosts/hook-hosts.js';
import { HookShapeError, planHookInstall, planHookUninstall } from '../../src/installers/text/hook-json-edit.js';
import type { HookHost } from '../../src/installers/hook-host.js';

const NODE = '/opt/node/bin/node';
const SCRIPT = '/opt/buddy/dist/buddy.js';
const G = hookCommands(NODE, SCRIPT, 'gemini');
const C = hookCommands(NODE, SCRIPT, 'codex');
const K = hookCommands(NODE, SCRIPT, 'cursor');
const GEMINI_MOVED = hookCommands('/usr/bin/node', '/srv/buddy/dist/buddy.js', 'gemini');
const owned = (host: HookHost, recorded: readonly string[] = []) => hookOwnershipOf(host.id, recorded);
const valid = (): boolean => true;
const strict = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('the command and its ownership', () => {
  it('writes this Node and this bundle, quoting only paths a shell would split', () => {
    expect(G).toEqual({ tool: `${NODE} ${SCRIPT} hook agent --host gemini --event tool`, stop: `${NODE} ${SCRIPT} hook agent --host gemini --event stop` });
    expect(hookCommands('/Program Files/node', '/a b/dist/buddy.js', 'cursor').tool).toBe('"/Program Files/node" "/a b/dist/buddy.js" hook agent --host cursor --event tool');
    expect(parseHookCommand('"/Program Files/node" "/a b/dist/buddy.js" hook agent --host cursor --event tool')).toEqual({ node: '/Program Files/node', script: '/a b/dist/buddy.js', host: 'cursor', moment: 'tool' });
  });

  it.each([
    ['codebuddy hook agent --host gemini --event tool'],
    ['node /opt/buddy/dist/buddy.js hook agent --host gemini --event tool'],
    [`${NODE} /opt/study-buddy/index.js hook agent --host gemini --event tool`],
    [`${NODE} ${SCRIPT} hook agent --host gemini --event tool; rm -rf ~`],
    [`${NODE} ${SCRIPT} hook agent --host gemini --event start`],
    [`${NODE} ${SCRIPT} hook agent --host cursor --event tool`],
    [`${NODE} ${SCRIPT} hook prompt`],
  ])('%s is not Buddy\'s gemini hook', (command) => {
    expect(owned(geminiHooks)(command)).toBe(false);
  });

  it('knows its own form for the host, and any command it recorded exactly', () => {
    expect(owned(geminiHooks)(G.tool)).toBe(true);
    expect(owned(geminiHooks)(GEMINI_MOVED.stop)).toBe(true);
    expect(owned(geminiHooks, ['buddy-wrapper --tool'])('buddy-wrapper --tool')).toBe(true);
    expect(owned(geminiHooks, ['buddy-wrapper --tool'])('buddy-wrapper --tool ')).toBe(false);
    expect(parseHookCommand('/buddy /buddy hook agent --host codex --event stop')).toEqual({ node: '/buddy', script: '/buddy', host: 'codex', moment: 'stop' });
  });
});

const GEMINI_FRESH = `{
  "hooks": {
    "AfterTool": [
      {
        "matcher": "run_shell_command|write_file|replace",
        "hooks": [
          {
            "name": "buddy",
            "type": "command",
            "command": "${G.tool}"
          }
        ]
      }
    ],
    "AfterAgent": [
      {
        "hooks": [
          {
            "name": "buddy",
            "type": "command",
            "command": "${G.stop}"
          }
        ]
      }
    ]
  }
}
`;

describe('a file that is not there (or blank)', () => {
  it('Gemini CLI: both events, its matcher and the hook named buddy', () => {
    const plan = planHookInstall('', geminiHooks, G, owned(geminiHooks));
    expect(plan.body).toBe(GEMINI_FRESH);
    expect(plan).toMatchObject({ changed: true, fresh: true, created: ['hooks', 'hooks.AfterTool', 'hooks.AfterAgent'], commands: [G.tool, G.stop] });
    expect(planHookUninstall(plan.body, geminiHooks, owned(geminiHooks), plan, valid)).toEqual({ body: '', changed: true, exact: true });
  });

  it('Codex: PostToolUse for Bash, and Stop, without a name', () => {
    const plan = planHookInstall('\n', codexHooks, C, owned(codexHooks));
    expect(JSON.parse(plan.body)).toEqual({
      hooks: {
        PostToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: C.tool }] }],
        Stop: [{ hooks: [{ type: 'command', command: C.stop }] }],
      },
    });
    expect(plan.body.endsWith('}\n')).toBe(true);
    expect(planHookUninstall(plan.body, codexHooks, owned(codexHooks), plan, strict).body).toBe('\n');
  });

  it('Cursor: version 1 and flat lists, CRLF kept', () => {
    const plan = planHookInstall('\r\n', cursorHooks, K, owned(cursorHooks));
    expect(plan.body).toBe(
      `{\r\n  "version": 1,\r\n  "hooks": {\r\n    "afterShellExecution": [\r\n      {\r\n        "command": "${K.tool}"\r\n      }\r\n    ],\r\n    "stop": [\r\n      {\r\n        "command": "${K.stop}"\r\n      }\r\n    ]\r\n  }\r\n}\r\n`,
    );
    expect(plan.created).toEqual(['version', 'hooks', 'hooks.afterShellExecution', 'hooks.stop']);
    expect(planHookUninstall(plan.body, cursorHooks, owned(cursorHooks), plan, strict)).toEqual({ body: '\r\n', changed: true, exact: true });
  });
});

const GEMINI_MINE = `{
  // my theme
  "theme": "GitHub",
  "hooks": {
    "AfterTool": [
      { "matcher": "write_file", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] }
    ]
  }
}
`;

describe('Gemini CLI: settings with comments and a hook of the person\'s own', () => {
  const plan = planHookInstall(GEMINI_MINE, geminiHooks, G, owned(geminiHooks));
  const GROUP = `{\n        "matcher": "run_shell_command|write_file|replace",\n        "hooks": [\n          {\n            "name": "buddy",\n            "type": "command",\n            "command": "${G.tool}"\n          }\n        ]\n      }`;
  const INSTALLED = `{
  // my theme
  "theme": "GitHub",
  "hooks": {
    "AfterTool": [
      { "matcher": "write_file", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] },
      ${GROUP}
    ],
    "AfterAgent": [
      {
        "hooks": [
          {
            "name": "buddy",
            "type": "command",
            "command": "${G.stop}"
          }
        ]
      }
    ]
  }
}
`;

  it('adds a group of its own beside the person\'s, and the event that was missing', () => {
    expect(plan.body).toBe(INSTALLED);
    expect(plan).toMatchObject({ changed: true, fresh: true, created: ['hooks.AfterAgent'] });
  });

  it('a second install changes nothing', () => {
    const again = planHookInstall(plan.body, geminiHooks, G, owned(geminiHooks, plan.commands));
    expect(again).toMatchObject({ body: INSTALLED, changed: false, fresh: false, created: [], undo: [] });
  });

  it('uninstall gives the bytes back, and keeps what the person changed since', () => {
    expect(planHookUninstall(plan.body, geminiHooks, owned(geminiHooks), plan, valid)).toEqual({ body: GEMINI_MINE, changed: true, exact: true });
    // Edits of the same length leave the undo's offsets where they were: exact.
    const edited = plan.body.replace('"GitHub"', '"Github"').replace('npx prettier --write', 'npx prettier --check');
    expect(planHookUninstall(edited, geminiHooks, owned(geminiHooks), plan, valid)).toEqual({
      body: GEMINI_MINE.replace('"GitHub"', '"Github"').replace('npx prettier --write', 'npx prettier --check'),
      changed: true,
      exact: true,
    });
    // Longer ones move Buddy's text: it is taken out by its form, with the same result.
    const longer = plan.body.replace('"GitHub"', '"Solarized Dark"');
    expect(planHookUninstall(longer, geminiHooks, owned(geminiHooks), plan, valid)).toEqual({ body: GEMINI_MINE.replace('"GitHub"', '"Solarized Dark"'), changed: true, exact: false });
  });

  it('without the undo (its text moved), takes out Buddy\'s groups and only the event it made', () => {
    const reordered = plan.body.replace(`,\n      ${GROUP}`, '').replace('"AfterTool": [\n', `"AfterTool": [\n      ${GROUP},\n`);
    const result = planHookUninstall(reordered, geminiHooks, owned(geminiHooks), { created: plan.created, undo: plan.undo }, valid);
    expect(result).toEqual({
      body: `{
  // my theme
  "theme": "GitHub",
  "hooks": {
    "AfterTool": [
      { "matcher": "write_file", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] }
    ]
  }
}
`,
      changed: true,
      exact: false,
    });
  });

  it('a hook the person added into Buddy\'s group stays, with the group', () => {
    const shared = plan.body.replace(`"command": "${G.stop}"\n          }`, `"command": "${G.stop}"\n          },\n          { "type": "command", "command": "say done" }`);
    const result = planHookUninstall(shared, geminiHooks, owned(geminiHooks), { created: plan.created }, valid);
    expect(result.body).toBe(`${GEMINI_MINE.slice(0, GEMINI_MINE.indexOf('    ]\n  }'))}    ],\n    "AfterAgent": [\n      {\n        "hooks": [\n          { "type": "command", "command": "say done" }\n        ]\n      }\n    ]\n  }\n}\n`);
    expect(result.exact).toBe(false);
  });

  it('a group with its `hooks` twice is the person\'s shape: only Buddy\'s hook comes out of it', () => {
    const doubled = `{"hooks": {"AfterAgent": [{"hooks": [], "hooks": [{"type": "command", "command": "${G.stop}"}]}]}}`;
    expect(planHookUninstall(doubled, geminiHooks, owned(geminiHooks), undefined, valid).body).toBe('{"hooks": {"AfterAgent": [{"hooks": [], "hooks": []}]}}');
  });

  it('a member the person added to Buddy\'s group keeps the group, emptied of Buddy\'s hook', () => {
    const widened = plan.body.replace('"matcher": "run_shell_command|write_file|replace",', '"matcher": "run_shell_command|write_file|replace",\n        "sequential": true,');
    const result = planHookUninstall(widened, geminiHooks, owned(geminiHooks), { created: plan.created }, valid);
    expect(result.body).toContain('{\n        "matcher": "run_shell_command|write_file|replace",\n        "sequential": true,\n        "hooks": []\n      }');
    expect(result.body).not.toContain('AfterAgent');
    expect(result.body).not.toContain('hook agent');
  });

  it('points a moved Buddy at this copy, in place', () => {
    const old = planHookInstall(GEMINI_MINE, geminiHooks, GEMINI_MOVED, owned(geminiHooks)).body;
    const moved = planHookInstall(old, geminiHooks, G, owned(geminiHooks));
    expect(moved).toMatchObject({ body: INSTALLED, changed: true, fresh: false, created: [] });
  });

  it('an event Buddy did not make stays, empty, once Buddy\'s group is out', () => {
    const own = GEMINI_MINE.replace('\n  }\n}', ',\n    "AfterAgent": []\n  }\n}');
    const installed = planHookInstall(own, geminiHooks, G, owned(geminiHooks));
    expect(installed.created).toEqual([]);
    const result = planHookUninstall(installed.body.replace('"GitHub"', '"Nord"'), geminiHooks, owned(geminiHooks), { created: installed.created }, valid);
    expect(result.body).toBe(own.replace('"GitHub"', '"Nord"'));
  });

  it('with no record, takes out Buddy\'s hooks by their form, and the containers they leave empty', () => {
    const result = planHookUninstall(plan.body, geminiHooks, owned(geminiHooks), undefined, valid);
    expect(result).toEqual({ body: GEMINI_MINE, changed: true, exact: false });
    expect(planHookUninstall(GEMINI_MINE, geminiHooks, owned(geminiHooks), undefined, valid)).toEqual({ body: GEMINI_MINE, changed: false, exact: false });
  });

  it('containers Buddy made and the person emptied by hand go too', () => {
    const emptied = planHookInstall('{}', geminiHooks, G, owned(geminiHooks));
    const byHand = '{"hooks": {"AfterTool": [], "AfterAgent": []}}';
    expect(planHookUninstall(byHand, geminiHooks, owned(geminiHooks), { created: emptied.created }, valid)).toEqual({ body: '{}', changed: true, exact: false });
    expect(planHookUninstall(byHand, geminiHooks, owned(geminiHooks), { created: ['hooks.AfterTool'] }, valid)).toEqual({ body: '{"hooks": {"AfterAgent": []}}', changed: true, exact: false });
    expect(planHookUninstall(byHand, geminiHooks, owned(geminiHooks), { created: [] }, valid).changed).toBe(false);
  });

  it('an exact undo that would leave a file the host refuses is not used', () => {
    const result = planHookUninstall(plan.body, geminiHooks, owned(geminiHooks), plan, () => false);
    expect(result).toEqual({ body: GEMINI_MINE, changed: true, exact: false });
  });
});

describe('members of `hooks` that are not events', () => {
  it('leaves Gemini CLI\'s list of disabled hook names and its flag alone', () => {
    const body = '{"hooks": {"disabled": ["buddy"], "enabled": true}}';
    const plan = planHookInstall(body, geminiHooks, G, owned(geminiHooks));
    expect(plan.created).toEqual(['hooks.AfterTool', 'hooks.AfterAgent']);
    expect(plan.body.startsWith('{"hooks": {"disabled": ["buddy"], "enabled": true, "AfterTool":')).toBe(true);
    expect(planHookUninstall(plan.body, geminiHooks, owned(geminiHooks), { created: plan.created }, valid).body).toBe(body);
  });
});

describe('one line, and shapes with no place for Buddy', () => {
  it('a file on one line gets its hooks on that line', () => {
    const plan = planHookInstall('{"theme": "GitHub"}', codexHooks, C, owned(codexHooks));
    expect(plan.body).toBe(`{"theme": "GitHub", "hooks": {"PostToolUse":[{"matcher":"Bash","hooks":[{"type":"command","command":"${C.tool}"}]}],"Stop":[{"hooks":[{"type":"command","command":"${C.stop}"}]}]}}`);
    expect(planHookUninstall(plan.body, codexHooks, owned(codexHooks), { created: plan.created }, strict)).toEqual({ body: '{"theme": "GitHub"}', changed: true, exact: false });
  });

  it.each([
    ['[]', 'it does not hold a JSON object'],
    ['{"hooks": []}', 'its "hooks" is not an object'],
    ['{"hooks": {"PostToolUse": {}}}', 'its "hooks.PostToolUse" is not a list'],
  ])('%s is refused', (body, message) => {
    expect(() => planHookInstall(body, codexHooks, C, owned(codexHooks))).toThrow(new HookShapeError(message));
  });
});

describe('Cursor: flat lists', () => {
  const MINE = '{\n  "version": 1,\n  "hooks": {\n    "afterShellExecution": [\n      { "command": "./audit.sh" }\n    ]\n  }\n}\n';

  it('adds its entry after the person\'s, leaves their version alone, and takes only its own out', () => {
    const plan = planHookInstall(MINE, cursorHooks, K, owned(cursorHooks));
    expect(plan.body).toBe(`{\n  "version": 1,\n  "hooks": {\n    "afterShellExecution": [\n      { "command": "./audit.sh" },\n      {\n        "command": "${K.tool}"\n      }\n    ],\n    "stop": [\n      {\n        "command": "${K.stop}"\n      }\n    ]\n  }\n}\n`);
    expect(plan.created).toEqual(['hooks.stop']);
    const edited = plan.body.replace('./audit.sh', './audit.sh --quiet');
    expect(planHookUninstall(edited, cursorHooks, owned(cursorHooks), { created: plan.created }, strict)).toEqual({ body: MINE.replace('./audit.sh', './audit.sh --quiet'), changed: true, exact: false });
  });

  it('a file without a version gets one, taken out again with the hooks', () => {
    const plan = planHookInstall('{}\n', cursorHooks, K, owned(cursorHooks));
    expect(plan.created).toEqual(['version', 'hooks', 'hooks.afterShellExecution', 'hooks.stop']);
    expect(planHookUninstall(plan.body.replace('{\n', '{\n  \n'), cursorHooks, owned(cursorHooks), { created: plan.created }, strict).body).toBe('{}\n');
    // Not made by Buddy: the person's version stays.
    expect(planHookUninstall(plan.body, cursorHooks, owned(cursorHooks), { created: ['hooks', 'hooks.afterShellExecution', 'hooks.stop'] }, strict).body).toBe('{\n  "version": 1\n}\n');
    // Events it did not make stay, empty, and so does the `hooks` they are in.
    expect(planHookUninstall(plan.body, cursorHooks, owned(cursorHooks), { created: ['hooks'] }, strict).body).toBe('{\n  "version": 1,\n  "hooks": {\n    "afterShellExecution": [],\n    "stop": []\n  }\n}\n');
  });

  it('a Gemini hook of Buddy\'s in a Cursor file is not Cursor\'s to take out', () => {
    const body = `{"version": 1, "hooks": {"stop": [{"command": "${G.stop}"}]}}`;
    expect(planHookUninstall(body, cursorHooks, owned(cursorHooks), undefined, strict).changed).toBe(false);
  });
});

describe('GitHub Copilot CLI: flat lists of `{type, bash}`', () => {
  const P = hookCommands(NODE, SCRIPT, 'copilot');

  it('writes its entries under `bash`, and knows them there, not under `command`', () => {
    const mine = '{"version": 1, "hooks": {"postToolUse": [{"type": "command", "bash": "npm test"}]}}';
    const plan = planHookInstall(mine, copilotHooks, P, owned(copilotHooks));
    expect(plan.body).toBe(`{"version": 1, "hooks": {"postToolUse": [{"type": "command", "bash": "npm test"}, {"type":"command","bash":"${P.tool}"}], "agentStop": [{"type":"command","bash":"${P.stop}"}]}}`);
    expect(planHookInstall(plan.body, copilotHooks, P, owned(copilotHooks)).changed).toBe(false);
    expect(planHookUninstall(plan.body, copilotHooks, owned(copilotHooks), { created: plan.created }, strict).body).toBe(mine);
    const underCommand = `{"version": 1, "hooks": {"agentStop": [{"type": "command", "command": "${P.stop}"}]}}`;
    expect(planHookUninstall(underCommand, copilotHooks, owned(copilotHooks), undefined, strict).changed).toBe(false);
  });
});
