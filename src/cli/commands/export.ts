// `buddy export FILE [--force]`: the buddies (current and archived, with their souls, memory and growth),
// the settings and the journal as one JSON archive, to FILE or (with `-`) to stdout. The file is written
// atomically and is private (0600: it holds the souls and the journal); only a regular file is ever
// replaced, and an existing one only with --force.
import { ArchiveError, exportArchive, type ArchiveContents } from '../../buddy/transfer.js';
import { FileAccessError } from '../../files/errors.js';
import { STDOUT_PATH } from '../../files/output.js';
import { replaceFileAtomically, resolveWriteTarget } from '../../files/replace.js';
import { shellQuote } from '../../installers/shell-quote.js';
import { EXPORT } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { VERSION } from '../version.js';

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** What an archive holds, in a few words: `Mochi the duck, 2 archived buddies and 40 journal lines`. */
export function describeContents(contents: ArchiveContents): string {
  const parts = [
    contents.buddy ? `${contents.buddy.name} the ${contents.buddy.bones.species}` : 'no current buddy',
    ...(contents.archived.length > 0 ? [plural(contents.archived.length, 'archived buddy', 'archived buddies')] : []),
    plural(contents.journalLines, 'journal line'),
  ];
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/** The path a file export goes to, checked before anything is read or folded: refuses what it must not replace. */
export function checkExportPath(command: string, file: string, force: boolean): void {
  let existing;
  try {
    existing = resolveWriteTarget(file).existing;
  } catch (error) {
    if (error instanceof FileAccessError) throw new UserFacingError(`${command}: ${error.message}`);
    throw error;
  }
  if (existing && !force) throw new UserFacingError(`${command}: ${file} already exists; pass --force to replace it. Nothing was written.`);
}

/** Writes the archive to `file` (or stdout for `-`) and returns what it holds. */
export function writeExport(command: string, io: CliIo, file: string, force: boolean): ArchiveContents {
  if (file !== STDOUT_PATH) checkExportPath(command, file, force);
  let exported;
  try {
    exported = exportArchive(io.env, VERSION);
  } catch (error) {
    if (error instanceof ArchiveError) throw new UserFacingError(`${command}: the archive ${error.message}; nothing was written`);
    throw error;
  }
  if (file === STDOUT_PATH) {
    io.stdout.write(exported.text);
    return exported.contents;
  }
  try {
    replaceFileAtomically(file, exported.text, { durable: true });
  } catch (error) {
    if (error instanceof FileAccessError) throw new UserFacingError(`${command}: ${error.message}`);
    throw error;
  }
  return exported.contents;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(EXPORT, argv);
  const file = positionals[0];
  if (file === undefined || file === '') throw new UsageError('export: name the file to write (or - for stdout)', 'e.g. buddy export buddy-export.json');
  const contents = writeExport('export', io, file, values.force === true);
  if (file !== STDOUT_PATH) {
    writeLine(io.stdout, `Exported ${describeContents(contents)} to ${file}.`);
    writeLine(io.stdout, `To bring them back, here or on another machine: buddy import ${shellQuote(file)}`);
  }
  return 0;
}
