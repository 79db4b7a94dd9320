// The yes/no questions of `buddy uninstall --all [--purge]` and `buddy import` on a real pseudo-terminal:
// the plan and the question are on the screen while nothing has changed yet; `n` (and Ctrl-D) changes
// nothing, `y` does what the plan said, and Ctrl-C stops the command with one line on a row of its own.
// Every test waits for the question itself, so a command that did not ask would fail it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readConfigSnapshot } from '../../src/store/config-snapshot.js';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { drawnRows, TerminalSession, type Screen } from '../helpers/terminal.js';

const USER_ID = 'pty-questions-1';
const SIZE = { columns: 200, rows: 40 };
const ASK = '[y/N] ';
const TAKE_OUT = 'Take Buddy out of these 2 places? [y/N] ';
const DELETE = "Delete Buddy's own files (your buddies and their journal with them; this cannot be undone (buddy export FILE, or --export FILE, keeps a copy first))? [y/N] ";
const CODEX_OWN = '# mine\nmodel = "o3" # the careful one\n';

interface Home {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  /** The folder the commands run in (its project scope holds nothing of Buddy's). */
  readonly project: string;
  readonly claudeSettings: string;
  readonly codexConfig: string;
}

let hatched: ReturnType<typeof makeSandbox>;
const cleanups: Array<() => void> = [];

// Hatched once; each test copies the config folder into a home of its own.
beforeAll(async () => {
  hatched = makeSandbox();
  const result = await runBuddy(['hatch'], { env: { ...hatched.env, BUDDY_USER_ID: USER_ID } });
  expect(result.code, result.stderr).toBe(0);
});
afterAll(() => hatched.cleanup());
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function home(): Home {
  const sandbox = makeSandbox();
  cleanups.push(sandbox.cleanup);
  fs.cpSync(hatched.env.BUDDY_CONFIG_DIR!, sandbox.env.BUDDY_CONFIG_DIR!, { recursive: true });
  const project = path.join(sandbox.dir, 'acme');
  fs.mkdirSync(project);
  const codexConfig = path.join(sandbox.dir, '.codex', 'config.toml');
  fs.mkdirSync(path.dirname(codexConfig));
  fs.writeFileSync(codexConfig, CODEX_OWN);
  return { dir: sandbox.dir, env: { ...sandbox.env, BUDDY_USER_ID: USER_ID }, project, claudeSettings: path.join(sandbox.env.CLAUDE_CONFIG_DIR!, 'settings.json'), codexConfig };
}

async function buddy(at: Home, args: readonly string[]): Promise<void> {
  const result = await runBuddy(args, { env: at.env, cwd: at.project });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
}

/** Buddy in Claude Code (a settings file the install makes) and Codex (a file of the person's own). */
async function installed(at: Home): Promise<void> {
  await buddy(at, ['install', 'claude-code', '--force']);
  await buddy(at, ['install', 'codex', '--force']);
}

/** The host files: their bytes, or null when there is none. */
function hostFiles(at: Home): Record<string, Buffer | null> {
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : null);
  return { claude: read(at.claudeSettings), codex: read(at.codexConfig) };
}

/** Every file and folder under `dir` (the whole home: host files, Buddy's config and cache), by its bytes. */
function tree(dir: string): Record<string, Buffer | 'folder'> {
  const found: Record<string, Buffer | 'folder'> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    found[path.relative(dir, file)] = entry.isDirectory() ? 'folder' : fs.readFileSync(file);
  }
  return found;
}

function open(at: Home, args: readonly string[]): TerminalSession {
  const term = new TerminalSession({ args, env: at.env, cwd: at.project, ...SIZE });
  cleanups.push(() => term.kill());
  return term;
}

/** The question is the last thing on the screen, with the cursor after it, waiting for an answer. */
function expectAsking(screen: Screen, question: string): void {
  const rows = drawnRows(screen);
  expect(rows.at(-1)).toBe(question);
  expect(screen.cursor).toEqual({ x: question.length, y: rows.length - 1 });
}

/** After the command ended: its last rows, and the cursor at the start of the row after them. */
function expectEnding(term: TerminalSession, last: readonly string[]): void {
  const screen = term.snapshot();
  const rows = drawnRows(screen);
  expect(rows.slice(-last.length)).toEqual(last);
  expect(screen.cursor).toEqual({ x: 0, y: rows.length });
  expect(term.cursorShown()).toBe(true);
}

const buddyName = (at: Home): string => {
  const stored = readConfigSnapshot(at.env).buddy;
  if (!stored) return expect.fail('no buddy was hatched');
  return `${stored.name} the ${stored.bones.species}`;
};

