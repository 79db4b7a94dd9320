// The light statusline (the command `buddy install claude-code` writes), run as Claude Code runs it under
// each shell: it prints prepared frames without starting Node while nothing changes, and starts Node at
// the very next refresh after anything that changes the line (a transcript record, a greeting or reply,
// a mute, frames that ran out, a reaction told through MCP), per session. When it cannot work it falls back to Node, and nothing it
// starts outlives a refresh. Node is a counting shim here, so each test knows exactly when Node ran.
//
// Every case runs under dash (/bin/sh on Debian). Under bash, zsh and BusyBox ash run the cases whose path
// through the script depends on the shell: reading stdin (closed, left open, the PATH without dd or date),
// the clock and the frame it picks, the file-time tests that see a change (whole seconds under BusyBox),
// reading the head, the payload's members, a wrapped command, and a Node that is gone. The cases left to
// dash take that same path, a watched file newer than its stamp or a head that sends to Node, with another
// file (the hook state, the agent's state, the config), other sessions or other options; what Node then
// draws is the same under every shell. The commands that change what the line shows (`buddy hook
// session-start`, `buddy mute`) run in process: only the refresh is the subject here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGENT_SESSION_KEY, recordAgentReaction } from '../../src/statusline/agent-event.js';
import { sessionKey } from '../../src/statusline/payload.js';
import { FRAMES_FORMAT, framesRoot } from '../../src/statusline/frames.js';
import { PLAIN_FACE } from '../../src/statusline/render.js';
import type { ConfigData } from '../../src/store/schema.js';
import type { RunResult, Sandbox } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { processesMarked, REQUIRED_SHELLS, SHELLS, shellRunner, type StatuslineRunner, hatchedStatuslineSandboxes } from '../helpers/statusline-runners.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/claude-code/', import.meta.url));
const USER_ID = 'buddy-93';
/** The failing fixture's first test, which the buddy's remark on it names. */
const FAILING_TEST = '"creates an order"';
const fixtureText = (file: string): string => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

const hatchedSandbox = hatchedStatuslineSandboxes(USER_ID);
let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
let name: string;
let shim: string;
let runs: string;
let mark: string;

interface Session {
  readonly id: string;
  readonly transcript: string;
  readonly payload: string;
}

function openSession(id: string): Session {
  const transcript = path.join(sandbox.dir, `${id}.jsonl`);
  fs.writeFileSync(transcript, fixtureText('transcript-tests-passed.jsonl'));
  const base = JSON.parse(fixtureText('statusline-payload.json')) as Record<string, unknown>;
  return { id, transcript, payload: JSON.stringify({ ...base, session_id: id, transcript_path: transcript }) };
}

const nodeRuns = (): number => (fs.existsSync(runs) ? fs.readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);
const sessionFile = (session: Session, kind: 'status' | 'hook'): string => path.join(env.BUDDY_CACHE_DIR as string, 'sessions', `${sessionKey(session.id)}.${kind}.json`);
const agentStateFile = (): string => path.join(env.BUDDY_CACHE_DIR as string, 'sessions', `${AGENT_SESSION_KEY}.status.json`);
const headFile = (session: Session): string => path.join(framesRoot(env), sessionKey(session.id), 'head');

/** Processes still carrying this test's mark once a refresh has returned. */
const leftovers = (): string[] => processesMarked(mark);

/** One refresh through the installed command; the line, and whether Node had to run for it. */
async function refresh(runner: StatuslineRunner, session: Session, args: readonly string[] = [], alone = true): Promise<{ line: string; node: boolean; run: RunResult }> {
  const before = nodeRuns();
  const run = await runner.run(['--format', 'plain', '--width', '200', ...args], { env, input: session.payload });
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  // Nothing it started is still running (a refresh running beside it is, of course).
  if (alone) expect(leftovers()).toEqual([]);
  const lines = run.stdout.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  return { line: lines[0]!, node: nodeRuns() > before, run };
}

