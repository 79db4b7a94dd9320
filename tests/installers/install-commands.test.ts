// `buddy install|uninstall claude-code` and `buddy doctor` end to end, on a temporary CLAUDE_CONFIG_DIR:
// round trips that leave a user's settings exactly as they were, a foreign statusLine wrapped rather
// than replaced, strict refusal of broken files, project-level installs, and the doctor's verdicts.
// Installs pass --force: the suite runs dist/ from its checkout, a path install otherwise refuses.
// Each command runs in process, through the dispatcher the built bin hands it to, as the built bin would in
// the folder given (tests/helpers/in-process-at.ts).
// tests/e2e/install.test.ts runs the built bin for what only a real process shows: the install it makes
// from its own path and working directory, and the statusline's own bundle.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buddyCommands, REFRESH_INTERVAL_SECONDS } from '../../src/installers/hosts/claude-code/commands.js';
import { BIN } from '../helpers/cli.js';
import { runInProcessAt } from '../helpers/in-process-at.js';
import { COMMANDS, FIXTURES, useInstallHome, type Settings } from '../helpers/install-home.js';

const home = useInstallHome(runInProcessAt);
const { readSettings, backups, statuslinePayload, runAt, buddy } = home;
const EXISTING = path.join(FIXTURES, 'settings-existing.json');
const backupLine = (stdout: string): string => /^ {2}backup {6}(.+)$/m.exec(stdout)?.[1] ?? '';

function copyExisting(): Buffer {
  fs.mkdirSync(path.dirname(home.settingsFile), { recursive: true });
  fs.copyFileSync(EXISTING, home.settingsFile);
  return fs.readFileSync(home.settingsFile);
}

/** The fixture's settings with Buddy's additions, as `install --wrap` should leave them. */
function expectedAfterWrap(original: Settings, statusLineCommand: unknown): Settings {
  const hooks = original.hooks as { [event: string]: Settings[] };
  return {
    ...original,
    statusLine: { type: 'command', command: statusLineCommand as string, padding: 0, refreshInterval: REFRESH_INTERVAL_SECONDS },
    hooks: {
      ...hooks,
      UserPromptSubmit: [...hooks.UserPromptSubmit!, { hooks: [{ type: 'command', command: COMMANDS.prompt }] }],
      SessionStart: [{ hooks: [{ type: 'command', command: COMMANDS.sessionStart }] }],
    },
  };
}

