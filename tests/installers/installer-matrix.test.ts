// The installer against the settings files people really have, each scenario asserted on the exact
// bytes before and after: edits by hand between install and uninstall, a deleted file or record, a
// symlink, big numbers, duplicate keys, CRLF, a BOM, other tools' *buddy* entries, a wrapped
// multi-line statusLine, repeated runs, and the user and project scopes side by side.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupDir } from '../../src/installers/backups.js';
import { CLAUDE_BACKUPS } from '../../src/installers/hosts/claude-code/install.js';
import { shellQuote } from '../../src/installers/shell-quote.js';
import { bytes, COMMANDS, editOnce, fixture, makeBench, parsed, put, userEdit, type Bench } from './installer-support.js';

let bench: Bench;

beforeEach(() => {
  bench = makeBench();
});

afterEach(() => {
  bench.cleanup();
});

const EXISTING = fixture('settings-existing.json');
const BIG = fixture('settings-big-numbers.json');
const FOREIGN = fixture('settings-foreign-buddies.json');
const MULTILINE = fixture('settings-multiline-statusline.json');

/** Every command Buddy wrote, found by the host's own reading of the file. */
function buddyCommandsIn(file: string): string[] {
  const settings = parsed(file);
  const hooks = Object.values(settings.hooks ?? {}).flatMap((groups) => groups.flatMap((group) => group.hooks.map((hook) => hook.command)));
  return [settings.statusLine?.command ?? '', ...hooks].filter((command) => command.includes(COMMANDS.prompt.split(' ')[0]!));
}

function expectInstalled(file: string): void {
  const settings = parsed(file);
  expect(settings.statusLine?.command?.startsWith(COMMANDS.statusline)).toBe(true);
  expect(settings.hooks?.UserPromptSubmit?.some((group) => group.hooks.some((hook) => hook.command === COMMANDS.prompt))).toBe(true);
  expect(settings.hooks?.SessionStart?.some((group) => group.hooks.some((hook) => hook.command === COMMANDS.sessionStart))).toBe(true);
}

/** Cuts Buddy's SessionStart group out by hand, the way a person would in an editor. */
function removeSessionStartGroupByHand(file: string): void {
  const text = bytes(file)!;
  const start = text.indexOf('"SessionStart": [');
  const end = text.indexOf('\n    ]', start) + '\n    ]'.length;
  fs.writeFileSync(file, `${text.slice(0, start)}"SessionStart": []${text.slice(end)}`);
}

