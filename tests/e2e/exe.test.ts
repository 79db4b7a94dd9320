// The standalone executable (npm run build:exe), run as people without Node run it: the same answers as the
// npm package's `node dist/buddy.js` for a roll, a statusline (the Node command and the light script
// installed from it), the MCP server and the pet's first frame in a real terminal; installs that name
// the executable itself and a light script in a place that stays; PNG cards said to need the npm package.
// The executable is built (or reused when dist/ has not changed) before the tests; it is built for this
// machine's platform, and the suite runs where the project builds it: linux-x64.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy, runProcess } from '../helpers/cli.js';
import { RawMcp } from '../helpers/mcp-raw.js';
import { petScreens, screenText, seedGrowth } from '../helpers/pet-screens.js';
import { TerminalSession } from '../helpers/terminal.js';

const BUILT_HERE = process.platform === 'linux' && process.arch === 'x64';
const ROOT = path.resolve(import.meta.dirname, '../..');
const EXE = path.join(ROOT, 'dist-exe', 'buddy-linux-x64');
const LIGHT_SCRIPT_SOURCE = fs.readFileSync(path.join(ROOT, 'src/statusline/fast.sh'), 'utf8');
const USER_ID = 'exe-1';
const PAYLOAD = JSON.stringify({ session_id: 'exe-session', model: { display_name: 'Sonnet 4.5' } });
const SIZE = { columns: 100, rows: 30 };

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
let session: TerminalSession | undefined;

const runExe = (args: readonly string[], input?: string) => runProcess(EXE, args, { env, ...(input === undefined ? {} : { input }) });
const settingsFile = (): string => path.join(env.CLAUDE_CONFIG_DIR as string, 'settings.json');
const statusLineCommand = (): string => (JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as { statusLine: { command: string } }).statusLine.command;