/** Time passes: every file behind the session's line was last written ten seconds ago. */
function age(session: Session): void {
  const then = Date.now() / 1000 - 10;
  const config = path.join(env.BUDDY_CONFIG_DIR as string, 'config.json');
  for (const file of [session.transcript, config, sessionFile(session, 'status'), sessionFile(session, 'hook'), agentStateFile()]) {
    if (fs.existsSync(file)) fs.utimesSync(file, then, then);
  }
}

/** Brings a session to where its frames are printed without Node, and proves it. */
async function settle(runner: StatuslineRunner, session: Session): Promise<void> {
  await refresh(runner, session);
  age(session);
  // Node prepares the frames. Frames it prepared while a watched file was still fresh (within its
  // second, for a whole-second shell such as BusyBox's) make the script ask it once more
  // (statusline-frames.ts), which a refresh slowed down by a busy machine can run into.
  for (let asked = 0; (await refresh(runner, session)).node; asked++) expect(asked, 'Node at every refresh').toBeLessThan(2);
  for (let round = 0; round < 3; round++) {
    const { line, node } = await refresh(runner, session);
    expect(node, `round ${round}`).toBe(false);
    expect(line).toContain(name);
  }
}

const idle = (): RegExp => new RegExp(`^\\S+ ${name}$`);

beforeEach(() => {
  ({ sandbox, env, name, mark } = hatchedSandbox());
  runs = path.join(sandbox.dir, 'node-runs');
  shim = path.join(sandbox.dir, 'bin', 'node');
  fs.mkdirSync(path.dirname(shim));
  fs.writeFileSync(shim, `#!/bin/sh\necho run >>'${runs}'\nexec '${process.execPath}' "$@"\n`, { mode: 0o755 });
});

afterEach(() => {
  sandbox.cleanup();
});

describe('the shells the light statusline is tested with', () => {
  it('include dash and bash', () => {
    expect(SHELLS.map((shell) => shell.name)).toEqual(expect.arrayContaining([...REQUIRED_SHELLS]));
  });
});

