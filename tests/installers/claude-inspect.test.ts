// What `buddy doctor` and `buddy install` read from a Claude Code settings file, in process: Buddy's roles
// there, the statusLine the host runs, the Node, bundle and light script that no longer exist, other tools'
// look-alikes, the commands printed for each scope, and the installs in other files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buddyCommands, type BuddyCommands } from '../../src/installers/hosts/claude-code/commands.js';
import { installCommand, inspectSettings, installsElsewhere, isInstalledThere, uninstallCommand } from '../../src/installers/hosts/claude-code/inspect.js';
import { claudeSettingsFile, installClaudeCode } from '../../src/installers/hosts/claude-code/install.js';

let root: string;
let env: NodeJS.ProcessEnv;
let node: string;
let bundle: string;
let script: string;
let commands: BuddyCommands;
let userFile: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-inspect-'));
  env = { HOME: root, BUDDY_CONFIG_DIR: path.join(root, 'config'), CLAUDE_CONFIG_DIR: path.join(root, 'claude') };
  node = path.join(root, 'bin', 'node');
  bundle = path.join(root, 'buddy', 'dist', 'buddy.js');
  script = path.join(root, 'buddy', 'dist', 'statusline.sh');
  for (const file of [node, bundle, script]) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
  }
  commands = buddyCommands(node, bundle);
  userFile = claudeSettingsFile(env, undefined);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (file: string, value: unknown): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
};
const install = (file = userFile, wrap = false): void => void installClaudeCode(env, file, file === userFile ? 'user' : 'project', commands, wrap, new Date());

describe('inspectSettings', () => {
  it('finds nothing in a missing file, and says why it cannot read a broken one', () => {
    expect(inspectSettings(env, userFile)).toEqual({ state: 'missing' });
    write(userFile, '{ "a": ');
    const broken = inspectSettings(env, userFile);
    expect(broken.state).toBe('unreadable');
    expect(isInstalledThere(broken)).toBe(false);
    write(userFile, '   ');
    expect(inspectSettings(env, userFile)).toEqual({ state: 'read', present: [], wraps: undefined, statusLine: undefined, gone: [], scripts: [], foreign: [], recorded: false });
  });

  it("finds each of Buddy's roles, the statusLine the host runs, and the install's record", () => {
    install();
    const found = inspectSettings(env, userFile);
    expect(found).toEqual({ state: 'read', present: ['statusline', 'prompt', 'session-start'], wraps: undefined, statusLine: commands.statusline, gone: [], scripts: [bundle], foreign: [], recorded: true });
    expect(isInstalledThere(found)).toBe(true);
  });

  it("names the user's statusLine Buddy wraps", () => {
    write(userFile, { statusLine: { type: 'command', command: 'echo mine' } });
    install(userFile, true);
    const found = inspectSettings(env, userFile);
    expect(found).toMatchObject({ wraps: 'echo mine', present: ['statusline', 'prompt', 'session-start'] });
  });

  it('names the Node and bundle that are gone, and the light script only while its bundle is there', () => {
    install();
    fs.rmSync(script);
    expect(inspectSettings(env, userFile)).toMatchObject({ gone: [script] });
    fs.rmSync(node);
    expect(inspectSettings(env, userFile)).toMatchObject({ gone: [node, script] });
    fs.rmSync(bundle);
    expect(inspectSettings(env, userFile)).toMatchObject({ gone: [node, bundle] });
  });

  it("knows Buddy's entries by their form without a record, and reports look-alikes of other tools", () => {
    write(userFile, {
      statusLine: { type: 'command', command: commands.statusline },
      hooks: {
        UserPromptSubmit: [{ hooks: [{ type: 'command', command: 'study-buddy --prompt' }] }],
        SessionStart: [{ hooks: [{ type: 'command', command: commands.sessionStart }, { type: 'command', command: 'echo hello' }] }],
      },
    });
    expect(inspectSettings(env, userFile)).toEqual({
      state: 'read',
      present: ['statusline', 'session-start'],
      wraps: undefined,
      statusLine: commands.statusline,
      gone: [],
      scripts: [bundle],
      foreign: [{ where: 'UserPromptSubmit', command: 'study-buddy --prompt' }],
      recorded: false,
    });
  });

  it('owns a recorded command by its exact text, under the role of the hook it sits in', () => {
    install();
    const recordedPrompt = commands.prompt;
    write(userFile, { hooks: { SessionStart: [{ hooks: [{ type: 'command', command: recordedPrompt }] }] } });
    expect(inspectSettings(env, userFile)).toMatchObject({ present: ['prompt'], statusLine: undefined });
  });

  it('takes a statusLine that is not the effective one as present, but not as the one the host runs', () => {
    write(userFile, `{ "statusLine": { "type": "command", "command": ${JSON.stringify(commands.statusline)} }, "statusLine": { "type": "command", "command": "echo later" } }`);
    expect(inspectSettings(env, userFile)).toMatchObject({ present: ['statusline'], statusLine: undefined });
  });
});

