// `buddy uninstall claude-code [--project]`: take Buddy out of Claude Code again.
import { claudeSettingsFile, SettingsFileError, uninstallClaudeCode } from '../../integrations/claude-install.js';
import { parseCommandArgs } from '../args.js';
import { UserFacingError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';
import { targetOf } from './install.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('uninstall', argv, { project: { type: 'boolean' } }, 1);
  targetOf('uninstall', positionals);
  const file = claudeSettingsFile(io.env, values.project ? process.cwd() : undefined);
  try {
    const outcome = uninstallClaudeCode(io.env, file, new Date());
    if (outcome.kind === 'not-installed') writeLine(io.stdout, `Buddy is not installed in ${file}; nothing changed.`);
    else if (outcome.kind === 'restored') writeLine(io.stdout, `Restored ${file} exactly as it was before Buddy was installed.`);
    else writeLine(io.stdout, `Removed Buddy's statusLine and hooks from ${file}; everything else is as it was.${outcome.backup ? ` Backup: ${outcome.backup}` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof SettingsFileError) throw new UserFacingError(`uninstall: ${error.message}`);
    throw error;
  }
}
