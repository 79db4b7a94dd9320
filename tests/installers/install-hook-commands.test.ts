// `buddy install gemini|codex|cursor --hooks`, `buddy uninstall HOST`, `buddy uninstall --all` and `buddy
// doctor` for the hooks, in a throwaway home, with the person's files compared byte for byte. Installs pass
// --force: the suite runs dist/ from its checkout (docs/testing.md). Each command runs in process as the
// built bin would, in the folder given (tests/helpers/in-process-at.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, type RunResult } from '../helpers/cli.js';
import { runInProcessAt } from '../helpers/in-process-at.js';

const SCRIPT = fs.realpathSync(BIN);
const NODE = process.execPath;
const hook = (host: string, event: string): string => `${NODE} ${SCRIPT} hook agent --host ${host} --event ${event}`;

let sandbox: ReturnType<typeof makeSandbox>;
let project: string;

function buddy(args: readonly string[], cwd = sandbox.dir): Promise<RunResult> {
  return runInProcessAt(args, { env: { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' }, cwd });
}
const read = (file: string): string | null => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
const put = (file: string, text: string): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

beforeEach(() => {
  sandbox = makeSandbox();
  project = path.join(sandbox.dir, 'acme');
  fs.mkdirSync(project);
});
afterEach(() => sandbox.cleanup());

describe('buddy install gemini --hooks', () => {
  const SETTINGS = '{\n  // mine\n  "theme": "GitHub",\n  "hooks": {\n    "AfterTool": [ { "matcher": "write_file", "hooks": [ { "type": "command", "command": "npx prettier --write" } ] } ]\n  }\n}\n';

  it('adds the MCP server and the hooks, says what it wrote; doctor sees them; uninstall gives the bytes back', async () => {
    const file = path.join(sandbox.dir, '.gemini', 'settings.json');
    put(file, SETTINGS);
    const installed = await buddy(['install', 'gemini', '--hooks', '--force']);
    expect(installed.code, installed.stderr).toBe(0);
    const lines = installed.stdout.split('\n');
    expect(lines[0]).toBe(`Registered Buddy's MCP server with Gemini CLI: ${file}`);
    expect(lines.slice(5)).toEqual([
      `Added Buddy's hooks in Gemini CLI: ${file}`,
      `  AfterTool           ${hook('gemini', 'tool')} (run_shell_command|write_file|replace)`,
      `  AfterAgent          ${hook('gemini', 'stop')}`,
      expect.stringMatching(/^ {2}backup {6}\/.*settings\..*\.json$/),
      'To undo: buddy uninstall gemini',
      '',
    ]);
    const value = JSON.parse(read(file)!.replace('// mine', '')) as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    expect(value.hooks.AfterTool!.map((group) => group.hooks[0]!.command)).toEqual(['npx prettier --write', hook('gemini', 'tool')]);
    expect(value.hooks.AfterAgent![0]!.hooks[0]).toEqual({ name: 'buddy', type: 'command', command: hook('gemini', 'stop') });

    const again = await buddy(['install', 'gemini', '--hooks', '--force']);
    expect(again.stdout).toContain(`Buddy's hooks are already in Gemini CLI's ${file}; nothing changed. To undo: buddy uninstall gemini`);

    const doctor = await buddy(['doctor']);
    expect(doctor.stdout).toContain(`✓ Gemini CLI hooks (user): AfterTool, AfterAgent run buddy hook agent (${file})`);
    expect(doctor.stdout).not.toContain('Cursor hooks');

    const removed = await buddy(['uninstall', 'gemini']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Removed Buddy's hooks from Gemini CLI: ${file} is as before they were added, apart from any changes made to it since.`);
    expect(removed.stdout).toContain('To add them again: buddy install gemini --hooks');
    expect(removed.stdout).toContain('Removed Buddy\'s MCP server from Gemini CLI');
    expect(read(file)).toBe(SETTINGS);
  });

  it('refuses settings the hooks have no place in before writing either entry', async () => {
    const file = path.join(project, '.gemini', 'settings.json');
    put(file, '{"hooks": []}');
    const result = await buddy(['install', 'gemini', '--project', '--hooks', '--force'], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`buddy: install: ${file}: its "hooks" is not an object. Nothing was changed.\n`);
    expect(read(file)).toBe('{"hooks": []}');
  });
});

describe('buddy install codex --hooks', () => {
  it('writes hooks.json beside config.toml and says to trust them in /hooks; uninstall takes both out', async () => {
    const hooks = path.join(sandbox.dir, '.codex', 'hooks.json');
    const config = path.join(sandbox.dir, '.codex', 'config.toml');
    const installed = await buddy(['install', 'codex', '--hooks', '--force']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`Added Buddy's hooks in Codex: ${hooks}\n  PostToolUse         ${hook('codex', 'tool')} (Bash)\n  Stop                ${hook('codex', 'stop')}\n  backup      none: the file did not exist before\n`);
    expect(installed.stdout.trimEnd().split('\n').at(-1)).toBe("Next: Codex runs a new hook only once you trust it: open /hooks in Codex and trust Buddy's two hooks.");
    expect(JSON.parse(read(hooks)!)).toEqual({
      hooks: { PostToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: hook('codex', 'tool') }] }], Stop: [{ hooks: [{ type: 'command', command: hook('codex', 'stop') }] }] },
    });
    const doctor = await buddy(['doctor']);
    expect(doctor.stdout).toContain(`· Codex hooks (user): Codex runs a new hook only once you trust it`);

    const removed = await buddy(['uninstall', 'codex']);
    expect(removed.stdout).toContain(`Removed Buddy's hooks from Codex: ${hooks} was made by the install and nothing else was put in it, so it is gone again.`);
    expect(read(hooks)).toBeNull();
    expect(read(config)).toBeNull();
  });

  it('--hooks is refused where Buddy has none to add, and --project where Codex\'s MCP server has no project scope', async () => {
    const claude = await buddy(['install', 'claude-code', '--hooks']);
    expect(claude.code).toBe(2);
    expect(claude.stderr).toMatch(/^buddy: install claude-code: --hooks is only for gemini, codex, cursor and copilot \(/);
    const codex = await buddy(['install', 'codex', '--project', '--hooks']);
    expect(codex.stderr).toMatch(/^buddy: install codex: --project is only for claude-code, gemini and cursor \(/);
  });
});

describe('buddy install cursor --project --hooks', () => {
  it('keeps the person\'s hook on the same event, and their edits since, on uninstall', async () => {
    const file = path.join(project, '.cursor', 'hooks.json');
    const mine = '{\n  "version": 1,\n  "hooks": {\n    "afterShellExecution": [ { "command": "./audit.sh" } ]\n  }\n}\n';
    put(file, mine);
    const installed = await buddy(['install', 'cursor', '--project', '--hooks', '--force'], project);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`To undo: cd ${project} && buddy uninstall cursor --project`);
    expect(read(file)).toBe(`{\n  "version": 1,\n  "hooks": {\n    "afterShellExecution": [ { "command": "./audit.sh" }, {"command":"${hook('cursor', 'tool')}"} ],\n    "stop": [\n      {\n        "command": "${hook('cursor', 'stop')}"\n      }\n    ]\n  }\n}\n`);
    fs.writeFileSync(file, read(file)!.replace('./audit.sh', './audit.sh --all'));

    const doctor = await buddy(['doctor'], project);
    expect(doctor.stdout).toContain(`✓ Cursor hooks (project): afterShellExecution, stop run buddy hook agent (${file})`);

    const removed = await buddy(['uninstall', 'cursor', '--project'], project);
    expect(removed.code, removed.stderr).toBe(0);
    expect(read(file)).toBe(mine.replace('./audit.sh', './audit.sh --all'));
    expect(read(path.join(project, '.cursor', 'mcp.json'))).toBeNull();
  });
});

describe('buddy install copilot --hooks', () => {
  it('writes the repository\'s .github/hooks/buddy.json beside the person\'s own hook files; uninstall there takes it out again', async () => {
    const file = path.join(project, '.github', 'hooks', 'buddy.json');
    const theirs = path.join(project, '.github', 'hooks', 'lint.json');
    put(theirs, '{"version": 1, "hooks": {"postToolUse": [{"type": "command", "bash": "npm run lint"}]}}');
    const installed = await buddy(['install', 'copilot', '--hooks', '--force'], project);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`Added Buddy's hooks in GitHub Copilot CLI: ${file}\n  postToolUse         ${hook('copilot', 'tool')}\n  agentStop           ${hook('copilot', 'stop')}\n`);
    expect(installed.stdout).toContain(`To undo: cd ${project} && buddy uninstall copilot`);
    expect(installed.stdout).toContain("Next: the hooks are in the repository, with this machine's paths: keep .github/hooks/buddy.json out of its commits (say, in .git/info/exclude).");
    expect(read(file)).toBe(`{\n  "version": 1,\n  "hooks": {\n    "postToolUse": [\n      {\n        "type": "command",\n        "bash": "${hook('copilot', 'tool')}"\n      }\n    ],\n    "agentStop": [\n      {\n        "type": "command",\n        "bash": "${hook('copilot', 'stop')}"\n      }\n    ]\n  }\n}\n`);

    const doctor = await buddy(['doctor'], project);
    expect(doctor.stdout).toContain(`✓ GitHub Copilot CLI hooks (project): postToolUse, agentStop run buddy hook agent (${file})`);

    const elsewhere = await buddy(['uninstall', 'copilot']);
    expect(elsewhere.stdout).not.toContain('hooks');
    expect(read(file)).not.toBeNull();
    const removed = await buddy(['uninstall', 'copilot'], project);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Removed Buddy's hooks from GitHub Copilot CLI: ${file} was made by the install and nothing else was put in it, so it is gone again.`);
    expect(removed.stdout).toContain(`To add them again: cd ${project} && buddy install copilot --hooks`);
    expect(read(file)).toBeNull();
    expect(read(theirs)).toBe('{"version": 1, "hooks": {"postToolUse": [{"type": "command", "bash": "npm run lint"}]}}');
  });
});

