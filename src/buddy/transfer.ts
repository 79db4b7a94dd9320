// `buddy export` and `buddy import` below the command line: everything a person's buddies are, out of this
// machine as one archive and into another. Growth still waiting in the event log is folded first, so the
// archive carries it; the journal travels line for line. Importing checks the whole archive before
// anything changes, keeps every buddy this machine had (in the archive, as a switch would), and binds no
// buddy to another identity: each keeps the idHash it was hatched from.
import { hashUserId } from '../engine/hash.js';
import { readRegularText } from '../files/read.js';
import { checkJournalWritable, journalForExport, replaceJournal, type JournalFiles } from '../journal/transfer.js';
import { readCheckedSnapshot } from '../store/config-snapshot.js';
import { CONFIG_SCHEMA_VERSION } from '../store/config-store.js';
import { exportableDocument, importConfigDocument } from '../store/config-transfer.js';
import { foldEventsIntoStore } from '../store/growth-store.js';
import { rollKey } from '../engine/bones.js';
import { checkConfig, type ArchivedBuddy, type StoredBuddy } from '../store/schema.js';
import { findIdentity } from './identity.js';
import { clockAt } from './system-clock.js';
import { archiveText, makeArchive, MAX_ARCHIVE_BYTES, parseArchive, ArchiveError, type TransferArchive } from './transfer-archive.js';

export { ArchiveError };

/** What an archive holds, for the lines that describe it. */
export interface ArchiveContents {
  readonly buddy: StoredBuddy | undefined;
  readonly archived: readonly ArchivedBuddy[];
  readonly journalLines: number;
}

export function contentsOf(config: Readonly<Record<string, unknown>>, journal: JournalFiles): ArchiveContents {
  const data = checkConfig(config).data;
  return { buddy: data.buddy, archived: data.archive ?? [], journalLines: journal.previous.length + journal.current.length };
}

export interface ExportedArchive {
  readonly text: string;
  readonly contents: ArchiveContents;
}

/** Everything on this machine as one archive's text. Throws ArchiveError when it would be too large to import. */
export function exportArchive(env: NodeJS.ProcessEnv, version: string, now: Date = new Date()): ExportedArchive {
  // Growth still in the event log belongs in the archive.
  foldEventsIntoStore(env, { clock: clockAt(now.getTime()), announce: false });
  const config = exportableDocument(env, now);
  const journal = journalForExport(env);
  const text = archiveText(makeArchive(config, journal, now, version));
  if (Buffer.byteLength(text) > MAX_ARCHIVE_BYTES) {
    throw new ArchiveError(`would be ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_ARCHIVE_BYTES / 1024 / 1024} MB an import reads`);
  }
  return { text, contents: contentsOf(config, journal) };
}

/** Reads and checks an archive file; throws FileAccessError (not a regular file, too large) or ArchiveError. */
export function readArchiveFile(file: string): TransferArchive | undefined {
  const text = readRegularText(file, { maxBytes: MAX_ARCHIVE_BYTES });
  return text === null ? undefined : parseArchiveText(text);
}

export function parseArchiveText(text: string): TransferArchive {
  return parseArchive(text, CONFIG_SCHEMA_VERSION);
}

/** What this machine has now, and what of it an import would put in the archive. */
export interface ImportPlan {
  readonly here: ArchiveContents;
  /** The current buddy here, when the archive has no buddy of its roll: it goes to the archive. */
  readonly archivedCurrent: StoredBuddy | undefined;
  /** The current buddy here, when the archive brings its own version of the same roll. */
  readonly replacedCurrent: StoredBuddy | undefined;
  /** Whether there is anything here an import would replace or move. */
  readonly anything: boolean;
}

export function planImport(env: NodeJS.ProcessEnv, archive: TransferArchive): ImportPlan {
  const data = readCheckedSnapshot(env).data;
  const journal = journalForExport(env);
  const here: ArchiveContents = { buddy: data.buddy, archived: data.archive ?? [], journalLines: journal.previous.length + journal.current.length };
  const incoming = contentsOf(archive.config, archive.journal);
  const rolls = new Set([...(incoming.buddy ? [incoming.buddy] : []), ...incoming.archived].map((buddy) => rollKey(buddy.bones)));
  const current = here.buddy;
  const held = current !== undefined && rolls.has(rollKey(current.bones));
  return {
    here,
    archivedCurrent: current && !held ? current : undefined,
    replacedCurrent: current && held ? current : undefined,
    anything: current !== undefined || here.archived.length > 0 || here.journalLines > 0,
  };
}

export interface ImportOutcome {
  readonly buddy: StoredBuddy | undefined;
  /** Buddies this machine had that the archive did not, now archived here. */
  readonly keptHere: readonly ArchivedBuddy[];
  readonly replacedLocalId: boolean;
  /**
   * The current buddy belongs to another identity than this machine's (`hereHash` undefined: this machine has
   * no identity yet, and its first command makes a new local one). Undefined when it does not.
   */
  readonly otherIdentity: { readonly buddyHash: string; readonly hereHash: string | undefined } | undefined;
}

/** Writes the archive into this machine's store and journal. Files that could not be written are found first. */
export function importArchive(env: NodeJS.ProcessEnv, archive: TransferArchive, now: Date = new Date()): ImportOutcome {
  // Reading the identity first: a Claude Code account file that cannot be read stops the import here.
  findIdentity(undefined, env);
  checkJournalWritable(env);
  // This machine's own growth goes with its own buddies before they are archived.
  foldEventsIntoStore(env, { clock: clockAt(now.getTime()), announce: false });
  const imported = importConfigDocument(env, archive.config, now);
  replaceJournal(env, archive.journal);
  const buddy = imported.data.buddy;
  const identity = findIdentity(undefined, env);
  const hereHash = identity ? hashUserId(identity.userId) : undefined;
  const otherIdentity = buddy && buddy.idHash !== hereHash ? { buddyHash: buddy.idHash, hereHash } : undefined;
  return { buddy, keptHere: imported.keptHere, replacedLocalId: imported.replacedLocalId, otherIdentity };
}