describe('inspectSettings, beyond the form', () => {
  // Commands of an older Buddy, not in today's form: Buddy's only because its record names them.
  const OLD = { statusline: 'buddy-old statusline', prompt: 'buddy-old prompt', sessionStart: 'buddy-old session' };

  it("owns commands not in Buddy's form by the record, under the role of the hook each sits in", () => {
    installClaudeCode(env, userFile, 'user', OLD, false, new Date());
    write(userFile, {
      statusLine: { type: 'command', command: OLD.statusline },
      hooks: {
        SessionStart: [{ hooks: [{ type: 'command', command: OLD.sessionStart }] }],
        Stop: [{ hooks: [{ type: 'command', command: OLD.prompt }] }],
      },
    });
    expect(inspectSettings(env, userFile)).toEqual({
      state: 'read',
      present: ['statusline', 'session-start', 'prompt'],
      wraps: undefined,
      statusLine: OLD.statusline,
      gone: [],
      scripts: [],
      foreign: [],
      recorded: true,
    });
    write(userFile, { hooks: { UserPromptSubmit: [{ hooks: [{ type: 'command', command: OLD.sessionStart }] }] } });
    expect(inspectSettings(env, userFile)).toMatchObject({ present: ['prompt'] });
    write(userFile, { hooks: { SessionStart: [{ hooks: [{ type: 'command', command: OLD.prompt }] }] } });
    expect(inspectSettings(env, userFile)).toMatchObject({ present: ['session-start'] });
  });

  it("reports a look-alike statusLine as the statusLine's, and passes over one without a command", () => {
    write(userFile, `{ "statusLine": { "type": "command" }, "statusLine": { "type": "command", "command": "study-buddy --line" } }`);
    expect(inspectSettings(env, userFile)).toEqual({
      state: 'read',
      present: [],
      wraps: undefined,
      statusLine: undefined,
      gone: [],
      scripts: [],
      foreign: [{ where: 'statusLine', command: 'study-buddy --line' }],
      recorded: false,
    });
    write(userFile, { statusLine: { type: 'command' } });
    expect(inspectSettings(env, userFile)).toMatchObject({ present: [], foreign: [] });
  });

  it('says Buddy is installed only where one of its entries is', () => {
    write(userFile, { theme: 'dark', statusLine: { type: 'command', command: 'echo mine' } });
    expect(isInstalledThere(inspectSettings(env, userFile))).toBe(false);
    write(userFile, { hooks: { SessionStart: [{ hooks: [{ type: 'command', command: commands.sessionStart }] }] } });
    expect(isInstalledThere(inspectSettings(env, userFile))).toBe(true);
    expect(isInstalledThere({ state: 'missing' })).toBe(false);
  });
});

describe('commands for a scope', () => {
  it("are plain for the user, and run in the project's folder for a project", () => {
    const projectFile = path.join('/work', 'my app', '.claude', 'settings.json');
    expect(uninstallCommand('user', userFile)).toBe('buddy uninstall claude-code');
    expect(uninstallCommand('project', projectFile)).toBe("cd '/work/my app' && buddy uninstall claude-code --project");
    expect(installCommand('user', userFile, false)).toBe('buddy install claude-code');
    expect(installCommand('user', userFile, true)).toBe('buddy install claude-code --wrap');
    expect(installCommand('project', projectFile, true)).toBe("cd '/work/my app' && buddy install claude-code --project --wrap");
    expect(installCommand('project', projectFile, false)).toBe("cd '/work/my app' && buddy install claude-code --project");
  });
});

describe('installsElsewhere', () => {
  it("lists the user's, this project's and every recorded install but the file asked about", () => {
    const project = path.join(root, 'acme');
    const other = path.join(root, 'other');
    const projectFile = claudeSettingsFile(env, project);
    const otherFile = claudeSettingsFile(env, other);
    expect(installsElsewhere(env, userFile, project)).toEqual([]);
    install();
    install(projectFile);
    install(otherFile);
    expect(installsElsewhere(env, userFile, project)).toEqual([
      { scope: 'project', file: projectFile },
      { scope: 'project', file: otherFile },
    ]);
    expect(installsElsewhere(env, projectFile, project)).toEqual([
      { scope: 'user', file: userFile },
      { scope: 'project', file: otherFile },
    ]);
    fs.rmSync(otherFile);
    expect(installsElsewhere(env, userFile, path.join(root, 'elsewhere'))).toEqual([{ scope: 'project', file: projectFile }]);
  });

  it("finds the user's and this project's installs without a record, each in its scope", () => {
    const project = path.join(root, 'acme');
    const projectFile = claudeSettingsFile(env, project);
    install();
    install(projectFile);
    fs.rmSync(path.join(root, 'config', 'claude-code-installs.json'));
    expect(installsElsewhere(env, path.join(root, 'third', '.claude', 'settings.json'), project)).toEqual([
      { scope: 'user', file: userFile },
      { scope: 'project', file: projectFile },
    ]);
  });
});