describe('buddy uninstall --all asks on the terminal', () => {
  it('shows the plan and the question; n changes nothing and says so, exit 1', async () => {
    const at = home();
    await installed(at);
    const before = tree(at.dir);
    const term = open(at, ['uninstall', '--all']);
    const asking = await term.waitForOutput(ASK);
    expect(drawnRows(asking)).toEqual([
      'Buddy will be taken out of 2 places, each as its own uninstall does:',
      `  Claude Code statusline and hooks (user)  ${at.claudeSettings}`,
      `  Codex MCP server (user)                  ${at.codexConfig}`,
      TAKE_OUT,
    ]);
    expectAsking(asking, TAKE_OUT);
    expect(tree(at.dir)).toEqual(before);
    term.type('n\r');
    expect(await term.exited).toBe(1);
    expectEnding(term, [`${TAKE_OUT}n`, 'buddy: uninstall --all: not confirmed (answer y, or pass --yes). Nothing was changed.']);
    expect(tree(at.dir)).toEqual(before);
  });

  it('y takes Buddy out: every host file byte for byte as before install, exit 0', async () => {
    const at = home();
    const beforeInstall = hostFiles(at);
    expect(beforeInstall).toEqual({ claude: null, codex: Buffer.from(CODEX_OWN) });
    await installed(at);
    const installedFiles = hostFiles(at);
    expect(installedFiles.claude).not.toBeNull();
    expect(installedFiles.codex).not.toEqual(beforeInstall.codex);
    const term = open(at, ['uninstall', '--all']);
    expectAsking(await term.waitForOutput(ASK), TAKE_OUT);
    expect(hostFiles(at)).toEqual(installedFiles);
    term.type('y\r');
    expect(await term.exited).toBe(0);
    expect(term.output).toContain(`Removed Buddy's MCP server from Codex: ${at.codexConfig} is byte for byte as before install, apart from any changes made to it since.`);
    expect(hostFiles(at)).toEqual(beforeInstall);
    // Buddy's own files stay without --purge.
    expect(readConfigSnapshot(at.env).buddy).toBeDefined();
  });
});

describe('buddy uninstall --all --purge asks twice', () => {
  async function purgeSession(at: Home): Promise<{ term: TerminalSession; mine: Record<string, Buffer | 'folder'> }> {
    await installed(at);
    fs.mkdirSync(at.env.BUDDY_CACHE_DIR!, { recursive: true });
    fs.writeFileSync(path.join(at.env.BUDDY_CACHE_DIR!, 'debug.log'), 'a line\n');
    const beforeInstall = { claude: null, codex: Buffer.from(CODEX_OWN) };
    const before = tree(at.dir);
    const term = open(at, ['uninstall', '--all', '--purge']);
    const first = await term.waitForOutput(ASK);
    const rows = drawnRows(first);
    expect(rows).toContain("Then, after a second question, Buddy's own files are deleted:");
    expect(rows).toContain(`  cache               ${at.env.BUDDY_CACHE_DIR!}`);
    expect(rows).toContain(`  config and journal  ${at.env.BUDDY_CONFIG_DIR!}  (${buddyName(at)}, the journal, install records and backups)`);
    expectAsking(first, TAKE_OUT);
    expect(tree(at.dir)).toEqual(before);
    term.type('y\r');
    expectAsking(await term.waitForOutput(ASK), DELETE);
    // Between the questions: Buddy is out of the hosts, and its own folders are all still there.
    expect(hostFiles(at)).toEqual(beforeInstall);
    const mine = { ...tree(at.env.BUDDY_CONFIG_DIR!), ...Object.fromEntries(Object.entries(tree(at.env.BUDDY_CACHE_DIR!)).map(([file, bytes]) => [`cache/${file}`, bytes])) };
    expect(mine['config.json']).toBeInstanceOf(Buffer);
    expect(mine['cache/debug.log']).toEqual(Buffer.from('a line\n'));
    return { term, mine };
  }

  it('y then n: the hosts are cleared and the config and cache are kept byte for byte, exit 1', async () => {
    const at = home();
    const { term, mine } = await purgeSession(at);
    term.type('n\r');
    expect(await term.exited).toBe(1);
    expectEnding(term, [`${DELETE}n`, "buddy: uninstall --all: not confirmed (answer y, or pass --yes). Buddy's own files were kept."]);
    const after = { ...tree(at.env.BUDDY_CONFIG_DIR!), ...Object.fromEntries(Object.entries(tree(at.env.BUDDY_CACHE_DIR!)).map(([file, bytes]) => [`cache/${file}`, bytes])) };
    expect(after).toEqual(mine);
  });

  it('y and y: the config and cache folders are gone, exit 0', async () => {
    const at = home();
    const { term } = await purgeSession(at);
    term.type('y\r');
    expect(await term.exited).toBe(0);
    expect(term.output).toContain(`  config and journal  ${at.env.BUDDY_CONFIG_DIR!} removed`);
    expect(fs.existsSync(at.env.BUDDY_CONFIG_DIR!)).toBe(false);
    expect(fs.existsSync(at.env.BUDDY_CACHE_DIR!)).toBe(false);
    expect(hostFiles(at)).toEqual({ claude: null, codex: Buffer.from(CODEX_OWN) });
  });
});