describe('buddy doctor on hooks that need attention', () => {
  it('a recorded install whose hooks were taken out, an event without Buddy\'s hook, a Buddy that is gone', async () => {
    const file = path.join(sandbox.dir, '.cursor', 'hooks.json');
    await buddy(['install', 'cursor', '--hooks', '--force']);
    put(file, '{"version": 1}');
    let doctor = await buddy(['doctor']);
    expect(doctor.stdout).toContain(`! Cursor hooks (user): Buddy's hooks were installed in ${file}, but are not there now\n    → \`buddy install cursor --hooks\` adds them again\n`);
    put(file, `{"version": 1, "hooks": {"stop": [{"command": "/gone/node /gone/dist/buddy.js hook agent --host cursor --event stop"}]}}`);
    doctor = await buddy(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`! Cursor hooks (user): afterShellExecution has no hook of Buddy's\n    → \`buddy install cursor --hooks\` adds it\n`);
    expect(doctor.stdout).toContain("✗ Cursor hooks (user): Buddy's hooks run /gone/node, which no longer exists");
    expect(doctor.stdout).toContain("✗ Cursor hooks (user): Buddy's hooks run /gone/dist/buddy.js, which no longer exists");
  });
});

describe('buddy doctor and buddy uninstall on hook files they cannot use, or that Buddy has no record of', () => {
  it('names hooks found by their form, and a recorded file it cannot read; uninstall refuses that one in one line', async () => {
    const codex = path.join(sandbox.dir, '.codex', 'hooks.json');
    put(codex, `{"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "${hook('codex', 'stop')}"}]}]}}`);
    const cursor = path.join(sandbox.dir, '.cursor', 'hooks.json');
    await buddy(['install', 'cursor', '--hooks', '--force']);
    fs.writeFileSync(cursor, '{"version": 1,}');
    const doctor = await buddy(['doctor']);
    expect(doctor.stdout).toContain(`✓ Codex hooks (user): Stop run buddy hook agent (${codex})`);
    expect(doctor.stdout).toContain("· Codex hooks (user): Buddy's hooks are there but their install record is not; uninstall still finds them by their form");
    expect(doctor.stdout).toContain(`! Cursor hooks (user): ${cursor} is not valid JSON; fix it (or move it aside) and run this again. Nothing was changed.`);

    const refused = await buddy(['uninstall', 'cursor']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`buddy: uninstall: ${cursor} is not valid JSON; fix it (or move it aside) and run this again. Nothing was changed.\n`);
    expect(read(cursor)).toBe('{"version": 1,}');

    const removed = await buddy(['uninstall', 'codex']);
    expect(removed.stdout).toContain(`Removed Buddy's hooks from ${codex}; everything else, your own hooks and changes since install included, stays.`);
    // With the hooks taken out, an MCP server that was never there is not worth a line.
    expect(removed.stdout).not.toContain('MCP server');
    expect(read(codex)).toBe('{}');
  });
});

