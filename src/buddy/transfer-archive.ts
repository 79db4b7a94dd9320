// The file `buddy export` writes and `buddy import` reads: one JSON object holding the config (the current
// buddy and the archived ones, each with its soul, memory and growth; the settings and the local ID) and
// the journal, under a format name and version. Reading it checks all of it, strictly, with the store's
// schema and the journal's, before anything is changed: the first problem is said in one line.
import { OWN_FILE_CAP } from '../files/read.js';
import { strictConfigProblem } from '../store/strict-config.js';
import { journalProblem, type JournalFiles } from '../journal/transfer.js';

export const ARCHIVE_FORMAT = 'buddy-export';
/** The version this Buddy writes, and the newest it reads. */
export const ARCHIVE_VERSION = 1;
/** An archive is one of Buddy's own files: the same cap as the config it carries. */
export const MAX_ARCHIVE_BYTES = OWN_FILE_CAP;

const ARCHIVE_KEYS = ['format', 'version', 'exportedAt', 'exportedBy', 'config', 'journal'];

export interface TransferArchive {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  /** The Buddy that wrote it (`buddy 1.2.3`), for the person reading it. */
  readonly exportedBy: string;
  /** The config file's whole object, as the exporting machine's store holds it. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly journal: JournalFiles;
}

/** A file that is not an archive this Buddy can import; the message is the one line to show. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

export function makeArchive(config: Readonly<Record<string, unknown>>, journal: JournalFiles, at: Date, version: string): TransferArchive {
  return { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: at.toISOString(), exportedBy: `buddy ${version}`, config, journal };
}

export function archiveText(archive: TransferArchive): string {
  return `${JSON.stringify(archive, null, 2)}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The archive in `text`, checked whole; throws ArchiveError naming the first problem. */
export function parseArchive(text: string, schemaVersion: string): TransferArchive {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ArchiveError('is not a Buddy export (not JSON; it may be cut short or damaged)');
  }
  if (!isObject(raw) || raw.format !== ARCHIVE_FORMAT) throw new ArchiveError(`is not a Buddy export (no "format": "${ARCHIVE_FORMAT}")`);
  const { version } = raw;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) throw new ArchiveError('is not a Buddy export (its version is not a whole number)');
  if (version > ARCHIVE_VERSION) {
    throw new ArchiveError(`was made by a newer Buddy (export version ${version}; this Buddy reads version ${ARCHIVE_VERSION}): update Buddy to import it`);
  }
  const unknown = Object.keys(raw).find((key) => !ARCHIVE_KEYS.includes(key));
  if (unknown !== undefined) throw new ArchiveError(`holds "${unknown.slice(0, 40)}", which a version ${ARCHIVE_VERSION} export does not`);
  if (typeof raw.exportedAt !== 'string' || !Number.isFinite(Date.parse(raw.exportedAt))) throw new ArchiveError('is damaged: exportedAt is not a date');
  if (typeof raw.exportedBy !== 'string' || raw.exportedBy.length > 100) throw new ArchiveError('is damaged: exportedBy is not valid');
  const configProblem = strictConfigProblem(raw.config, schemaVersion);
  if (configProblem !== undefined) throw new ArchiveError(`is damaged: ${configProblem}`);
  const problem = journalProblem(raw.journal);
  if (problem !== undefined) throw new ArchiveError(`is damaged: ${problem}`);
  return raw as unknown as TransferArchive;
}