describe('install next to an existing statusLine and hooks', () => {
  it('refuses without --wrap, changing nothing', async () => {
    const original = copyExisting();
    const result = await buddy('install', 'claude-code', '--force');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('--wrap');
    expect(lines[0]).toContain('~/bin/my-status.sh');
    expect(fs.readFileSync(home.settingsFile).equals(original)).toBe(true);
    expect(backups()).toEqual([]);
  });

  it('wraps the foreign statusLine, keeps everything else, runs both, and uninstalls byte for byte', async () => {
    const originalBytes = copyExisting();
    const original = readSettings();
    const installed = await buddy('install', 'claude-code', '--wrap', '--force');
    expect(installed.code, installed.stderr).toBe(0);

    const after = readSettings();
    const command = (after.statusLine as { command: string }).command;
    expect(command).toContain('--wrap');
    expect(command).toContain('~/bin/my-status.sh');
    expect(command.startsWith(COMMANDS.statusline)).toBe(true);
    expect(after).toEqual(expectedAfterWrap(original, command));

    expect(backups()).toHaveLength(1);
    const saved = backupLine(installed.stdout);
    expect(saved.startsWith(home.env.BUDDY_CONFIG_DIR as string)).toBe(true);
    expect(fs.readFileSync(saved).equals(originalBytes)).toBe(true);
    expect(fs.statSync(saved).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(home.settingsFile))).toEqual(['settings.json']);

    // The host runs the installed command through a shell: the user's script first, then the buddy.
    const script = path.join(home.sandbox.dir, 'bin', 'my-status.sh');
    fs.mkdirSync(path.dirname(script), { recursive: true });
    fs.writeFileSync(script, '#!/bin/sh\nif grep -q \'"session_id"\'; then echo HOST-LINE; else echo NO-PAYLOAD; fi\n', { mode: 0o755 });
    const both = execFileSync('/bin/sh', ['-c', command], { env: home.env, input: statuslinePayload(), encoding: 'utf8', cwd: home.sandbox.dir });
    const lines = both.trimEnd().split('\n');
    expect(lines[0]).toBe('HOST-LINE');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(home.name);

    const removed = await buddy('uninstall', 'claude-code');
    expect(removed.code, removed.stderr).toBe(0);
    expect(fs.readFileSync(home.settingsFile).equals(originalBytes)).toBe(true);
  });

  it("after the user edited another key, uninstall takes out only Buddy's entries", async () => {
    copyExisting();
    const original = readSettings();
    expect((await buddy('install', 'claude-code', '--wrap', '--force')).code).toBe(0);
    const edited = readSettings();
    edited.permissions = { ...(edited.permissions as Settings), allow: [...((edited.permissions as Settings).allow as string[]), 'Bash(git status)'] };
    edited.theme = 'dark';
    fs.writeFileSync(home.settingsFile, `${JSON.stringify(edited, null, 2)}\n`);

    const removed = await buddy('uninstall', 'claude-code');
    expect(removed.code, removed.stderr).toBe(0);
    const after = readSettings();
    const { statusLine, ...rest } = after;
    const { statusLine: originalStatusLine, ...originalRest } = original;
    expect(rest).toEqual({ ...originalRest, permissions: edited.permissions, theme: 'dark' });
    expect(rest.hooks).toEqual(original.hooks);
    expect(statusLine).toMatchObject(originalStatusLine as Settings);
    expect(statusLine).not.toHaveProperty('refreshInterval');
    expect(JSON.stringify(after)).not.toContain('buddy');
  });

  // The wrapped statusLine comes back whole (no padding or refreshInterval left over from the install).
  it('after the user edited another key, uninstall restores the original statusLine exactly', async () => {
    copyExisting();
    const original = readSettings();
    expect((await buddy('install', 'claude-code', '--wrap', '--force')).code).toBe(0);
    const edited = readSettings();
    edited.theme = 'dark';
    fs.writeFileSync(home.settingsFile, `${JSON.stringify(edited, null, 2)}\n`);
    expect((await buddy('uninstall', 'claude-code')).code).toBe(0);
    expect(readSettings()).toEqual({ ...original, theme: 'dark' });
  });
});

describe('install refuses a broken settings file', () => {
  it('says the file is not valid JSON and changes nothing', async () => {
    fs.mkdirSync(path.dirname(home.settingsFile), { recursive: true });
    const broken = '{\n  "model": "sonnet",\n  "statusLine": {\n';
    fs.writeFileSync(home.settingsFile, broken);
    const result = await buddy('install', 'claude-code', '--wrap', '--force');
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('not valid JSON');
    expect(fs.readFileSync(home.settingsFile, 'utf8')).toBe(broken);
    expect(backups()).toEqual([]);
  });
});

