// `buddy uninstall --all [--purge]` in a throwaway home with Buddy installed in
// Claude Code (statusline and hooks, user and project, and the project's .mcp.json), Codex and Gemini CLI
// (user and project). Every host file is compared byte for byte with what it was before install (or is
// gone again when the install made it); --purge removes Buddy's folders and nothing else. Each command runs
// in process as the built bin would in the folder given (tests/helpers/in-process-at.ts);
// tests/e2e/uninstall-all.test.ts runs the built bin from the home folder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useUninstallHome } from '../helpers/uninstall-home.js';
import { runInProcessAt } from '../helpers/in-process-at.js';

const home = useUninstallHome(runInProcessAt);
const { buddy, ok } = home;

const files = () => ({
  claudeUser: path.join(home.sandbox.env.CLAUDE_CONFIG_DIR!, 'settings.json'),
  claudeProject: path.join(home.project, '.claude', 'settings.json'),
  mcpJson: path.join(home.project, '.mcp.json'),
  codex: path.join(home.sandbox.dir, '.codex', 'config.toml'),
  geminiUser: path.join(home.sandbox.dir, '.gemini', 'settings.json'),
  geminiProject: path.join(home.project, '.gemini', 'settings.json'),
});

/** Every host file as it is now: its bytes, or null when there is none. */
function snapshot(): Record<string, Buffer | null> {
  return Object.fromEntries(Object.entries(files()).map(([name, file]) => [name, fs.existsSync(file) ? fs.readFileSync(file) : null]));
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** The person's own files, some there before install (with their own content), some not. */
function ownFiles(): void {
  write(files().claudeUser, '{\n    "theme":  "dark",\n    "hooks": {}\n}\n');
  write(files().codex, '# mine\nmodel = "o3" # the careful one\n');
  write(files().geminiProject, '{ "theme": "GitHub" }');
}

async function installEverywhere(): Promise<void> {
  await ok(['install', 'claude-code', '--force']);
  await ok(['install', 'claude-code', '--project', '--mcp', '--force']);
  await ok(['install', 'codex', '--force']);
  await ok(['install', 'gemini', '--force']);
  await ok(['install', 'gemini', '--project', '--force']);
}

describe('buddy uninstall --all', () => {
  it('shows the plan, refuses without a terminal or --yes, then gives every host file back byte for byte', async () => {
    ownFiles();
    const before = snapshot();
    await installEverywhere();
    const installed = snapshot();
    for (const [name, bytes] of Object.entries(installed)) expect(bytes, name).not.toEqual(before[name]);

    const refused = await buddy(['uninstall', '--all']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('buddy: uninstall --all: there is no terminal to ask on; pass --yes to go ahead. Nothing was changed.\n');
    const f = files();
    expect(refused.stdout.split('\n').slice(0, 7)).toEqual([
      'Buddy will be taken out of 6 places, each as its own uninstall does:',
      `  Claude Code statusline and hooks (user)     ${f.claudeUser}`,
      `  Claude Code statusline and hooks (project)  ${f.claudeProject}`,
      `  Codex MCP server (user)                     ${f.codex}`,
      `  Gemini CLI MCP server (user)                ${f.geminiUser}`,
      `  Gemini CLI MCP server (project)             ${f.geminiProject}`,
      `  Claude Code MCP server (project)            ${f.mcpJson}`,
    ]);
    expect(snapshot()).toEqual(installed);

    const removed = await ok(['uninstall', '--all', '--yes']);
    expect(removed.stderr).toBe('');
    expect(removed.stdout).toContain(`Removed Buddy from Claude Code: ${f.claudeUser} is byte for byte as before install`);
    expect(removed.stdout).toContain(`Removed Buddy's MCP server from Codex: ${f.codex} is byte for byte as before install, apart from any changes made to it since.`);
    expect(snapshot()).toEqual(before);
    // Buddy's data stays without --purge.
    expect(fs.existsSync(path.join(home.sandbox.env.BUDDY_CONFIG_DIR!, 'claude-code-installs.json'))).toBe(true);

    const again = await ok(['uninstall', '--all']);
    expect(again.stdout).toBe('Buddy is not installed in any host or scope it knows of (its records, your user settings, this project); nothing changed.\n');
  });

  it('finds a project install in another folder by its record', async () => {
    const elsewhere = path.join(home.sandbox.dir, 'other');
    fs.mkdirSync(elsewhere);
    await ok(['install', 'gemini', '--project', '--force'], elsewhere);
    await ok(['install', 'claude-code', '--project', '--force'], elsewhere);
    const result = await ok(['uninstall', '--all', '--yes'], home.project);
    expect(result.stdout).toContain(`Gemini CLI MCP server (project)             ${path.join(elsewhere, '.gemini', 'settings.json')}`);
    expect(fs.existsSync(path.join(elsewhere, '.gemini', 'settings.json'))).toBe(false);
    expect(fs.existsSync(path.join(elsewhere, '.claude', 'settings.json'))).toBe(false);
  });

  it('goes on past a host file it may not change, and says so in one line at the end', async () => {
    ownFiles();
    await ok(['install', 'codex', '--force']);
    await ok(['install', 'gemini', '--force']);
    const codex = fs.readFileSync(files().codex);
    fs.chmodSync(files().codex, 0o444);
    const result = await buddy(['uninstall', '--all', '--yes', '--purge']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Not taken out: ${files().codex} is read-only`);
    expect(result.stderr).toBe("buddy: uninstall --all: 1 of 2 could not be taken out (see above); Buddy's own files were kept (its install records are needed to finish)\n");
    expect(fs.readFileSync(files().codex)).toEqual(codex);
    expect(fs.existsSync(files().geminiUser)).toBe(false);
    expect(fs.existsSync(home.sandbox.env.BUDDY_CONFIG_DIR!)).toBe(true);
  });

  it.each([
    [['uninstall', '--purge'], /^buddy: uninstall: --purge goes with --all/],
    [['uninstall', 'codex', '--yes'], /^buddy: uninstall: --yes goes with --all/],
    [['uninstall', '--all', '--export', 'x.json'], /^buddy: uninstall: --export goes with --purge/],
    [['uninstall', '--all', 'codex'], /^buddy: uninstall: --all takes no host/],
    [['uninstall', '--all', '--project'], /^buddy: uninstall: --all already covers the project scope/],
  ])('buddy %j is a usage error', async (args, message) => {
    const result = await buddy(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('buddy uninstall --all --purge', () => {
  it('keeps an export first, then removes Buddy’s folders and nothing else, never following a link out', async () => {
    ownFiles();
    const before = snapshot();
    await ok(['hatch']);
    await ok(['say', 'goodbye']);
    await installEverywhere();
    await ok(['statusline'], home.project);
    const config = home.sandbox.env.BUDDY_CONFIG_DIR!;
    const cache = home.sandbox.env.BUDDY_CACHE_DIR!;
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(path.join(cache, 'debug.log'), '');
    // A folder of the person's, linked from inside Buddy's config folder: the link goes, the folder stays.
    const theirs = path.join(home.sandbox.dir, 'theirs');
    fs.mkdirSync(theirs);
    fs.writeFileSync(path.join(theirs, 'keep.txt'), 'mine');
    fs.symlinkSync(theirs, path.join(config, 'claude-code-backups', 'linked'));
    fs.symlinkSync(path.join(theirs, 'keep.txt'), path.join(config, 'config.json.corrupt-2026-01-01T00-00-00-000Z'));
    const archive = path.join(home.sandbox.dir, 'keep.json');

    const refused = await buddy(['uninstall', '--all', '--purge', '--export', archive]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("Then, after a second question, Buddy's own files are deleted (your buddies and journal are kept in");
    expect(refused.stdout).toMatch(new RegExp(`config and journal  ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  \\(\\w+ the \\w+, the journal, install records and backups\\)`));
    expect(fs.existsSync(archive)).toBe(false);

    const purged = await ok(['uninstall', '--all', '--purge', '--export', archive, '--yes']);
    expect(purged.stdout).toContain(`  cache               ${cache} removed`);
    expect(purged.stdout).toContain(`  config and journal  ${config} removed`);
    expect(purged.stdout).toContain(`Your buddies and journal are in ${archive}: buddy import ${archive} brings them back.`);
    expect(fs.existsSync(config)).toBe(false);
    expect(fs.existsSync(cache)).toBe(false);
    expect(fs.readFileSync(path.join(theirs, 'keep.txt'), 'utf8')).toBe('mine');
    expect(snapshot()).toEqual(before);

    // The export brings the buddy back into the emptied home.
    const imported = await ok(['import', archive]);
    expect(imported.stdout).toMatch(/^\w+ the \w+ is back, from /);
    expect(fs.readFileSync(path.join(config, 'journal.jsonl'), 'utf8')).toContain('"source":"say"');
  });

  it('leaves a folder holding files Buddy did not make, and a config folder that is a symlink', async () => {
    await ok(['hatch']);
    const config = home.sandbox.env.BUDDY_CONFIG_DIR!;
    fs.writeFileSync(path.join(config, 'notes.txt'), 'mine');
    const realCache = path.join(home.sandbox.dir, 'real-cache');
    fs.mkdirSync(realCache);
    fs.writeFileSync(path.join(realCache, 'debug.log'), 'x');
    fs.symlinkSync(realCache, home.sandbox.env.BUDDY_CACHE_DIR!);
    const result = await ok(['uninstall', '--all', '--purge', '--yes']);
    expect(result.stdout).toContain(`Buddy's files removed from ${config}; the folder stays, as it also holds what Buddy did not make (notes.txt)`);
    expect(result.stdout).toContain(`${home.sandbox.env.BUDDY_CACHE_DIR!} is a symlink, not Buddy's own folder: left as it is`);
    expect(fs.readdirSync(config)).toEqual(['notes.txt']);
    expect(fs.readFileSync(path.join(realCache, 'debug.log'), 'utf8')).toBe('x');
  });
});
