// Claude Code's installer in process, on what its record keeps: where the settings files are, the record
// an install writes (and writes again when it was lost), what a second install onto a moved Buddy keeps of
// the first, commands owned by their record alone, and what an uninstall says is left.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buddyCommands } from '../../src/installers/hosts/claude-code/commands.js';
import { claudeSettingsFile, installClaudeCode, uninstallClaudeCode } from '../../src/installers/hosts/claude-code/install.js';
import { readRecords } from '../../src/installers/hosts/claude-code/records.js';
import { bytes, COMMANDS, makeBench, put, type Bench } from './installer-support.js';

let bench: Bench;
beforeEach(() => {
  bench = makeBench();
});
afterEach(() => bench.cleanup());

const recordOf = (file: string) => readRecords(bench.env, bench.userFile).records[file];
const at = (iso: string): Date => new Date(iso);

describe('claudeSettingsFile', () => {
  it("is a project's .claude/settings.json, or the user's in CLAUDE_CONFIG_DIR, else in ~/.claude", () => {
    expect(claudeSettingsFile({ HOME: '/home/pat' }, '/work/app')).toBe('/work/app/.claude/settings.json');
    expect(claudeSettingsFile({ HOME: '/home/pat', CLAUDE_CONFIG_DIR: '/etc/claude' }, '/work/app')).toBe('/work/app/.claude/settings.json');
    expect(claudeSettingsFile({ HOME: '/home/pat', CLAUDE_CONFIG_DIR: '/etc/claude' }, undefined)).toBe('/etc/claude/settings.json');
    expect(claudeSettingsFile({ HOME: '/home/pat' }, undefined)).toBe('/home/pat/.claude/settings.json');
  });
});