describe('scopes: every message names the command that undoes it', () => {
  it('user and project installs are separate, and uninstall in the wrong scope says where Buddy is', async () => {
    const project = path.join(home.sandbox.dir, 'acme-api');
    const projectFile = path.join(project, '.claude', 'settings.json');
    fs.mkdirSync(path.dirname(projectFile), { recursive: true });
    fs.writeFileSync(projectFile, '{\n  "permissions": {\n    "allow": ["Bash(make test)"]\n  }\n}\n');
    const projectBefore = fs.readFileSync(projectFile);

    const installed = await runAt(['install', 'claude-code', '--project', '--force'], project);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`To undo: cd ${project} && buddy uninstall claude-code --project`);
    expect(fs.existsSync(backupLine(installed.stdout))).toBe(true);
    const projectInstalled = fs.readFileSync(projectFile);

    const wrongScope = await buddy('uninstall', 'claude-code');
    expect(wrongScope.code, wrongScope.stderr).toBe(0);
    expect(wrongScope.stdout).toContain(`Buddy is not installed in ${home.settingsFile}; nothing changed.`);
    expect(wrongScope.stdout).toContain(`Buddy is installed in project settings ${projectFile}; to remove it there: cd ${project} && buddy uninstall claude-code --project`);
    expect(fs.readFileSync(projectFile).equals(projectInstalled)).toBe(true);
    expect(fs.existsSync(home.settingsFile)).toBe(false);

    const user = await buddy('install', 'claude-code', '--force');
    expect(user.stdout).toContain('To undo: buddy uninstall claude-code\n');
    const doctor = await runAt(['doctor'], project);
    expect(doctor.stdout).toContain(`✓ Claude Code (user): statusLine runs Buddy (${home.settingsFile})`);
    expect(doctor.stdout).toContain(`✓ Claude Code (project): statusLine runs Buddy (${projectFile})`);

    const removed = await runAt(['uninstall', 'claude-code', '--project'], project);
    expect(removed.stdout).toContain('byte for byte as before install');
    expect(fs.existsSync(backupLine(removed.stdout))).toBe(true);
    expect(fs.readFileSync(projectFile).equals(projectBefore)).toBe(true);

    const again = await runAt(['uninstall', 'claude-code', '--project'], project);
    expect(again.stdout).toContain(`Buddy is not installed in ${projectFile}; nothing changed.`);
    expect(again.stdout).toContain(`Buddy is installed in your user settings ${home.settingsFile}; to remove it there: buddy uninstall claude-code`);
    expect(readSettings().statusLine).toMatchObject({ command: COMMANDS.statusline });
  });

  it('a settings file deleted after install is not recreated by uninstall', async () => {
    expect((await buddy('install', 'claude-code', '--force')).code).toBe(0);
    fs.rmSync(home.settingsFile);
    const removed = await buddy('uninstall', 'claude-code');
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('no longer exists');
    expect(removed.stdout).toContain('it was not recreated');
    expect(fs.existsSync(home.settingsFile)).toBe(false);
  });

  it('refuses a multi-line statusLine without --wrap on one line, naming the command that keeps it', async () => {
    fs.mkdirSync(path.dirname(home.settingsFile), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'settings-multiline-statusline.json'), home.settingsFile);
    const before = fs.readFileSync(home.settingsFile);
    const result = await buddy('install', 'claude-code', '--force');
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    // The command to run next keeps the --force this one was given.
    expect(result.stderr).toContain("Run 'buddy install claude-code --wrap --force'");
    expect(fs.readFileSync(home.settingsFile).equals(before)).toBe(true);
  });
});