describe('buddy import over a buddy asks on the terminal', () => {
  /** An export of the hatched buddy, then that buddy renamed Pickle: the import would bring the old name back. */
  async function renamedSinceExport(at: Home): Promise<{ archive: string; name: string }> {
    const archive = path.join(at.dir, 'keep.json');
    await buddy(at, ['export', archive]);
    const name = buddyName(at);
    await buddy(at, ['rename', 'Pickle']);
    return { archive, name };
  }

  it('says what changes; n leaves config.json byte for byte, exit 1', async () => {
    const at = home();
    const { archive } = await renamedSinceExport(at);
    const config = path.join(at.env.BUDDY_CONFIG_DIR!, 'config.json');
    const before = fs.readFileSync(config);
    const everything = tree(at.dir);
    const term = open(at, ['import', archive]);
    const asking = await term.waitForOutput(ASK);
    const species = buddyName(at).replace(/^Pickle the /, '');
    expect(drawnRows(asking)).toContain(`  Pickle the ${species} here is replaced by the export's (soul, memory and growth as exported)`);
    expectAsking(asking, 'Import it? [y/N] ');
    term.type('n\r');
    expect(await term.exited).toBe(1);
    expectEnding(term, ['Import it? [y/N] n', 'buddy: import: not confirmed (answer y, or pass --yes). Nothing was changed.']);
    expect(fs.readFileSync(config)).toEqual(before);
    expect(tree(at.dir)).toEqual(everything);
  });

  it('y imports: the exported buddy is back under its name, exit 0', async () => {
    const at = home();
    const { archive, name } = await renamedSinceExport(at);
    expect(buddyName(at)).toMatch(/^Pickle the /);
    const term = open(at, ['import', archive]);
    expectAsking(await term.waitForOutput(ASK), 'Import it? [y/N] ');
    expect(buddyName(at)).toMatch(/^Pickle the /);
    term.type('y\r');
    expect(await term.exited).toBe(0);
    expect(term.output).toContain(`${name} is back, from ${archive}.`);
    expect(buddyName(at)).toBe(name);
  });
});

describe('Ctrl-C at a question', () => {
  it.each([
    ['uninstall --all', ['uninstall', '--all'], TAKE_OUT, 'buddy: uninstall --all: interrupted at the question (Ctrl-C). Nothing was changed.'],
    ['import', ['import', 'keep.json'], 'Import it? [y/N] ', 'buddy: interrupted at the question (Ctrl-C); nothing was changed'],
  ])('%s: nothing changes, one line on a row of its own, the cursor shown, exit 130', async (command, args, question, said) => {
    const at = home();
    if (command === 'import') await buddy(at, ['export', path.join(at.project, 'keep.json')]);
    else await installed(at);
    const before = tree(at.dir);
    const term = open(at, args);
    expectAsking(await term.waitForOutput(ASK), question);
    term.type('\u0003');
    expect(await term.exited).toBe(130);
    expectEnding(term, [question, said]);
    expect(term.output.match(/buddy: /g)).toHaveLength(1);
    expect(tree(at.dir)).toEqual(before);
  });

  it('at the second --purge question: the hosts are cleared, Buddy’s own files kept, exit 130', async () => {
    const at = home();
    await installed(at);
    const term = open(at, ['uninstall', '--all', '--purge']);
    expectAsking(await term.waitForOutput(ASK), TAKE_OUT);
    term.type('y\r');
    expectAsking(await term.waitForOutput(ASK), DELETE);
    const mine = tree(at.env.BUDDY_CONFIG_DIR!);
    term.type('\u0003');
    expect(await term.exited).toBe(130);
    expectEnding(term, [DELETE, "buddy: uninstall --all: interrupted at the question (Ctrl-C). Buddy's own files were kept."]);
    expect(tree(at.env.BUDDY_CONFIG_DIR!)).toEqual(mine);
    expect(hostFiles(at)).toEqual({ claude: null, codex: Buffer.from(CODEX_OWN) });
  });

  it('Ctrl-D (no answer) is no: nothing changes, exit 1', async () => {
    const at = home();
    await installed(at);
    const before = tree(at.dir);
    const term = open(at, ['uninstall', '--all']);
    expectAsking(await term.waitForOutput(ASK), TAKE_OUT);
    term.type('\u0004');
    expect(await term.exited).toBe(1);
    expectEnding(term, [TAKE_OUT, 'buddy: uninstall --all: not confirmed (answer y, or pass --yes). Nothing was changed.']);
    expect(tree(at.dir)).toEqual(before);
  });
});