describe.each(SHELLS)('the light statusline under $name', (shell) => {
  const runner = (): StatuslineRunner => shellRunner(shell, shim);
  /** Cases that take no path of their own through the script: dash runs them (see the top of the file). */
  const full = shell.name === 'dash';

  it('prints prepared frames without Node while nothing changes, the line Node drew', async () => {
    const session = openSession('fast-idle');
    const first = await refresh(runner(), session);
    expect(first.node).toBe(true);
    expect(first.line).toMatch(idle());
    expect(fs.existsSync(headFile(session))).toBe(true);
    await settle(runner(), session);
    // What it printed is one of the frames Node prepared for this session.
    const generation = fs.readFileSync(headFile(session), 'utf8').split(' ')[1]!;
    const frames = fs
      .readdirSync(path.join(path.dirname(headFile(session)), generation))
      .filter((file) => /^f[0-9a-z]$/.test(file))
      .map((file) => fs.readFileSync(path.join(path.dirname(headFile(session)), generation, file), 'utf8'));
    const { line, node } = await refresh(runner(), session);
    expect(node).toBe(false);
    expect(frames).toContain(`${line}\n`);
  });

  it('reacts at the very next refresh after a transcript record, then goes back to frames', async () => {
    const session = openSession('fast-react');
    await settle(runner(), session);
    fs.appendFileSync(session.transcript, fixtureText('transcript-tests-failed.jsonl'));
    const reacted = await refresh(runner(), session);
    expect(reacted.node).toBe(true);
    expect(reacted.line.includes(FAILING_TEST), reacted.line).toBe(true);
    age(session);
    await refresh(runner(), session);
    const shown = await refresh(runner(), session);
    expect(shown.node).toBe(false);
    expect(shown.line).toBe(reacted.line.replace(/^\S+/, shown.line.split(' ')[0]!));
  });

  if (full) it('shows a greeting and a reply at the next refresh after they are written', async () => {
    const session = openSession('fast-talk');
    await settle(runner(), session);
    const greeted = await runInProcess(['hook', 'session-start'], { env, input: JSON.stringify({ session_id: session.id, hook_event_name: 'SessionStart', source: 'startup' }) });
    expect(greeted.code, greeted.stderr).toBe(0);
    const greeting = (JSON.parse(fs.readFileSync(sessionFile(session, 'hook'), 'utf8')) as { greeting: { text: string } }).greeting.text;
    const withGreeting = await refresh(runner(), session);
    expect(withGreeting.node).toBe(true);
    expect(withGreeting.line).toContain(`${name}  ${greeting}`);

    // The reply job writes the hook state on its own, in no step with any refresh.
    age(session);
    await refresh(runner(), session);
    const hook = JSON.parse(fs.readFileSync(sessionFile(session, 'hook'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(sessionFile(session, 'hook'), JSON.stringify({ ...hook, reply: { text: 'Crumbs detected.', at: Date.now(), askedAt: Date.now() - 1_000 } }));
    const replied = await refresh(runner(), session);
    expect(replied.node).toBe(true);
    expect(replied.line).toContain(`${name}  Crumbs detected.`);
  });

  if (full) it('shows what the buddy told an agent CLI at the very next refresh, then goes back to frames', async () => {
    const session = openSession('fast-agent');
    await settle(runner(), session);
    const bones = (JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData).buddy!.bones;
    const told = recordAgentReaction(env, bones, 'tests_failed', false, Date.now());
    expect(told.shown).toBe(true);
    const shown = await refresh(runner(), session);
    expect(shown.node).toBe(true);
    expect(shown.line).toContain(`${name}  ${told.text}`);
    age(session);
    await refresh(runner(), session);
    const framed = await refresh(runner(), session);
    expect(framed.node).toBe(false);
    expect(framed.line).toContain(`${name}  ${told.text}`);
  });

  if (full) it('takes `buddy mute` at the next refresh', async () => {
    const session = openSession('fast-mute');
    await settle(runner(), session);
    fs.appendFileSync(session.transcript, fixtureText('transcript-tests-failed.jsonl'));
    expect((await refresh(runner(), session)).line).toContain(FAILING_TEST);
    age(session);
    await refresh(runner(), session);
    expect((await refresh(runner(), session)).node).toBe(false);
    const muted = await runInProcess(['mute'], { env });
    expect(muted.code, muted.stderr).toBe(0);
    const quiet = await refresh(runner(), session);
    expect(quiet.node).toBe(true);
    expect(quiet.line).toMatch(idle());
  });

  if (full) it('keeps each session to its own frames', async () => {
    const alpha = openSession('fast-alpha');
    const bravo = openSession('fast-bravo');
    await settle(runner(), alpha);
    await settle(runner(), bravo);
    fs.appendFileSync(alpha.transcript, fixtureText('transcript-tests-failed.jsonl'));
    const before = nodeRuns();
    const [lineA, lineB] = await Promise.all([refresh(runner(), alpha, [], false), refresh(runner(), bravo, [], false)]);
    expect(leftovers()).toEqual([]);
    expect(lineA.line.includes(FAILING_TEST), lineA.line).toBe(true);
    expect(lineB.line).toMatch(idle());
    // Only alpha's refresh needed Node.
    expect(nodeRuns()).toBe(before + 1);
  });

  if (full) it('asks Node again once the frames run out, or for other options', async () => {
    const session = openSession('fast-expiry');
    await settle(runner(), session);
    const head = fs.readFileSync(headFile(session), 'utf8').split(' ');
    head[3] = String(Math.floor(Date.now() / 1000));
    fs.writeFileSync(headFile(session), head.join(' '));
    expect((await refresh(runner(), session)).node).toBe(true);
    const tmux = await refresh(runner(), session, ['--format', 'tmux']);
    expect(tmux.node).toBe(true);
    expect(tmux.line).toContain('#[fg=');
  });

  it('runs a wrapped statusLine first, with the payload on its stdin, from frames too', async () => {
    const session = openSession('fast-wrap');
    const wrap = ['--wrap', `if grep -q '"session_id":"${session.id}"'; then echo HOST-LINE; else echo NO-PAYLOAD; fi`];
    await settle(runner(), session);
    const before = nodeRuns();
    const run = await runner().run(['--format', 'plain', '--width', '200', ...wrap], { env, input: session.payload });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^HOST-LINE\\n\\S+ ${name}\\n$`));
    expect(nodeRuns()).toBe(before);
  });

  it('prints from frames and exits while the host keeps stdin open', async () => {
    const session = openSession('fast-open');
    await settle(runner(), session);
    const before = nodeRuns();
    const child = runner().spawn(['--format', 'plain', '--width', '200'], env);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stdin.write(session.payload);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.destroy();
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^\\S+ ${name}\\n$`));
    expect(nodeRuns()).toBe(before);
  });

  if (full) it('never opens a transcript that is a FIFO nobody writes to, and still prints frames', async () => {
    const fifo = path.join(sandbox.dir, 'fifo.jsonl');
    execFileSync('mkfifo', [fifo]);
    const base = JSON.parse(fixtureText('statusline-payload.json')) as Record<string, unknown>;
    const session: Session = { id: 'fast-fifo', transcript: fifo, payload: JSON.stringify({ ...base, session_id: 'fast-fifo', transcript_path: fifo }) };
    expect((await refresh(runner(), session)).line).toMatch(idle());
    age(session);
    await refresh(runner(), session);
    const { line, node } = await refresh(runner(), session);
    expect(node).toBe(false);
    expect(line).toMatch(idle());
  });

  describe('falls back to Node whenever it cannot be sure', () => {
    it('over a damaged head file', async () => {
      const session = openSession('fast-damaged');
      await settle(runner(), session);
      fs.writeFileSync(headFile(session), `${FRAMES_FORMAT} ../../etc 0 99999999999 15 1 [garbage\n`);
      const repaired = await refresh(runner(), session);
      expect(repaired.node).toBe(true);
      expect(repaired.line).toMatch(idle());
    });

    it('without dd or date on the PATH: Node reads the payload itself', async () => {
      const session = openSession('fast-nopath');
      await refresh(runner(), session);
      const bare = { ...env, PATH: path.join(sandbox.dir, 'nothing-here') };
      fs.appendFileSync(session.transcript, fixtureText('transcript-tests-failed.jsonl'));
      const run = await runner().run(['--format', 'plain', '--width', '200'], { env: bare, input: session.payload });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.includes(FAILING_TEST), run.stdout).toBe(true);
    });

    if (full) it('when frames cannot be written: every refresh is Node, and right', async () => {
      const session = openSession('fast-readonly');
      fs.mkdirSync(env.BUDDY_CACHE_DIR as string, { recursive: true });
      fs.writeFileSync(framesRoot(env), 'not a directory');
      for (let round = 0; round < 2; round++) {
        const { line, node } = await refresh(runner(), session);
        expect(node).toBe(true);
        expect(line).toMatch(idle());
      }
    });

    it('for a payload it cannot read cheaply: escapes, no session, not JSON', async () => {
      const session = openSession('fast-odd');
      await settle(runner(), session);
      for (const input of [session.payload.replace(`"session_id":"${session.id}"`, `"session_id":"fast\\u002dodd"`), '{"transcript_path": "/x"}', 'not json at all', '']) {
        const before = nodeRuns();
        const run = await runner().run(['--format', 'plain'], { env, input });
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout.trim().split('\n')).toHaveLength(1);
        expect(run.stdout).toContain(name);
        expect(nodeRuns()).toBe(before + 1);
      }
    });

    it('prints the plain face when the Node it was installed with is gone', async () => {
      const session = openSession('fast-gone');
      const gone = shellRunner(shell, path.join(sandbox.dir, 'no-such-node'));
      const run = await gone.run([], { env, input: session.payload });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${PLAIN_FACE}\n`);
    });
  });
});