describe('buddy doctor', () => {
  it("tells other tools' *buddy* entries apart: not Buddy's, left alone, and not counted", async () => {
    fs.mkdirSync(path.dirname(home.settingsFile), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'settings-foreign-buddies.json'), home.settingsFile);
    const before = await buddy('doctor');
    expect(before.stdout).toContain(`! Claude Code (user): Buddy is not installed in ${home.settingsFile}`);
    expect(before.stdout).not.toContain('runs Buddy');
    expect(before.stdout).toContain(`· Claude Code (user): statusLine "/opt/study-buddy statusline" is not Buddy's, left alone`);
    expect(before.stdout).toContain(`· Claude Code (user): UserPromptSubmit "codebuddy hook prompt" is not Buddy's, left alone`);
    expect(before.stdout).toContain(`· Claude Code (user): SessionStart "npx my-buddy hook session-start --fast" is not Buddy's, left alone`);

    expect((await buddy('install', 'claude-code', '--wrap', '--force')).code).toBe(0);
    const after = await buddy('doctor');
    expect(after.stdout).toContain(`✓ Claude Code (user): statusLine runs Buddy after your own "/opt/study-buddy statusline" (${home.settingsFile})`);
    expect(after.stdout).not.toContain("statusLine \"/opt/study-buddy statusline\" is not Buddy's");
    expect(after.stdout).toContain(`UserPromptSubmit "codebuddy hook prompt" is not Buddy's, left alone`);
    // Besides the one warning that the install points at the suite's own checkout (forced, see docs/testing.md).
    const warnings = after.stdout.split('\n').filter((line) => /^[!✗] Claude Code/.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^! Claude Code \(user\): points at this copy of Buddy, in /);
  });

  it('passes after install and says the statusLine runs Buddy', async () => {
    expect((await buddy('install', 'claude-code', '--force')).code).toBe(0);
    const result = await buddy('doctor');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('statusLine runs Buddy');
    expect(result.stdout.split('\n').filter((line) => line.startsWith('✗'))).toEqual([]);
  });

  it('fails when the statusLine points at a script that no longer exists', async () => {
    const gone = path.join(home.sandbox.dir, 'old-install', 'dist', 'buddy.js');
    const stale = buddyCommands(process.execPath, gone);
    fs.mkdirSync(path.dirname(home.settingsFile), { recursive: true });
    fs.writeFileSync(
      home.settingsFile,
      `${JSON.stringify(
        {
          statusLine: { type: 'command', command: stale.statusline, padding: 0, refreshInterval: REFRESH_INTERVAL_SECONDS },
          hooks: {
            UserPromptSubmit: [{ hooks: [{ type: 'command', command: stale.prompt }] }],
            SessionStart: [{ hooks: [{ type: 'command', command: stale.sessionStart }] }],
          },
        },
        null,
        2,
      )}\n`,
    );
    const result = await buddy('doctor');
    expect(result.code).toBe(1);
    const failures = result.stdout.split('\n').filter((line) => line.startsWith('✗'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(gone);
    expect(failures[0]).toContain('no longer exists');
  });
});

describe('the light statusLine: doctor and uninstall', () => {
  it('doctor tells an install from before the light path apart, and install moves it over', async () => {
    const old = buddyCommands(process.execPath, fs.realpathSync(BIN), { fast: false });
    fs.mkdirSync(path.dirname(home.settingsFile), { recursive: true });
    fs.writeFileSync(home.settingsFile, `${JSON.stringify({ statusLine: { type: 'command', command: old.statusline, padding: 0, refreshInterval: 1 } }, null, 2)}\n`);
    const before = await buddy('doctor');
    expect(before.stdout).toContain('! statusLine refresh: every refresh starts Node (the light path is not installed)');
    expect(before.stdout).toContain('→ run `buddy install claude-code` again: it switches the statusLine to the light script');
    expect(before.stdout).toMatch(/✓ one statusLine refresh costs \d+\.\d ms of CPU here/);

    expect((await buddy('install', 'claude-code', '--force')).code).toBe(0);
    expect((readSettings().statusLine as { command: string }).command).toBe(COMMANDS.statusline);
    expect((await buddy('doctor')).stdout).toContain('✓ statusLine refresh: the light path');
  });

  it('uninstall removes the prepared frames, and nothing else of the cache', async () => {
    expect((await buddy('install', 'claude-code', '--force')).code).toBe(0);
    const command = (readSettings().statusLine as { command: string }).command;
    for (let round = 0; round < 2; round++) execFileSync('/bin/sh', ['-c', command], { env: home.env, input: statuslinePayload(), cwd: home.sandbox.dir });
    const cache = home.env.BUDDY_CACHE_DIR as string;
    const frames = path.join(cache, 'statusline-frames');
    expect(fs.readdirSync(frames).filter((entry) => !entry.startsWith('p.'))).toHaveLength(1);
    fs.writeFileSync(path.join(cache, 'notes.txt'), 'mine');
    const sessionsBefore = fs.readdirSync(path.join(cache, 'sessions')).sort();

    const removed = await buddy('uninstall', 'claude-code');
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`  frames      removed the prepared statusline frames (${frames})`);
    expect(fs.existsSync(frames)).toBe(false);
    expect(fs.readFileSync(path.join(cache, 'notes.txt'), 'utf8')).toBe('mine');
    expect(fs.readdirSync(path.join(cache, 'sessions')).sort()).toEqual(sessionsBefore);
    expect(fs.existsSync(home.settingsFile)).toBe(false);
  });
});
