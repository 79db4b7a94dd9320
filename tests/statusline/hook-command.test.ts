// Claude Code hooks in process, through the dispatcher the built bin runs: `buddy hook session-start` says
// nothing while muted, and neither hook says anything, nor asks the model, on empty or broken input or a
// prompt that does not name the buddy. The introduction and the detached reply job, which only real
// processes show, are tests/e2e/hooks.test.ts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useHookHome } from '../helpers/hook-home.js';
import { runInProcess } from '../helpers/in-process.js';

const home = useHookHome(runInProcess);
const { hookFile, withKey, sessionStartInput, promptInput, hook, statusLine } = home;


describe('buddy hook session-start', () => {
  it('says nothing while muted', async () => {
    expect((await runInProcess(['mute'], { env: home.env })).code).toBe(0);
    const result = await hook('session-start', sessionStartInput('intro-muted'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('says nothing and exits 0 on empty or broken input', async () => {
    for (const input of ['', 'not json', '[]', 'null', '{"session_id": 5}']) {
      const result = await hook('session-start', input);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, input).toBe('');
      expect(result.stderr).toBe('');
    }
  });
});

describe('buddy hook prompt', () => {
  it('stays silent when the prompt does not name the buddy', async () => {
    const result = await hook('prompt', promptInput('plain-1', 'Please fix the failing order tests in src/routes.'), withKey());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    expect(fs.existsSync(hookFile('plain-1'))).toBe(false);
    expect(await statusLine('plain-1')).toMatch(new RegExp(`^\\S+ ${home.name}$`));
  });

  it('says nothing and exits 0 on empty or broken input, and asks the model nothing', async () => {
    for (const input of ['', 'not json', '[]', 'null', JSON.stringify({ session_id: 'broken-1', prompt: 42 })]) {
      const result = await hook('prompt', input, withKey());
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, input).toBe('');
      expect(result.stderr).toBe('');
    }
    expect(home.fake.requests).toHaveLength(0);
  });
});