describe('the record of an install', () => {
  it('says what the install did, and that it wrapped nothing', () => {
    expect(bench.install()).toEqual({ kind: 'installed', backup: undefined, wrapped: false, statusLine: COMMANDS.statusline });
    put(bench.projectFile, '{ "statusLine": { "type": "command", "command": "echo mine" } }\n');
    expect(bench.install({ project: true, wrap: true })).toMatchObject({ kind: 'installed', wrapped: true });
  });

  it('is written again when an install finds Buddy there but its record gone', () => {
    bench.install();
    fs.rmSync(bench.records);
    expect(installClaudeCode(bench.env, bench.userFile, 'user', COMMANDS, false, at('2026-03-01T00:00:00.000Z'))).toEqual({ kind: 'already-installed' });
    expect(recordOf(bench.userFile)).toEqual({
      scope: 'user',
      commands: [COMMANDS.statusline, COMMANDS.prompt, COMMANDS.sessionStart],
      fileCreated: false,
      installedAt: '2026-03-01T00:00:00.000Z',
    });
    // With the record there, a second install leaves it as it is.
    expect(installClaudeCode(bench.env, bench.userFile, 'project', COMMANDS, false, at('2026-04-01T00:00:00.000Z'))).toEqual({ kind: 'already-installed' });
    expect(recordOf(bench.userFile)).toMatchObject({ scope: 'user', installedAt: '2026-03-01T00:00:00.000Z' });
  });

  it('keeps, for a Buddy that moved, the first install’s commands too, what it wrapped and made, and when', () => {
    put(bench.userFile, '{ "statusLine": { "type": "command", "command": "echo mine" } }\n');
    installClaudeCode(bench.env, bench.userFile, 'user', COMMANDS, true, at('2026-01-01T00:00:00.000Z'));
    expect(recordOf(bench.userFile)).toMatchObject({ wrapped: '{ "type": "command", "command": "echo mine" }', created: ['hooks', 'hooks.UserPromptSubmit', 'hooks.SessionStart'], fileCreated: false });
    const moved = buddyCommands('/usr/local/bin/node', '/srv/buddy/dist/buddy.js');
    expect(installClaudeCode(bench.env, bench.userFile, 'user', moved, false, at('2026-02-01T00:00:00.000Z'))).toMatchObject({ kind: 'installed', wrapped: false });
    expect(recordOf(bench.userFile)).toEqual({
      scope: 'user',
      commands: [
        "/bin/sh /opt/buddy/dist/statusline.sh /opt/node/bin/node /opt/buddy/dist/buddy.js statusline --wrap 'echo mine'",
        '/opt/node/bin/node /opt/buddy/dist/buddy.js hook prompt',
        '/opt/node/bin/node /opt/buddy/dist/buddy.js hook session-start',
        "/bin/sh /srv/buddy/dist/statusline.sh /usr/local/bin/node /srv/buddy/dist/buddy.js statusline --wrap 'echo mine'",
        '/usr/local/bin/node /srv/buddy/dist/buddy.js hook prompt',
        '/usr/local/bin/node /srv/buddy/dist/buddy.js hook session-start',
      ],
      wrapped: '{ "type": "command", "command": "echo mine" }',
      created: ['hooks', 'hooks.UserPromptSubmit', 'hooks.SessionStart'],
      fileCreated: false,
      installedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('keeps no wrapped command and no containers for a moved Buddy whose first install had none', () => {
    put(bench.userFile, '{ "hooks": {} }\n');
    installClaudeCode(bench.env, bench.userFile, 'user', COMMANDS, false, at('2026-01-01T00:00:00.000Z'));
    fs.rmSync(bench.records);
    // Found without a record: nothing is known of what the first install made.
    installClaudeCode(bench.env, bench.userFile, 'user', COMMANDS, false, at('2026-01-02T00:00:00.000Z'));
    const moved = buddyCommands('/usr/local/bin/node', '/srv/buddy/dist/buddy.js');
    installClaudeCode(bench.env, bench.userFile, 'user', moved, false, at('2026-02-01T00:00:00.000Z'));
    const record = recordOf(bench.userFile)!;
    expect(Object.keys(record).sort()).toEqual(['commands', 'fileCreated', 'installedAt', 'scope']);
    expect(record.installedAt).toBe('2026-01-02T00:00:00.000Z');
  });
});

describe("commands not in Buddy's form, owned by the record alone", () => {
  const OLD = { statusline: 'buddy-old statusline', prompt: 'buddy-old prompt', sessionStart: 'buddy-old session' };

  it('are recognised by a second install and taken out by uninstall', () => {
    put(bench.userFile, '{ "theme": "dark" }\n');
    installClaudeCode(bench.env, bench.userFile, 'user', OLD, false, at('2026-01-01T00:00:00.000Z'));
    const installed = bytes(bench.userFile);
    expect(installClaudeCode(bench.env, bench.userFile, 'user', OLD, false, at('2026-01-02T00:00:00.000Z'))).toEqual({ kind: 'already-installed' });
    expect(bytes(bench.userFile)).toBe(installed);
    expect(uninstallClaudeCode(bench.env, bench.userFile, at('2026-01-03T00:00:00.000Z'))).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(bytes(bench.userFile)).toBe('{ "theme": "dark" }\n');
  });
});

describe('uninstall', () => {
  it("says whether a statusLine of the user's is left", () => {
    put(bench.userFile, '{ "statusLine": { "type": "command", "command": "echo mine" } }\n');
    bench.install({ wrap: true });
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', statusLineLeft: true });
    put(bench.userFile, '{ "theme": "dark" }\n');
    bench.install();
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', deleted: false, statusLineLeft: false });
    bench.install({ project: true });
    expect(bench.uninstall({ project: true })).toMatchObject({ kind: 'removed', deleted: true, statusLineLeft: false });
  });

  it('keeps a file Buddy made once something else was put in it', () => {
    bench.install();
    const text = bytes(bench.userFile)!;
    fs.writeFileSync(bench.userFile, text.replace(/^\{/, '{\n  "theme": "dark",'));
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', deleted: false });
    expect(JSON.parse(bytes(bench.userFile)!)).toEqual({ theme: 'dark' });
    expect(path.basename(path.dirname(bench.userFile))).toBe('claude');
  });
});