describe('the installer, scenario by scenario, byte for byte', () => {
  it('1. no settings file: install makes one, uninstall deletes it again', () => {
    expect(bytes(bench.userFile)).toBeNull();
    expect(bench.install()).toMatchObject({ kind: 'installed', backup: undefined });
    expectInstalled(bench.userFile);
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', exact: true, deleted: true });
    expect(bytes(bench.userFile)).toBeNull();
  });

  it('2. nothing changed in between: uninstall gives back the original bytes (wrapped statusLine too)', () => {
    put(bench.userFile, EXISTING);
    fs.chmodSync(bench.userFile, 0o600);
    expect(bench.install({ wrap: true })).toMatchObject({ kind: 'installed', wrapped: true });
    expectInstalled(bench.userFile);
    expect(fs.statSync(bench.userFile).mode & 0o777).toBe(0o600);
    expect(parsed(bench.userFile).statusLine?.command).toBe(`${COMMANDS.statusline} --wrap ${shellQuote('~/bin/my-status.sh')}`);
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', exact: true, deleted: false });
    expect(bytes(bench.userFile)).toBe(EXISTING);
    expect(fs.statSync(bench.userFile).mode & 0o777).toBe(0o600);
  });

  it('3. edits by hand in between (permissions, env, a Buddy hook taken out) all survive uninstall', () => {
    put(bench.userFile, EXISTING);
    bench.install({ wrap: true });
    userEdit(bench.userFile, '"model": "sonnet"', '"model": "opus"');
    userEdit(bench.userFile, '"Read(~/.zshrc)"\n', '"Read(~/.zshrc)",\n      "Bash(git status)"\n');
    userEdit(bench.userFile, '"NODE_OPTIONS": "--max-old-space-size=4096"\n', '"NODE_OPTIONS": "--max-old-space-size=4096",\n    "EDITOR": "vim"\n');
    removeSessionStartGroupByHand(bench.userFile);

    expect(bench.uninstall()).toMatchObject({ kind: 'removed' });
    let expected = editOnce(EXISTING, '"model": "sonnet"', '"model": "opus"');
    expected = editOnce(expected, '"Read(~/.zshrc)"\n', '"Read(~/.zshrc)",\n      "Bash(git status)"\n');
    expected = editOnce(expected, '"NODE_OPTIONS": "--max-old-space-size=4096"\n', '"NODE_OPTIONS": "--max-old-space-size=4096",\n    "EDITOR": "vim"\n');
    expect(bytes(bench.userFile)).toBe(expected);
  });

  it('4. the settings file deleted in between is never recreated, and an old copy never comes back', () => {
    put(bench.userFile, EXISTING);
    bench.install({ wrap: true });
    fs.rmSync(bench.userFile);
    expect(bench.uninstall()).toEqual({ kind: 'file-gone' });
    expect(bytes(bench.userFile)).toBeNull();
    expect(JSON.parse(bytes(bench.records)!).installs).toEqual({});

    bench.install();
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', deleted: true });
    expect(bytes(bench.userFile)).toBeNull();
    expect(bench.uninstall()).toEqual({ kind: 'not-installed' });
    expect(bytes(bench.userFile)).toBeNull();
  });

  it('5. install record deleted, wrapped multi-line statusLine: its command comes back, hooks go', () => {
    put(bench.userFile, MULTILINE);
    bench.install({ wrap: true });
    fs.rmSync(bench.records);
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', exact: false });
    // Without the record only the command is known: the statusLine keeps Buddy's padding, loses its timer.
    const statusLine = JSON.stringify(JSON.parse(MULTILINE).statusLine.command);
    const expected = editOnce(
      MULTILINE,
      MULTILINE.slice(MULTILINE.indexOf('"statusLine": {'), MULTILINE.indexOf('  },\n  "env"') + 3),
      `"statusLine": {\n    "type": "command",\n    "command": ${statusLine},\n    "padding": 2\n  }`,
    );
    expect(bytes(bench.userFile)).toBe(expected);
  });

  it('6. install record damaged: Buddy still takes out exactly its own entries', () => {
    const original = '{\n  "model": "sonnet",\n  "includeCoAuthoredBy": false\n}\n';
    put(bench.userFile, original);
    bench.install();
    fs.writeFileSync(bench.records, '{"version": 2, "installs": {');
    expect(bench.uninstall()).toMatchObject({ kind: 'removed' });
    expect(bytes(bench.userFile)).toBe(original);
    // The damaged record file is not thrown away: the next write moves it aside.
    expect(bytes(bench.records)).toBe('{"version": 2, "installs": {');
    bench.install();
    const kept = fs.readdirSync(path.dirname(bench.records)).filter((name) => name.startsWith('claude-code-installs.json.damaged-'));
    expect(kept.map((name) => bytes(path.join(path.dirname(bench.records), name)))).toEqual(['{"version": 2, "installs": {']);
  });

  it('7. a symlinked settings file is edited through the link, and the link stays a link', () => {
    const dotfiles = path.join(bench.root, 'dotfiles', 'claude-settings.json');
    put(dotfiles, EXISTING);
    fs.mkdirSync(path.dirname(bench.userFile), { recursive: true });
    fs.symlinkSync(dotfiles, bench.userFile);

    bench.install({ wrap: true });
    expect(fs.lstatSync(bench.userFile).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(bench.userFile)).toBe(dotfiles);
    expectInstalled(dotfiles);
    expect(fs.readdirSync(path.dirname(dotfiles))).toEqual(['claude-settings.json']);

    userEdit(dotfiles, '"includeCoAuthoredBy": false', '"includeCoAuthoredBy": true');
    bench.uninstall();
    expect(fs.lstatSync(bench.userFile).isSymbolicLink()).toBe(true);
    expect(bytes(dotfiles)).toBe(editOnce(EXISTING, '"includeCoAuthoredBy": false', '"includeCoAuthoredBy": true'));
  });

  it('7b. a symlink to nowhere is refused, and nothing is created at either end', () => {
    const missing = path.join(bench.root, 'dotfiles', 'not-there.json');
    fs.mkdirSync(path.dirname(bench.userFile), { recursive: true });
    fs.symlinkSync(missing, bench.userFile);
    expect(() => bench.install()).toThrow(`${bench.userFile} is a symlink to ${missing}, which does not exist; Buddy replaces only regular files, nothing was changed.`);
    expect(fs.readlinkSync(bench.userFile)).toBe(missing);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('8. big numbers and exact decimals stay as written while installed and after', () => {
    put(bench.userFile, BIG);
    bench.install();
    const installed = bytes(bench.userFile)!;
    for (const number of ['12345678901234567890', '1e400', '0.1000000000000000055511151231257827', '-0', '90071992547409931']) {
      expect(installed).toContain(number);
    }
    userEdit(bench.userFile, '"cleanupPeriodDays": 12345678901234567890', '"cleanupPeriodDays": 98765432109876543210');
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe(editOnce(BIG, '12345678901234567890', '98765432109876543210'));
  });

  it('9. duplicate keys stay, and Buddy edits the one the host reads (the last)', () => {
    put(bench.userFile, BIG);
    bench.install();
    const text = bytes(bench.userFile)!;
    expect(text.match(/"model"/g)).toHaveLength(2);
    expect(text.match(/"hooks": \{/g)).toHaveLength(2);
    expect(text.slice(0, text.lastIndexOf('"hooks": {'))).not.toContain(COMMANDS.prompt);
    expectInstalled(bench.userFile);
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', exact: true });
    expect(bytes(bench.userFile)).toBe(BIG);
  });

  it('10. CRLF stays CRLF: Buddy writes CRLF too, and a later edit by hand survives', () => {
    const crlf = EXISTING.replace(/\n/g, '\r\n');
    put(bench.userFile, crlf);
    bench.install({ wrap: true });
    expect(bytes(bench.userFile)!.replace(/\r\n/g, '')).not.toContain('\n');
    expect(bench.uninstall()).toMatchObject({ exact: true });
    expect(bytes(bench.userFile)).toBe(crlf);

    bench.install({ wrap: true });
    userEdit(bench.userFile, '"model": "sonnet"', '"model": "haiku"');
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe(editOnce(crlf, '"model": "sonnet"', '"model": "haiku"'));
  });

  it('11. a byte order mark stays', () => {
    const withBom = `\uFEFF${EXISTING}`;
    put(bench.userFile, withBom);
    bench.install({ wrap: true });
    expect(bytes(bench.userFile)!.startsWith('\uFEFF{')).toBe(true);
    expectInstalled(bench.userFile);
    userEdit(bench.userFile, '"DISABLE_TELEMETRY": "1"', '"DISABLE_TELEMETRY": "0"');
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe(editOnce(withBom, '"DISABLE_TELEMETRY": "1"', '"DISABLE_TELEMETRY": "0"'));
  });

  it('12. other tools\' *buddy* entries are never Buddy\'s: not removed, not counted, not changed', () => {
    put(bench.userFile, FOREIGN);
    expect(bench.uninstall()).toEqual({ kind: 'not-installed' });
    expect(bytes(bench.userFile)).toBe(FOREIGN);
    expect(() => bench.install()).toThrow('an existing statusLine is configured');
    expect(bytes(bench.userFile)).toBe(FOREIGN);

    expect(bench.install({ wrap: true })).toMatchObject({ kind: 'installed', wrapped: true });
    const text = bytes(bench.userFile)!;
    for (const foreign of ['"codebuddy hook prompt"', '"npx my-buddy hook session-start --fast"']) expect(text).toContain(foreign);
    expect(parsed(bench.userFile).statusLine?.command).toBe(`${COMMANDS.statusline} --wrap '/opt/study-buddy statusline'`);
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', exact: true });
    expect(bytes(bench.userFile)).toBe(FOREIGN);
  });

  it('13. a wrapped multi-line statusLine comes back exactly, with the record, after other edits', () => {
    put(bench.userFile, MULTILINE);
    bench.install({ wrap: true });
    const command = parsed(bench.userFile).statusLine!.command!;
    expect(command).toContain('--wrap');
    expect(command).toContain('\n');
    userEdit(bench.userFile, '"allow": ["Bash(rm -rf:*)"]', '"allow": []');
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe(editOnce(MULTILINE, '"allow": ["Bash(rm -rf:*)"]', '"allow": []'));
  });

  it('14. install twice changes nothing the second time; uninstall twice likewise', () => {
    put(bench.userFile, EXISTING);
    bench.install({ wrap: true });
    const installed = bytes(bench.userFile);
    expect(bench.install({ wrap: true })).toEqual({ kind: 'already-installed' });
    expect(bench.install()).toEqual({ kind: 'already-installed' });
    expect(bytes(bench.userFile)).toBe(installed);
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe(EXISTING);
    expect(bench.uninstall()).toEqual({ kind: 'not-installed' });
    expect(bytes(bench.userFile)).toBe(EXISTING);
  });

  it('15. user and project scope are separate installs with separate records', () => {
    put(bench.userFile, EXISTING);
    const project = '{\n  "permissions": {\n    "allow": ["Bash(make test)"]\n  }\n}\n';
    put(bench.projectFile, project);
    bench.install({ wrap: true });
    bench.install({ project: true });
    const installs = JSON.parse(bytes(bench.records)!).installs as Record<string, { scope: string }>;
    expect(installs[bench.userFile]?.scope).toBe('user');
    expect(installs[bench.projectFile]?.scope).toBe('project');

    const projectInstalled = bytes(bench.projectFile);
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe(EXISTING);
    expect(bytes(bench.projectFile)).toBe(projectInstalled);
    expect(bench.uninstall()).toEqual({ kind: 'not-installed' });
    expect(bench.uninstall({ project: true })).toMatchObject({ kind: 'removed', exact: true });
    expect(bytes(bench.projectFile)).toBe(project);
  });

  it('16. settings that are not strict JSON are refused, with nothing changed', () => {
    for (const broken of ['{\n  "model": "sonnet",\n', '{\n  // my settings\n  "model": "sonnet"\n}\n', '{"model": "sonnet",}', '[]']) {
      put(bench.userFile, broken);
      expect(() => bench.install({ wrap: true })).toThrow(/not valid JSON|does not hold a JSON object/);
      expect(() => bench.uninstall()).toThrow(/not valid JSON|does not hold a JSON object/);
      expect(bytes(bench.userFile)).toBe(broken);
    }
    expect(fs.existsSync(path.join(bench.env.BUDDY_CONFIG_DIR!, 'claude-code-backups'))).toBe(false);
  });

  it('17. a settings file on one line keeps to one line', () => {
    const compact = '{"model":"sonnet","env":{"A":"1"}}';
    put(bench.userFile, compact);
    bench.install();
    expect(bytes(bench.userFile)).not.toContain('\n');
    expect(bytes(bench.userFile)!.startsWith('{"model":"sonnet","env":{"A":"1"},"statusLine":{')).toBe(true);
    userEdit(bench.userFile, '"A":"1"', '"A":"2"');
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe('{"model":"sonnet","env":{"A":"2"}}');
  });

  it('18. tab indentation and one-line hook lists are matched, and undone exactly', () => {
    const tabs = '{\n\t"hooks": {\n\t\t"UserPromptSubmit": [ { "hooks": [ { "type": "command", "command": "~/log-prompt" } ] } ]\n\t}\n}\n';
    put(bench.userFile, tabs);
    bench.install();
    const text = bytes(bench.userFile)!;
    expect(text).toContain('\t\t"SessionStart": [\n\t\t\t{\n');
    expect(text).toContain(`"command": "~/log-prompt" } ] }, {"hooks":[{"type":"command","command":${JSON.stringify(COMMANDS.prompt)}}]} ]`);
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe(tabs);
  });

  it('19. Buddy\'s entries all taken out by hand: uninstall changes nothing and clears the record', () => {
    const original = '{\n  "model": "sonnet"\n}\n';
    put(bench.userFile, original);
    bench.install();
    fs.writeFileSync(bench.userFile, original);
    expect(bench.uninstall()).toEqual({ kind: 'already-removed' });
    expect(bytes(bench.userFile)).toBe(original);
    expect(JSON.parse(bytes(bench.records)!).installs).toEqual({});
  });

  it('20. the user adds a hook of their own beside Buddy\'s: it stays, with its event', () => {
    put(bench.userFile, '{\n  "model": "sonnet"\n}\n');
    bench.install();
    userEdit(
      bench.userFile,
      '"SessionStart": [\n',
      '"SessionStart": [\n      {\n        "hooks": [\n          {\n            "type": "command",\n            "command": "~/bin/morning"\n          }\n        ]\n      },\n',
    );
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe(
      '{\n  "model": "sonnet",\n  "hooks": {\n    "SessionStart": [\n      {\n        "hooks": [\n          {\n            "type": "command",\n            "command": "~/bin/morning"\n          }\n        ]\n      }\n    ]\n  }\n}\n',
    );
  });

  it('21. entries from a Buddy that has moved are pointed at this one (its light statusline), without a record', () => {
    const old = {
      statusLine: '/old/node /old/buddy/dist/buddy.js statusline',
      prompt: '/old/node /old/buddy/dist/buddy.js hook prompt',
      sessionStart: '/old/node /old/buddy/dist/buddy.js hook session-start',
    };
    const before = `{\n  "statusLine": {\n    "type": "command",\n    "command": "${old.statusLine}",\n    "padding": 0,\n    "refreshInterval": 1\n  },\n  "hooks": {\n    "UserPromptSubmit": [\n      {\n        "hooks": [\n          {\n            "type": "command",\n            "command": "${old.prompt}"\n          }\n        ]\n      }\n    ],\n    "SessionStart": [\n      {\n        "hooks": [\n          {\n            "type": "command",\n            "command": "${old.sessionStart}"\n          }\n        ]\n      }\n    ]\n  },\n  "model": "sonnet"\n}\n`;
    put(bench.userFile, before);
    bench.install();
    expect(bytes(bench.userFile)).toBe(
      before.replace(old.statusLine, COMMANDS.statusline).replaceAll('/old/node /old/buddy/dist/buddy.js', '/opt/node/bin/node /opt/buddy/dist/buddy.js'),
    );
    bench.uninstall();
    expect(bytes(bench.userFile)).toBe('{\n  "model": "sonnet"\n}\n');
  });

  it('22. an edit by hand of the same length elsewhere still lets uninstall undo exactly', () => {
    put(bench.userFile, EXISTING);
    bench.install({ wrap: true });
    userEdit(bench.userFile, '"model": "sonnet"', '"model": "haiku!"'.slice(0, '"model": "sonnet"'.length));
    expect(bench.uninstall()).toMatchObject({ exact: true });
    expect(bytes(bench.userFile)).toBe(editOnce(EXISTING, '"model": "sonnet"', '"model": "haiku!"'));
  });
});

describe("the record and the backups keep only what they should", () => {
  it("the record holds Buddy's part only: no env, no permissions, no secrets", () => {
    put(bench.userFile, MULTILINE);
    bench.install({ wrap: true });
    const record = bytes(bench.records)!;
    expect(record).not.toContain('sk-ant-fixture-not-a-real-key');
    expect(record).not.toContain('ANTHROPIC_API_KEY');
    expect(record).not.toContain('permissions');
    expect(record).not.toContain('rm -rf');
    expect(record).toContain(JSON.stringify(COMMANDS.prompt));
  });

  it('backups are mode 0600, the newest five per settings file, and each run names its own', () => {
    put(bench.userFile, EXISTING);
    const names = new Set<string>();
    for (let round = 0; round < 4; round++) {
      const installed = bench.install({ wrap: true });
      const removed = bench.uninstall();
      if (installed.kind !== 'installed' || removed.kind !== 'removed') throw new Error('expected a change each time');
      names.add(installed.backup!).add(removed.backup);
    }
    expect(names.size).toBe(8);
    const dir = backupDir(bench.env, bench.userFile, CLAUDE_BACKUPS);
    const kept = fs.readdirSync(dir).sort();
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect([...names].slice(-BACKUPS_KEPT).map((file) => path.basename(file))).toEqual(kept);
    for (const name of kept) expect(fs.statSync(path.join(dir, name)).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, kept.at(-1)!), 'utf8')).not.toBe(EXISTING);
    expect(bytes(bench.userFile)).toBe(EXISTING);
  });

  it('a record from the first release is trimmed to Buddy\'s part on the next write', () => {
    put(bench.userFile, '{\n  "env": {\n    "ANTHROPIC_API_KEY": "sk-ant-old-record"\n  }\n}\n');
    bench.install();
    const installedContent = bytes(bench.userFile);
    put(
      bench.records,
      JSON.stringify({ [bench.userFile]: { originalContent: '{"env":{"ANTHROPIC_API_KEY":"sk-ant-old-record"}}', installedContent, installedAt: '2026-01-01T00:00:00.000Z' } }),
    );
    expect(bench.uninstall()).toMatchObject({ kind: 'removed' });
    expect(bytes(bench.userFile)).toBe('{\n  "env": {\n    "ANTHROPIC_API_KEY": "sk-ant-old-record"\n  }\n}\n');
    expect(bytes(bench.records)).not.toContain('sk-ant-old-record');
  });

  it('an empty settings file that existed stays, empty', () => {
    put(bench.userFile, '');
    bench.install();
    expect(buddyCommandsIn(bench.userFile)).toHaveLength(3);
    expect(bench.uninstall()).toMatchObject({ kind: 'removed', deleted: false });
    expect(bytes(bench.userFile)).toBe('');
  });
});
