// `buddy uninstall --all` end to end: the built bin run from the home folder, where the project files are
// the user files, in a throwaway home. The plan, the refusals and --purge run in process, in
// tests/installers/uninstall-all.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { useUninstallHome } from '../helpers/uninstall-home.js';

const home = useUninstallHome(runBuddy);
const { ok } = home;

describe('buddy uninstall --all', () => {
  it('run from the home folder, where the project files are the user files, names them user and undoes them so', async () => {
    // Claude Code's default folder, so that its project settings from $HOME are its user settings.
    home.sandbox.env.CLAUDE_CONFIG_DIR = path.join(home.sandbox.dir, '.claude');
    await ok(['install', 'claude-code', '--force']);
    await ok(['install', 'gemini', '--force']);
    const result = await ok(['uninstall', '--all', '--yes'], home.sandbox.dir);
    const plan = result.stdout.split('\n').slice(0, 3);
    expect(plan[0]).toBe('Buddy will be taken out of 2 places, each as its own uninstall does:');
    expect(plan[1]).toMatch(new RegExp(`^  Claude Code statusline and hooks \\(user\\) +${path.join(home.sandbox.dir, '.claude', 'settings.json')}$`));
    expect(plan[2]).toMatch(new RegExp(`^  Gemini CLI MCP server \\(user\\) +${path.join(home.sandbox.dir, '.gemini', 'settings.json')}$`));
    expect(result.stdout).not.toContain('--project');
    expect(result.stdout).toContain('To install again: buddy install gemini\n');
  });
});
