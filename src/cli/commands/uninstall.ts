// `buddy uninstall claude-code [--project]`: take Buddy out of Claude Code again, leaving every change
// the user made since install in place, and remove the statusline frames Buddy prepared.
import { claudeSettingsFile, SettingsFileError, uninstallClaudeCode, type UninstallOutcome } from '../../integrations/claude-install.js';
import { installCommand, installsElsewhere, uninstallCommand } from '../../integrations/claude-inspect.js';
import type { Scope } from '../../integrations/claude-install-record.js';
import { framesRoot, removeAllFrames } from '../../integrations/statusline-frames.js';
import { parseCommandArgs } from '../args.js';
import { UserFacingError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';
import { targetOf } from './install.js';

function report(outcome: UninstallOutcome, file: string, scope: Scope): string[] {
  const again = `To install again: ${installCommand(scope, file, outcome.kind === 'removed' && outcome.statusLineLeft)}`;
  switch (outcome.kind) {
    case 'not-installed':
      return [`Buddy is not installed in ${file}; nothing changed.`];
    case 'file-gone':
      return [`${file} no longer exists, so there is nothing to take out; it was not recreated. Buddy's record of that install is cleared.`];
    case 'already-removed':
      return [`Buddy's entries are no longer in ${file} (taken out by hand); nothing changed. Buddy's record of that install is cleared.`];
    case 'removed':
      return [
        outcome.deleted
          ? `Removed Buddy from Claude Code: ${file} was made by the install and nothing else was put in it, so it is gone again.`
          : outcome.exact
            ? `Removed Buddy from Claude Code: ${file} is byte for byte as before install, apart from any changes you made since.`
            : `Removed Buddy's statusLine and hooks from ${file}; everything else, including your changes since install, stays.`,
        `  backup      ${outcome.backup}`,
        again,
      ];
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('uninstall', argv, { project: { type: 'boolean' } }, 1);
  targetOf('uninstall', positionals);
  const scope: Scope = values.project ? 'project' : 'user';
  const file = claudeSettingsFile(io.env, values.project ? process.cwd() : undefined);
  let outcome: UninstallOutcome;
  try {
    outcome = uninstallClaudeCode(io.env, file, new Date());
  } catch (error) {
    if (error instanceof SettingsFileError) throw new UserFacingError(`uninstall: ${error.message}`);
    throw error;
  }
  const lines = report(outcome, file, scope);
  // Frames are only a cache of what the statusline draws: an install left in another scope draws them anew.
  if (outcome.kind !== 'not-installed' && removeAllFrames(io.env)) {
    lines.splice(outcome.kind === 'removed' ? lines.length - 1 : lines.length, 0, `  frames      removed the prepared statusline frames (${framesRoot(io.env)})`);
  }
  for (const line of lines) writeLine(io.stdout, line);
  if (outcome.kind === 'not-installed' || outcome.kind === 'already-removed') {
    // The other scope is separate: say where Buddy is, and the command that takes it out there.
    for (const elsewhere of installsElsewhere(io.env, file, process.cwd())) {
      writeLine(io.stdout, `Buddy is installed in ${elsewhere.scope === 'user' ? 'your user settings' : 'project settings'} ${elsewhere.file}; to remove it there: ${uninstallCommand(elsewhere.scope, elsewhere.file)}`);
    }
  }
  return 0;
}
