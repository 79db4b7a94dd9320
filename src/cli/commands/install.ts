// `buddy install claude-code [--project] [--wrap]`: add the statusline and hooks to Claude Code.
import { realpathSync } from 'node:fs';
import { buddyCommands, claudeSettingsFile, installClaudeCode, SettingsFileError } from '../../integrations/claude-install.js';
import { StatusLineConflict } from '../../integrations/claude-settings.js';
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
  const file = claudeSettingsFile(io.env, values.project ? process.cwd() : undefined);
  const commands = buddyCommands(process.execPath, currentScript());
  try {
    const outcome = installClaudeCode(io.env, file, commands, Boolean(values.wrap), new Date());
    if (outcome.kind === 'already-installed') {
      writeLine(io.stdout, `Buddy is already installed in ${file}; nothing changed.`);
      return 0;
    }
    writeLine(io.stdout, `Installed Buddy into Claude Code: ${file}`);
    writeLine(io.stdout, `  statusLine  ${commands.statusline}${outcome.wrapped ? ` --wrap … (your previous statusLine runs first)` : ''}`);
    writeLine(io.stdout, '  hooks       UserPromptSubmit (answers when called by name), SessionStart (introduction)');
    if (outcome.backup) writeLine(io.stdout, `  backup      ${outcome.backup}`);
    writeLine(io.stdout, 'Restart Claude Code to meet your buddy there. `buddy uninstall claude-code` undoes this.');
    return 0;
  } catch (error) {
    if (error instanceof StatusLineConflict) {
      throw new UserFacingError(
        `install: ${file} already has a statusLine (${error.existingCommand}). Run 'buddy install claude-code --wrap' to keep it and show Buddy after its output, or remove it first. Nothing was changed.`,
      );
    }
    if (error instanceof SettingsFileError) throw new UserFacingError(`install: ${error.message}`);
    throw error;
  }
}
