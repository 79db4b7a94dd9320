// Buddy in the real Claude Code, as a person meets it: Claude Code from the npm registry runs in a
// pseudo-terminal against the local fake Messages API, with Buddy installed by `buddy install claude-code`
// from the built bin, and the test reads its screen. It checks that Buddy's statusline shows under the
// prompt box, that calling the buddy by name gets its answer there (the prompt hook starts the reply job,
// whose model call goes to the same fake as Claude Code's), that after Claude Code runs a failing test
// command the buddy remarks on the test that failed, that the full layout draws there too, and that the
// MCP server registered as install says connects. Skipped only when Claude Code cannot be installed.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPECIES_LINES } from '../../src/species/lines.js';
import type { ConfigData } from '../../src/store/schema.js';
import {
  claudeCodeEnv,
  FAILING_COMMAND,
  hostRoute,
  installClaudeCode,
  isAgentTurn,
  isBuddyRequest,
  killTree,
  promptBoxEmpty,
  screenText,
  statuslineRows,
  toolResultsIn,
  trustedProject,
} from '../helpers/claude-code-real.js';
import { hatchedSandboxes, runBuddy, runProcess, type Sandbox } from '../helpers/cli.js';
import { startFakeMessagesApi, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { TerminalSession, type Screen } from '../helpers/terminal.js';

const claude = installClaudeCode();
if (claude.bin === undefined) console.warn(`skipping the real Claude Code test: ${claude.reason}`);

const COLUMNS = 120;
const ROWS = 40;
/** Bounds that only catch a hang: Claude Code starts, calls the model and runs hooks beside other tests. */
const STARTUP_MS = 45_000;
const STEP_MS = 40_000;
/**
 * A remark on what the session saw comes at the first refresh after the transcript changed (every second)
 * and shows for ten seconds: one not seen by then will not come.
 */
const REMARK_MS = 30_000;

const BUDDY_ANSWER = 'Warm as a teapot, thanks for asking.';
const AGENT_ANSWER = 'Noted.';
const AFTER_RUN_ANSWER = 'One test fails; see above.';
const RUN_TESTS_PROMPT = `Please run the tests with ${FAILING_COMMAND}`;

describe.skipIf(claude.bin === undefined)(`the real Claude Code${claude.bin ? ` ${claude.version}` : ''} with Buddy installed`, () => {
  const hatched = hatchedSandboxes('buddy-93');
  let sandbox: Sandbox | undefined;
  let fake: FakeMessagesApi | undefined;
  let session: TerminalSession | undefined;
  let name = '';
  /** The environment Buddy's own commands run in, beside the session. */
  let buddyEnv: NodeJS.ProcessEnv = {};
  /** What the buddy may say to greet a new session. */
  let greetings: readonly string[] = [];

  const term = (): TerminalSession => {
    if (session === undefined) throw new Error('Claude Code starts in beforeAll');
    return session;
  };

  /** A short account of the model calls so far, for a failure message. */
  const calls = (): string =>
    (fake?.requests ?? [])
      .map((request) => `${request.method} ${request.path} ${isBuddyRequest(request) ? 'buddy' : isAgentTurn(request) ? 'agent turn' : 'other'}`)
      .join('\n');

  /** Waits for a screen; on failure says too what the model was asked and every statusline shown meanwhile. */
  async function screenShowing(test: (screen: Screen) => boolean, what: string, timeoutMs = STEP_MS): Promise<Screen> {
    const from = term().screens.length;
    try {
      return await term().waitFor(test, what, timeoutMs);
    } catch (error) {
      const shown = [...new Set(term().screensSince(from).map((screen) => statuslineRows(screen).join(' / ')))];
      throw new Error(`${(error as Error).message}\n--- model calls:\n${calls()}\n--- statuslines shown meanwhile:\n${shown.join('\n')}`);
    }
  }

  const statuslineShows = (text: string) => (screen: Screen) => statuslineRows(screen).some((row) => row.includes(text));

  /** Waits for an empty prompt box (keys typed before it is drawn are echoed anywhere), types, and submits. */
  async function submit(prompt: string): Promise<void> {
    await screenShowing(promptBoxEmpty, 'an empty prompt box', STARTUP_MS);
    term().type(prompt);
    await screenShowing((screen) => screenText(screen).some((line) => line.includes(`❯ ${prompt}`)), `the prompt box holding ${JSON.stringify(prompt)}`);
    term().type('\r');
  }

  beforeAll(async () => {
    sandbox = hatched();
    const env: NodeJS.ProcessEnv = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' };
    buddyEnv = env;
    const buddy = (JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData).buddy!;
    ({ name } = buddy);
    greetings = SPECIES_LINES[buddy.bones.species].greeting;
    const project = trustedProject(sandbox.dir, env.CLAUDE_CONFIG_DIR as string);
    // The suite's dist/ is a clone's, which install refuses to point a host at without --force.
    const install = await runBuddy(['install', 'claude-code', '--force'], { env, cwd: project });
    expect(install.code, install.stderr).toBe(0);
    fake = await startFakeMessagesApi({ route: hostRoute({ buddyAnswer: BUDDY_ANSWER, runTestsPrompt: RUN_TESTS_PROMPT, afterRunAnswer: AFTER_RUN_ANSWER, agentAnswer: AGENT_ANSWER }) });
    session = new TerminalSession({ program: claude.bin, env: claudeCodeEnv(env, fake.url, sandbox.dir), cwd: project, columns: COLUMNS, rows: ROWS, frames: 'writes' });
  });

  afterAll(async () => {
    if (session) {
      killTree(session.pid);
      session.kill();
    }
    await fake?.close();
    sandbox?.cleanup();
  });

  it("shows the buddy's statusline under the prompt box, greeting the session", async () => {
    // The face, a mark of its mood or of what it just saw, then its name, then what it says.
    const screen = await screenShowing(
      (shown) => statuslineRows(shown).some((row) => new RegExp(`^\\S+(?: \\S)? ${name}  `).test(row.trim()) && greetings.some((line) => row.includes(`${name}  ${line}`))),
      `${name}'s statusline with the SessionStart hook's greeting`,
      STARTUP_MS,
    );
    expect(screenText(screen).join('\n')).toContain('Claude Code');
  }, STARTUP_MS + 5_000);

  it('answers in the statusline when called by name, through the model', async () => {
    await submit(`${name}, how are you?`);
    await screenShowing(statuslineShows(BUDDY_ANSWER), `${name}'s answer in the statusline`);
    const asked = fake!.requests.filter(isBuddyRequest);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.raw).toContain('how are you?');
    // Claude Code's own model was told, by both hooks, that the buddy is not it and answers for itself.
    const turn = fake!.requests.filter(isAgentTurn).find((request) => request.raw.includes('how are you?'));
    expect(turn?.raw).toContain(`you are not ${name}`);
    expect(turn?.raw).toContain(`Do not answer for ${name}`);
    // The answer stays its while (a bubble's ten seconds), then leaves the line to what comes next.
    await screenShowing((screen) => !statuslineShows(BUDDY_ANSWER)(screen) && statuslineRows(screen).some((row) => row.includes(name)), 'the answer gone from the statusline');
  }, 2 * STEP_MS + 10_000);

  it('remarks on the failing test after Claude Code runs the tests', async () => {
    const before = term().screens.length;
    await submit(RUN_TESTS_PROMPT);
    // Claude Code ran the command without asking, and its model saw the failure.
    await screenShowing((screen) => screenText(screen).some((line) => line.includes(AFTER_RUN_ANSWER)) && screenText(screen).some((line) => line.includes('AssertionError')), 'the failing run and the final answer');
    expect(fake!.requests.map(toolResultsIn).join('\n')).toContain('AssertionError: expected 3 to be 4');
    // The remark may come as soon as the run's result is in the transcript, before the final answer.
    const remark = statuslineShows('adds numbers');
    if (!term().screensSince(before).some(remark)) await screenShowing(remark, 'a remark naming the failing test in the statusline', REMARK_MS);
  }, 2 * STEP_MS + REMARK_MS);

  it('draws the full layout, sprite and all, once the person switches to it', async () => {
    const switched = await runBuddy(['config', 'statuslineLayout', 'full'], { env: buddyEnv });
    expect(switched.code, switched.stderr).toBe(0);
    // The name beside the sprite with the rarity's stars (buddy-93 is legendary), the sprite's rows below.
    await screenShowing((screen) => statuslineRows(screen).some((row) => row.includes(`${name} ★★★★★`)) && statuslineRows(screen).length >= 5, `${name}'s full statusline`);
  }, STEP_MS + 5_000);

  it('registers its MCP server with the command install prints, and Claude Code connects to it', async () => {
    // A home of its own: the session above keeps rewriting its .claude.json while it runs.
    const own = hatched();
    try {
      const bin = path.join(own.dir, 'bin');
      fs.mkdirSync(bin);
      fs.symlinkSync(claude.bin!, path.join(bin, 'claude'));
      const env: NodeJS.ProcessEnv = { ...claudeCodeEnv(own.env, fake!.url, own.dir), BUDDY_USER_ID: 'buddy-93', PATH: `${bin}${path.delimiter}${own.env.PATH ?? ''}` };
      fs.mkdirSync(env.CLAUDE_CONFIG_DIR as string, { recursive: true });
      const install = await runBuddy(['install', 'claude-code', '--mcp', '--force'], { env, cwd: own.dir });
      expect(install.code, install.stderr).toBe(0);
      // Buddy never writes Claude Code's user state: it prints the command that registers it there.
      const add = /^\s*(claude mcp add .*)$/m.exec(install.stdout)?.[1];
      expect(add, install.stdout).toBeDefined();
      const added = await runProcess('/bin/sh', ['-c', add!], { env, cwd: own.dir, timeoutMs: STEP_MS });
      expect(added.code, added.stderr).toBe(0);
      const listed = await runProcess('claude', ['mcp', 'list'], { env, cwd: own.dir, timeoutMs: STEP_MS });
      expect(listed.stdout).toMatch(/^buddy: .* - \S+ Connected$/m);
    } finally {
      own.cleanup();
    }
  }, 2 * STEP_MS + 5_000);
});
