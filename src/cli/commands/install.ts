// `buddy install claude-code [--project] [--wrap]`: add the statusline and hooks to Claude Code.
import { existsSync, realpathSync } from 'node:fs';
import { claudeSettingsFile, installClaudeCode, SettingsFileError } from '../../integrations/claude-install.js';
import { uninstallCommand } from '../../integrations/claude-inspect.js';
import { buddyCommands, fastScriptFor, shownCommand } from '../../integrations/claude-settings.js';
import { SettingsShapeError, StatusLineConflict } from '../../integrations/claude-settings-edit.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, UserFacingError } from '../errors.js';
import { writeLine, type CliIo } from '../io.js';

export function targetOf(command: string, positionals: readonly string[]): void {
  if (positionals[0] !== 'claude-code') throw new UsageError(`${command}: say where, e.g. buddy ${command} claude-code`);
}

export function currentScript(): string {
  const script = process.argv[1];
  if (!script) throw new UserFacingError('cannot tell where buddy is installed');
  return realpathSync(script);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('install', argv, { project: { type: 'boolean' }, wrap: { type: 'boolean' } }, 1);
  targetOf('install', positionals);
  const scope = values.project ? 'project' : 'user';
  const file = claudeSettingsFile(io.env, values.project ? process.cwd() : undefined);
  const script = currentScript();
  // The light statusline script needs a POSIX shell, and to sit beside the bundle (it does in the package).
  const fast = process.platform !== 'win32' && existsSync(fastScriptFor(script));
  const commands = buddyCommands(process.execPath, script, { fast });
  const undo = `To undo: ${uninstallCommand(scope, file)}`;
  try {
    const outcome = installClaudeCode(io.env, file, scope, commands, Boolean(values.wrap), new Date());
    if (outcome.kind === 'already-installed') {
      writeLine(io.stdout, `Buddy is already installed in ${file}; nothing changed. ${undo}`);
      return 0;
    }
    writeLine(io.stdout, `Installed Buddy into Claude Code (${scope} settings): ${file}`);
    writeLine(io.stdout, `  statusLine  ${commands.statusline}${outcome.wrapped ? ' --wrap … (your previous statusLine runs first)' : ''}`);
    writeLine(io.stdout, '  hooks       UserPromptSubmit (answers when called by name), SessionStart (introduction)');
    writeLine(io.stdout, `  backup      ${outcome.backup ?? 'none: the file did not exist before'}`);
    writeLine(io.stdout, `Restart Claude Code to meet your buddy there. ${undo}`);
    return 0;
  } catch (error) {
    if (error instanceof StatusLineConflict) {
      const wrap = `buddy install claude-code${values.project ? ' --project' : ''} --wrap`;
      throw new UserFacingError(
        `install: ${file} already has a statusLine (${shownCommand(error.existingCommand)}). Run '${wrap}' to keep it and show Buddy after its output, or remove it first. Nothing was changed.`,
      );
    }
    if (error instanceof SettingsShapeError) throw new UserFacingError(`install: ${file}: ${error.message}. Nothing was changed.`);
    if (error instanceof SettingsFileError) throw new UserFacingError(`install: ${error.message}`);
    throw error;
  }
}
