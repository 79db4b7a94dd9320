// Claude Code hooks end to end: `buddy hook session-start` introduces the buddy once per session, and
// `buddy hook prompt` notices when the user calls it by name, tells the agent to stay out of the way,
// returns at once and leaves the answer to a detached job that the statusline picks up later. The hooks
// run as the built bin; the statusline that shows what they left is drawn in process (its own wiring is
// tests/e2e/statusline-cli.test.ts), which lets a test look as often as it likes. What the hooks say to
// no input, broken input, a prompt that does not name the buddy, or while muted is
// tests/statusline/hook-command.test.ts.
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { HookState } from '../../src/statusline/session-state.js';
import { MAX_MESSAGE_LENGTH, silentAnswer } from '../../src/persona/conversation.js';
import { offlineReply } from '../../src/persona/offline-talk.js';
import { sanitizeLine } from '../../src/text/sanitize.js';
import { SPECIES_LINES } from '../../src/species/lines.js';
import { runBuddy } from '../helpers/cli.js';
import { textReply } from '../helpers/fake-messages-api.js';
import { useHookHome } from '../helpers/hook-home.js';

const home = useHookHome(runBuddy);
const { readConfig, hookFile, withKey, sessionStartInput, promptInput, hook, statusLine } = home;

const REPLY_WAIT = { timeout: 10_000, interval: 50 } as const;

interface HookOutput {
  hookSpecificOutput: { hookEventName: string; additionalContext: string };
}

const readHook = (sessionId: string): HookState => JSON.parse(fs.readFileSync(hookFile(sessionId), 'utf8')) as HookState;

function parseHookOutput(stdout: string): HookOutput {
  const lines = stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as HookOutput;
}

/** What the buddy says after its name on the compact line ('' when it says nothing). */
function saying(line: string): string {
  const at = line.indexOf(`${home.name}  `);
  return at < 0 ? '' : line.slice(at + home.name.length + 2);
}

describe('buddy hook session-start', () => {
  it('introduces the buddy once per session, as a creature that is not the agent', async () => {
    const first = await hook('session-start', sessionStartInput('intro-1'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    const output = parseHookOutput(first.stdout);
    expect(output.hookSpecificOutput.hookEventName).toBe('SessionStart');
    const context = output.hookSpecificOutput.additionalContext;
    expect(context).toContain(home.name);
    expect(context).toContain('not you');
    expect(context).toContain(`you are not ${home.name}`);

    // The greeting shows in that session's statusline.
    const line = await statusLine('intro-1');
    expect(line).toContain(`♥ ${home.name}  `);
    expect(SPECIES_LINES.Nebulynx!.greeting).toContain(saying(line));

    const again = await hook('session-start', sessionStartInput('intro-1'));
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');

    // Another session gets its own introduction.
    expect(parseHookOutput((await hook('session-start', sessionStartInput('intro-2'))).stdout).hookSpecificOutput.hookEventName).toBe('SessionStart');
  });
});

describe('buddy hook prompt', () => {
  it('returns at once while the model hangs, shows the thinking mark, and gives up gracefully', async () => {
    home.fake.script({ hang: true });
    const prompt = `hey ${home.name}, what do you make of this stack trace?`;
    const result = await hook('prompt', promptInput('hang-1', prompt), withKey());
    // The model never answers, so a hook that waited for it would be killed by runBuddy's timeout
    // (code null): exiting 0 is the proof that it returned without waiting.
    expect(result.code, result.stderr).toBe(0);
    const output = parseHookOutput(result.stdout);
    expect(output.hookSpecificOutput.hookEventName).toBe('UserPromptSubmit');
    const context = output.hookSpecificOutput.additionalContext;
    expect(context).toContain(`${home.name} is not you`);
    expect(context).toContain(`Do not answer for ${home.name}`);

    expect(await statusLine('hang-1')).toMatch(new RegExp(`^\\S+ ${home.name}  …$`));
    await vi.waitFor(() => expect(home.fake.requests).toHaveLength(1), REPLY_WAIT);
    expect(JSON.stringify(home.fake.requests[0]!.body)).toContain('what do you make of this stack trace?');

    // The model never answers; once it is unreachable the job settles on a quiet line of its own.
    await home.fake.close();
    await vi.waitFor(async () => expect(saying(await statusLine('hang-1'))).toBe(silentAnswer(home.name)), REPLY_WAIT);
  });

  it('shows the model reply in the statusline and remembers it', async () => {
    home.fake.script(textReply('Crumbs detected.'));
    const prompt = `${home.name}, is there anything odd in the cache module?`;
    const result = await hook('prompt', promptInput('reply-1', prompt), withKey());
    expect(result.code, result.stderr).toBe(0);
    expect(parseHookOutput(result.stdout).hookSpecificOutput.hookEventName).toBe('UserPromptSubmit');

    await vi.waitFor(async () => expect(await statusLine('reply-1')).toContain(`${home.name}  Crumbs detected.`), REPLY_WAIT);
    expect(readHook('reply-1').reply?.text).toBe('Crumbs detected.');
    expect(readConfig().buddy?.memory).toContainEqual(expect.objectContaining({ user: prompt, buddy: 'Crumbs detected.' }));
    expect(home.fake.requests).toHaveLength(1);
    expect(home.fake.requests[0]!.path).toMatch(/\/v1\/messages/);
    // Another session never sees the reply.
    expect(await statusLine('reply-other')).toMatch(new RegExp(`^\\S+ ${home.name}$`));
  });

  it('answers from the offline bank without a key', async () => {
    const prompt = `@${home.name} what do you think of this function?`;
    const buddy = readConfig().buddy!;
    const expected = offlineReply(buddy, sanitizeLine(prompt, MAX_MESSAGE_LENGTH).trim());
    const result = await hook('prompt', promptInput('offline-1', prompt));
    expect(result.code, result.stderr).toBe(0);
    expect(parseHookOutput(result.stdout).hookSpecificOutput.hookEventName).toBe('UserPromptSubmit');

    await vi.waitFor(async () => {
      const said = saying(await statusLine('offline-1'));
      expect(said).not.toBe('');
      expect(said).not.toBe('…');
    }, REPLY_WAIT);
    expect(saying(await statusLine('offline-1'))).toBe(expected);
    expect(home.fake.requests).toHaveLength(0);
  });
});
