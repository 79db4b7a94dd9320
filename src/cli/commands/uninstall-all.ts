// `buddy uninstall --all [--yes] [--purge [--export FILE]]`: Buddy out of every host and scope it recorded or
// finds, each taken out exactly as its own `buddy uninstall HOST` does (the same code, the same report), after
// the plan is shown and the person agreed. With --purge, Buddy's own files go too, after a second question,
// and with --export FILE the buddies and journal are first kept in FILE. Without a terminal to ask on,
// --yes is needed: nothing is changed on a guess.
import { CLAUDE_MCP_REMOVE_COMMAND } from '../../installers/hosts/claude-code/mcp.js';
import { mcpHost } from '../../installers/hosts/index.js';
import { findInstalls, type FoundInstall } from '../../installers/found-installs.js';
import type { McpTarget } from '../../installers/mcp-install.js';
import type { HookTarget } from '../../installers/hook-install.js';
import { hookHost } from '../../installers/hosts/hook-hosts.js';
import type { Scope } from '../../installers/scope.js';
import { shellQuote } from '../../installers/shell-quote.js';
import { readCheckedSnapshot } from '../../store/config-snapshot.js';
import { InterruptedError, UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { confirm } from '../prompts/confirm.js';
import { purgeFolder, purgeFolders, type PurgeFolder, type PurgeResult } from '../purge.js';
import { checkExportPath, describeContents, writeExport } from './export.js';
import { isFileProblem, userScopeServerOrRefuse } from './install.js';

/** The single uninstalls, handed in by `buddy uninstall` (uninstall.ts), so every host is taken out by one code path. */
export interface SingleUninstalls {
  readonly claudeFile: (io: CliIo, file: string, scope: Scope) => unknown;
  readonly mcp: (io: CliIo, target: McpTarget) => void;
  readonly hooks: (io: CliIo, target: HookTarget) => unknown;
}

interface AllFlags {
  readonly project?: boolean | undefined;
  readonly purge?: boolean | undefined;
  readonly export?: string | undefined;
  readonly yes?: boolean | undefined;
}

/** What is installed there, and the file: one row of the plan. */
function describeInstall(found: FoundInstall): readonly [string, string] {
  if (found.kind === 'claude-code') return [`Claude Code statusline and hooks (${found.scope})`, found.file];
  if (found.kind === 'hooks') return [`${hookHost(found.target.host).name} hooks (${found.target.scope})`, found.target.file];
  return [`${mcpHost(found.target.host).name} MCP server (${found.target.scope})`, found.target.file];
}

/** Rows of two columns, the first padded to the widest. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([what]) => what.length));
  return rows.map(([what, where]) => `  ${what.padEnd(width)}  ${where}`);
}

function describeFolder(env: NodeJS.ProcessEnv, folder: PurgeFolder): readonly [string, string] {
  if (!folder.label.includes('config')) return [folder.label, folder.dir];
  const data = readCheckedSnapshot(env).data;
  const buddies = data.buddy ? `${data.buddy.name} the ${data.buddy.bones.species}` : 'no buddy';
  const archived = (data.archive ?? []).length;
  return [folder.label, `${folder.dir}  (${buddies}${archived > 0 ? `, ${archived} archived` : ''}, the journal, install records and backups)`];
}

function purgeLine(folder: PurgeFolder, result: PurgeResult): readonly [string, string] {
  switch (result.state) {
    case 'missing':
      return [folder.label, `${folder.dir} was not there`];
    case 'not-a-folder':
      return [folder.label, `${folder.dir} is a ${result.kind}, not Buddy's own folder: left as it is`];
    case 'removed':
      return [folder.label, `${folder.dir} removed`];
    case 'kept': {
      const shown = result.others.slice(0, 3).join(', ') + (result.others.length > 3 ? `, and ${result.others.length - 3} more` : '');
      return [folder.label, `Buddy's files removed from ${folder.dir}; the folder stays, as it also holds what Buddy did not make (${shown})`];
    }
  }
}

/** Asks, or takes --yes; without a terminal, without --yes or on Ctrl-C, refuses with one line (`outcome` says what stayed). */
async function agreed(io: CliIo, yes: boolean, question: string, outcome: string): Promise<void> {
  if (yes) return;
  if (!io.stdin.isTTY) throw new UserFacingError(`uninstall --all: there is no terminal to ask on; pass --yes to go ahead. ${outcome}`);
  let sure: boolean;
  try {
    sure = await confirm(io, question);
  } catch (error) {
    // The second question comes after the uninstalls: say what stayed, not "nothing".
    if (error instanceof InterruptedError) throw new InterruptedError(`uninstall --all: interrupted at the question (Ctrl-C). ${outcome}`);
    throw error;
  }
  if (!sure) throw new UserFacingError(`uninstall --all: not confirmed (answer y, or pass --yes). ${outcome}`);
}

export async function uninstallAll(io: CliIo, positionals: readonly string[], flags: AllFlags, single: SingleUninstalls): Promise<number> {
  if (positionals.length > 0) throw new UsageError('uninstall: --all takes no host: it means every host', 'buddy uninstall --all');
  if (flags.project) throw new UsageError('uninstall: --all already covers the project scope; drop --project');
  if (flags.export !== undefined && !flags.purge) throw new UsageError('uninstall: --export goes with --purge (buddy export FILE saves them on its own)');
  const yes = flags.yes === true;
  const exportFile = flags.export;
  if (exportFile === '' || exportFile === '-') throw new UsageError('uninstall: --export needs a file to write', 'e.g. --export buddy-export.json');
  if (exportFile !== undefined) checkExportPath('uninstall --all: --export', exportFile, false);

  let found: FoundInstall[];
  let userMcp;
  try {
    // ~/.claude.json is read first: a FIFO or a device there stops the command before anything changes.
    userMcp = userScopeServerOrRefuse('uninstall', io.env);
    found = findInstalls(io.env);
  } catch (error) {
    if (isFileProblem(error)) throw new UserFacingError(`uninstall: ${error.message}. Nothing was changed.`);
    throw error;
  }
  const folders = flags.purge ? purgeFolders(io.env) : [];

  if (found.length === 0 && !flags.purge) {
    writeLine(io.stdout, 'Buddy is not installed in any host or scope it knows of (its records, your user settings, this project); nothing changed.');
    if (userMcp.state === 'mine') writeLine(io.stdout, `Buddy's MCP server is registered for your user in Claude Code; to remove it: ${CLAUDE_MCP_REMOVE_COMMAND}`);
    return 0;
  }
  writeLine(io.stdout, found.length === 0 ? 'Buddy is not installed in any host or scope it knows of.' : `Buddy will be taken out of ${found.length === 1 ? 'one place' : `${found.length} places`}, each as its own uninstall does:`);
  for (const line of table(found.map(describeInstall))) writeLine(io.stdout, line);
  if (flags.purge) {
    writeLine(io.stdout, `Then${yes ? '' : ', after a second question,'} Buddy's own files are deleted${exportFile === undefined ? '' : ` (your buddies and journal are kept in ${exportFile} first)`}:`);
    for (const line of table(folders.map((folder) => describeFolder(io.env, folder)))) writeLine(io.stdout, line);
  }
  if (found.length > 0) await agreed(io, yes, `Take Buddy out of ${found.length === 1 ? 'this place' : `these ${found.length} places`}?`, 'Nothing was changed.');

  if (exportFile !== undefined) {
    const contents = writeExport('uninstall --all: --export', io, exportFile, false);
    writeLine(io.stdout, `Kept ${describeContents(contents)} in ${exportFile}.`);
  }

  const failures: string[] = [];
  for (const install of found) {
    try {
      if (install.kind === 'claude-code') single.claudeFile(io, install.file, install.scope);
      else if (install.kind === 'hooks') single.hooks(io, install.target);
      else single.mcp(io, install.target);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      failures.push(error.message.replace(/^uninstall: /, ''));
      writeLine(io.stdout, `Not taken out: ${error.message.replace(/^uninstall: /, '')}`);
    }
  }
  if (userMcp.state === 'mine') writeLine(io.stdout, `Buddy's MCP server is registered for your user in Claude Code, whose file Buddy does not edit; to remove it: ${CLAUDE_MCP_REMOVE_COMMAND}`);
  if (failures.length > 0) {
    const kept = flags.purge ? "; Buddy's own files were kept (its install records are needed to finish)" : '';
    throw new UserFacingError(`uninstall --all: ${failures.length} of ${found.length} could not be taken out (see above)${kept}`);
  }
  if (!flags.purge) return 0;

  const exported = exportFile === undefined ? 'this cannot be undone (buddy export FILE, or --export FILE, keeps a copy first)' : `a copy is in ${exportFile}`;
  await agreed(io, yes, `Delete Buddy's own files (your buddies and their journal with them; ${exported})?`, "Buddy's own files were kept.");
  const done: (readonly [string, string])[] = [];
  for (const folder of folders) {
    try {
      done.push(purgeLine(folder, purgeFolder(folder)));
    } catch (error) {
      if (isFileProblem(error)) throw new UserFacingError(`uninstall --all: ${error.message}`);
      throw error;
    }
  }
  writeLine(io.stdout, "Buddy's own files:");
  for (const line of table(done)) writeLine(io.stdout, line);
  if (exportFile !== undefined) writeLine(io.stdout, `Your buddies and journal are in ${exportFile}: buddy import ${shellQuote(exportFile)} brings them back.`);
  return 0;
}