describe('hook install records Buddy cannot read', () => {
  it('doctor says so in one line, and install refuses in one line, changing nothing', async () => {
    fs.mkdirSync(path.join(sandbox.env.BUDDY_CONFIG_DIR!, 'hook-installs.json'), { recursive: true });
    const doctor = await buddy(['doctor']);
    expect(doctor.stdout).toMatch(/\n! Hook install records: .*hook-installs\.json.*\n/);
    const installed = await buddy(['install', 'cursor', '--hooks', '--force']);
    expect(installed.code).toBe(1);
    expect(installed.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(installed.stderr).toMatch(/^buddy: install: .*hook-installs\.json/);
    expect(read(path.join(sandbox.dir, '.cursor', 'mcp.json'))).toBeNull();
    expect(read(path.join(sandbox.dir, '.cursor', 'hooks.json'))).toBeNull();
  });
});

describe('buddy uninstall --all', () => {
  it('lists and takes out each host\'s hooks before its MCP server', async () => {
    const gemini = path.join(sandbox.dir, '.gemini', 'settings.json');
    put(gemini, '{\n  "theme": "GitHub"\n}\n');
    await buddy(['install', 'gemini', '--hooks', '--force']);
    const result = await buddy(['uninstall', '--all', '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`  Gemini CLI hooks (user)       ${gemini}\n  Gemini CLI MCP server (user)  ${gemini}\n`);
    expect(result.stdout).toContain(`Removed Buddy's hooks from Gemini CLI: ${gemini} is as before they were added`);
    expect(result.stdout).toContain(`Removed Buddy's MCP server from Gemini CLI: ${gemini} is byte for byte as before install`);
    expect(read(gemini)).toBe('{\n  "theme": "GitHub"\n}\n');
  });

  it('--purge takes the hook records and backups with Buddy\'s config folder', async () => {
    await buddy(['install', 'cursor', '--hooks', '--force']);
    await buddy(['install', 'cursor', '--hooks', '--force']);
    const config = sandbox.env.BUDDY_CONFIG_DIR!;
    expect(fs.readdirSync(config)).toEqual(expect.arrayContaining(['hook-installs.json', 'mcp-installs.json']));
    const purged = await buddy(['uninstall', '--all', '--yes', '--purge']);
    expect(purged.code, purged.stderr).toBe(0);
    expect(purged.stdout).toContain(`${config} removed`);
    expect(fs.existsSync(config)).toBe(false);
  });
});
