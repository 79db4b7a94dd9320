// `buddy import FILE [--yes]`: bring back what `buddy export` wrote. The whole archive is read (a regular
// file, at most the cap; `-` reads stdin) and checked with the store's schema and the journal's before
// anything changes. On a machine that has a buddy, archived buddies or a journal, it first says what
// changes and asks (a terminal), or needs --yes. Nothing is deleted: this machine's buddies the archive
// does not hold are archived, as `buddy switch` archives the buddy it replaces.
import { ArchiveError, importArchive, parseArchiveText, planImport, readArchiveFile, contentsOf, type ImportOutcome, type ImportPlan } from '../../buddy/transfer.js';
import { MAX_ARCHIVE_BYTES, type TransferArchive } from '../../buddy/transfer-archive.js';
import { FileAccessError } from '../../files/errors.js';
import { STDOUT_PATH } from '../../files/output.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { IMPORT } from '../command-specs.js';
import { parseCommandArgs } from '../args.js';
import { UsageError, UserFacingError } from '../command-errors.js';
import { writeLine, type CliIo } from '../io.js';
import { confirm } from '../prompts/confirm.js';
import { describeContents } from './export.js';

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** The archive's text from stdin, refused past the cap (the rest is never read). */
async function readStdin(io: CliIo): Promise<string> {
  if (io.stdin.isTTY) throw new UsageError('import: - reads the archive from stdin, which is a terminal here', 'e.g. buddy import buddy-export.json');
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of io.stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buffer.length;
      if (total > MAX_ARCHIVE_BYTES) throw new UserFacingError(`import: stdin holds more than the ${MAX_ARCHIVE_BYTES / 1024 / 1024} MB an export can be; nothing was changed`);
      chunks.push(buffer);
    }
  } finally {
    io.stdin.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readArchive(io: CliIo, file: string): Promise<TransferArchive> {
  const where = file === STDOUT_PATH ? 'stdin' : file;
  try {
    const archive = file === STDOUT_PATH ? parseArchiveText(await readStdin(io)) : readArchiveFile(file);
    if (!archive) throw new UserFacingError(`import: ${file} does not exist`);
    return archive;
  } catch (error) {
    if (error instanceof ArchiveError) throw new UserFacingError(`import: ${where} ${error.message}. Nothing was changed.`);
    if (error instanceof FileAccessError) throw new UserFacingError(`import: ${error.message}. Nothing was changed.`);
    throw error;
  }
}

/** What the import changes on this machine, one line each. */
function planLines(plan: ImportPlan, archive: TransferArchive): string[] {
  const incoming = contentsOf(archive.config, archive.journal);
  const lines = [`The export (${sanitizeLine(archive.exportedBy, 40)}, ${archive.exportedAt.slice(0, 10)}) holds ${describeContents(incoming)}. Here:`];
  const { archivedCurrent, replacedCurrent, here } = plan;
  if (archivedCurrent) lines.push(`  ${archivedCurrent.name} the ${archivedCurrent.bones.species}, the current buddy here, goes to the archive (never deleted; buddy list shows it)`);
  if (replacedCurrent) lines.push(`  ${replacedCurrent.name} the ${replacedCurrent.bones.species} here is replaced by the export's (soul, memory and growth as exported)`);
  if (here.archived.length > 0) lines.push(`  the ${plural(here.archived.length, 'archived buddy', 'archived buddies')} here stay (one the export also holds is taken from the export)`);
  lines.push(`  the settings and the journal (${plural(here.journalLines, 'line')} here) are replaced by the export's`);
  return lines;
}

function resultLines(outcome: ImportOutcome, file: string): string[] {
  const lines = [outcome.buddy ? `${outcome.buddy.name} the ${outcome.buddy.bones.species} is back, from ${file}.` : `Imported ${file} (it holds no current buddy).`];
  if (outcome.keptHere.length > 0) lines.push(`Archived from this machine: ${outcome.keptHere.map((buddy) => `${buddy.name} the ${buddy.bones.species}`).join(', ')} (buddy list shows them, buddy switch brings one back).`);
  if (outcome.replacedLocalId) lines.push("This machine's random local ID is now the export's, the identity its buddies were hatched for.");
  if (outcome.otherIdentity && outcome.buddy) {
    const here = outcome.otherIdentity.hereHash === undefined ? 'this machine has no identity yet' : `this machine's is ${outcome.otherIdentity.hereHash.slice(0, 8)}…`;
    lines.push(
      `${outcome.buddy.name} was hatched for another identity (hash ${outcome.otherIdentity.buddyHash.slice(0, 8)}…; ${here}): it stays your buddy here, and \`buddy switch\` hatches this identity's own instead (${outcome.buddy.name} is archived, never deleted).`,
    );
  }
  return lines;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(IMPORT, argv);
  const file = positionals[0];
  if (file === undefined || file === '') throw new UsageError('import: name the file buddy export wrote (or - for stdin)', 'e.g. buddy import buddy-export.json');
  const archive = await readArchive(io, file);
  const plan = planImport(io.env, archive);
  if (plan.anything && values.yes !== true) {
    for (const line of planLines(plan, archive)) writeLine(io.stdout, line);
    if (!io.stdin.isTTY) throw new UserFacingError('import: this machine already has a buddy or a journal; pass --yes to import over it (no terminal to ask on). Nothing was changed.');
    if (!(await confirm(io, 'Import it?'))) throw new UserFacingError('import: not confirmed (answer y, or pass --yes). Nothing was changed.');
  }
  let outcome: ImportOutcome;
  try {
    outcome = importArchive(io.env, archive);
  } catch (error) {
    if (error instanceof FileAccessError) throw new UserFacingError(`import: ${error.message}`);
    throw error;
  }
  for (const line of resultLines(outcome, file === STDOUT_PATH ? 'stdin' : file)) writeLine(io.stdout, line);
  return 0;
}