describe.skipIf(!BUILT_HERE)('the standalone executable (built and tested on linux-x64; skipped on other platforms)', () => {
  beforeAll(async () => {
    // dist/ is fresh (the global setup built it); this reuses an executable built from the same dist/.
    await promisify(execFile)(process.execPath, ['scripts/build-exe.mjs'], { cwd: ROOT });
    sandbox = makeSandbox();
    env = { ...sandbox.env, BUDDY_USER_ID: USER_ID };
    const hatched = await runBuddy(['hatch'], { env });
    expect(hatched.code, hatched.stderr).toBe(0);
  }, 300_000);

  afterAll(() => sandbox?.cleanup());

  afterEach(() => {
    session?.kill();
    session = undefined;
  });

  it('rolls the same buddy as the npm package', async () => {
    const fromExe = await runExe(['roll', '--json']);
    expect(fromExe.code, fromExe.stderr).toBe(0);
    expect(JSON.parse(fromExe.stdout)).toMatchObject({ species: 'Mossfrog', rarity: 'common' });
    const fromNode = await runBuddy(['roll', '--json'], { env });
    expect(fromExe.stdout).toBe(fromNode.stdout);
  });

  it('unpacks its build once, into a private folder of the cache', async () => {
    const root = path.join(env.BUDDY_CACHE_DIR as string, 'exe');
    const [build] = fs.readdirSync(root);
    expect(build).toMatch(/^[0-9a-f]{16}$/);
    const dir = path.join(root, build!);
    expect(fs.lstatSync(dir).mode & 0o777).toBe(0o700);
    const entry = fs.lstatSync(path.join(dir, 'buddy.js'));
    expect(entry.isFile()).toBe(true);
    expect(entry.mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, 'statusline.sh'), 'utf8')).toBe(LIGHT_SCRIPT_SOURCE);
    expect((await runExe(['--version'])).code).toBe(0);
    // The same file: not written again.
    expect(fs.lstatSync(path.join(dir, 'buddy.js')).ino).toBe(entry.ino);
    expect(fs.readdirSync(root)).toEqual([build]);
  });

  it('says it is the standalone executable, a place host setups may point at', async () => {
    const verbose = await runExe(['--version', '--verbose']);
    expect(verbose.code, verbose.stderr).toBe(0);
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const folder = path.dirname(EXE);
    // A checkout in a temporary folder (a CI clone often is) holds an executable that install refuses.
    const inTemporaryFolder = [os.tmpdir(), '/tmp', '/var/tmp'].some((dir) => folder.startsWith(`${dir}/`));
    expect(verbose.stdout.split('\n').slice(0, 3)).toEqual([
      version,
      `runs from  ${EXE}`,
      inTemporaryFolder
        ? `location   a temporary folder (${folder}), which the system empties: buddy install refuses to point host setups here (move the executable to a folder that stays, such as ~/.local/bin)`
        : `location   the standalone executable (${folder}): host setups pointing here keep working`,
    ]);
  });

  it('prints the same statusline as the npm package, named once or as the bundle too', async () => {
    const args = ['statusline', '--format', 'plain', '--width', '120'];
    // The face blinks with the clock's second: eyes open (◉) or closed (-).
    const LINE = /^\([◉-]\)~\([◉-]\) Bramblin\n$/;
    const fromNode = await runBuddy(args, { env, input: PAYLOAD });
    expect(fromNode.code).toBe(0);
    expect(fromNode.stdout).toMatch(LINE);
    for (const argv of [args, [EXE, ...args]]) {
      const fromExe = await runExe(argv, PAYLOAD);
      expect(fromExe.code, fromExe.stderr).toBe(0);
      expect(fromExe.stdout).toMatch(LINE);
    }
  });

  it('installs its own path and a light script in Buddy’s config folder, which serves frames without starting it', async () => {
    fs.mkdirSync(env.CLAUDE_CONFIG_DIR as string, { recursive: true });
    const before = '{\n  "theme": "dark"\n}\n';
    fs.writeFileSync(settingsFile(), before);
    // --force: the checkout may sit in a temporary folder (a CI clone often does), which install rightly
    // refuses; where the executable may be installed from is tested in tests/installers/location.test.ts.
    const installed = await runExe(['install', 'claude-code', '--force']);
    expect(installed.code, installed.stderr).toBe(0);
    const light = path.join(env.BUDDY_CONFIG_DIR as string, 'statusline.sh');
    expect(statusLineCommand()).toBe(`/bin/sh ${light} ${EXE} ${EXE} statusline`);
    expect(fs.readFileSync(light, 'utf8')).toBe(LIGHT_SCRIPT_SOURCE);

    // As Claude Code runs it: the first refresh starts the executable, which prepares the next frames.
    const first = await runProcess('/bin/sh', ['-c', statusLineCommand()], { env, input: PAYLOAD });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Bramblin/);
    // Then the light script prints them itself: with a Node that cannot run, the frame still comes.
    const served = await runProcess('/bin/sh', [light, path.join(sandbox.dir, 'no-such-node'), EXE, 'statusline'], { env, input: PAYLOAD });
    expect(served.code).toBe(0);
    expect(served.stdout).toMatch(/Bramblin/);
    expect(served.stdout).not.toContain('(·_·) buddy');

    const removed = await runExe(['uninstall', 'claude-code']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(fs.readFileSync(settingsFile(), 'utf8')).toBe(before);
  });

  it('registers its own path as the MCP server, and answers initialize and tools/list', async () => {
    const registered = await runExe(['install', 'gemini', '--force']);
    expect(registered.code, registered.stderr).toBe(0);
    const gemini = JSON.parse(fs.readFileSync(path.join(sandbox.dir, '.gemini', 'settings.json'), 'utf8')) as { mcpServers: Record<string, unknown> };
    expect(gemini.mcpServers.buddy).toEqual({ command: EXE, args: [EXE, 'mcp'] });

    const raw = new RawMcp(env, [EXE, EXE]);
    try {
      await raw.initialize();
      const tools = (await raw.request(2, 'tools/list')) as { result: { tools: { name: string }[] } };
      expect(tools.result.tools.map((tool) => tool.name)).toEqual(['buddy_card', 'buddy_talk', 'buddy_pet', 'buddy_feed', 'buddy_react']);
      await raw.stillAnswers();
    } finally {
      await raw.close();
    }
    expect((await runExe(['uninstall', 'gemini'])).code).toBe(0);
  });

  it('draws the pet’s first frame in a real terminal', async () => {
    const buddy = seedGrowth(env, { xp: 300 });
    session = new TerminalSession({ program: EXE, env, ...SIZE });
    const idle = petScreens(buddy, SIZE);
    const screen = await session.waitFor((shown) => idle.has(screenText(shown)), 'the idle pet', 20_000);
    expect(screenText(screen)).toContain(buddy.name);
  });

  it('says in one line that it cannot start where its build cannot be unpacked; a statusline still gets its line', async () => {
    const blocked = path.join(sandbox.dir, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    const blockedEnv = { ...env, BUDDY_CACHE_DIR: blocked };
    const roll = await runProcess(EXE, ['roll'], { env: blockedEnv });
    expect(roll.code).toBe(1);
    expect(roll.stdout).toBe('');
    expect(roll.stderr).toMatch(/^buddy: cannot start: [^\n]*not-a-folder[^\n]*\n$/);
    const statusline = await runProcess(EXE, [EXE, 'statusline'], { env: blockedEnv, input: PAYLOAD });
    expect(statusline).toEqual({ code: 0, stdout: '(·_·) buddy\n', stderr: '' });
  });

  it('says plainly that PNG cards need the npm package, and writes nothing', async () => {
    const png = path.join(sandbox.dir, 'card.png');
    const refused = await runExe(['card', '--png', png]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('buddy: card: --png needs the npm package (npm install -g buddy-terminal-pet); the standalone executable cannot load it; --svg works here\n');
    expect(fs.existsSync(png)).toBe(false);
  });
});
