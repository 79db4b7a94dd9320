// `buddy uninstall --all` end to end: the built bin run from the home folder, where the project files are
// the user files, in a throwaway home. The plan, the refusals and --purge run in process, in
// tests/installers/uninstall-all.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';

let sandbox: ReturnType<typeof makeSandbox>;
let project: string;

function buddy(args: readonly string[], cwd = project): Promise<RunResult> {
  return runBuddy(args, { env: { ...sandbox.env, BUDDY_USER_ID: 'uninstall-all-1' }, cwd });
}

async function ok(args: readonly string[], cwd = project): Promise<RunResult> {
  const result = await buddy(args, cwd);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

beforeEach(() => {
  sandbox = makeSandbox();
  project = path.join(sandbox.dir, 'acme');
  fs.mkdirSync(project);
});
afterEach(() => sandbox.cleanup());

describe('buddy uninstall --all', () => {
  it('run from the home folder, where the project files are the user files, names them user and undoes them so', async () => {
    // Claude Code's default folder, so that its project settings from $HOME are its user settings.
    sandbox.env.CLAUDE_CONFIG_DIR = path.join(sandbox.dir, '.claude');
    await ok(['install', 'claude-code', '--force']);
    await ok(['install', 'gemini', '--force']);
    const result = await ok(['uninstall', '--all', '--yes'], sandbox.dir);
    const plan = result.stdout.split('\n').slice(0, 3);
    expect(plan[0]).toBe('Buddy will be taken out of 2 places, each as its own uninstall does:');
    expect(plan[1]).toMatch(new RegExp(`^  Claude Code statusline and hooks \\(user\\) +${path.join(sandbox.dir, '.claude', 'settings.json')}$`));
    expect(plan[2]).toMatch(new RegExp(`^  Gemini CLI MCP server \\(user\\) +${path.join(sandbox.dir, '.gemini', 'settings.json')}$`));
    expect(result.stdout).not.toContain('--project');
    expect(result.stdout).toContain('To install again: buddy install gemini\n');
  });
});
