// A host's config file as Buddy reads and writes it (Claude Code's settings, Codex's config.toml, Gemini
// CLI's settings.json), through the file-access layer: only a regular file, or a symlink to one, is read
// (without blocking, at most HOST_FILE_CAP bytes) and replaced (atomically, through the link, which stays a
// link, with the file's mode and owner kept). A FIFO, a device, a socket, a folder, a dangling link, a
// file over the cap, a read-only file and a permission error are each refused with one line, before
// anything is changed. A missing file is no error.
import path from 'node:path';
import { removeRegularFile } from '../files/entries.js';
import { FileAccessError } from '../files/errors.js';
import { HOST_FILE_CAP, readRegularText } from '../files/read.js';
import { isReadOnly, replaceFileAtomically, resolveWriteTarget } from '../files/replace.js';
import { sweepTemporaries } from '../files/temporaries.js';
import { isBlank, splitBom, type JsonText } from './text/json-text-edit.js';

export class SettingsFileError extends Error {}

/** The file as found: where a write lands (a symlink's target), the text or null, and whether it may be written. */
export interface SettingsOnDisk {
  readonly target: string;
  readonly text: string | null;
  /** Its owner made it read-only: Buddy reads it, but never changes it. */
  readonly readOnly: boolean;
}

const NOTHING_CHANGED = 'Nothing was changed.';

/** One line naming the file, ending with what it means: nothing was changed. */
function settingsError(error: unknown, file: string, action: string): SettingsFileError {
  if (error instanceof SettingsFileError) return error;
  const message = error instanceof FileAccessError ? error.message : `cannot ${action} ${file}: ${((error as Error | undefined)?.message ?? String(error)).split('\n')[0]}`;
  return new SettingsFileError(/nothing was changed$/i.test(message) ? `${message}.` : `${message}. ${NOTHING_CHANGED}`);
}

export function readSettingsFile(file: string): SettingsOnDisk {
  try {
    // Where a write would land, looked at without opening anything: a FIFO or a device (at the path or at
    // the end of a link) is refused here, before a read could block on it or a write replace it.
    const { target, existing } = resolveWriteTarget(file);
    if (!existing) return { target, text: null, readOnly: false };
    return { target, text: readRegularText(target, { maxBytes: HOST_FILE_CAP }), readOnly: isReadOnly(target, existing) };
  } catch (error) {
    throw settingsError(error, file, 'read');
  }
}

/** The JSON after any byte order mark, checked the way a host that reads plain JSON (Claude Code) will. */
export function checkedJson(file: string, text: string | null): JsonText {
  const { bom, body } = splitBom(text ?? '');
  if (isBlank(body)) return { bom, body };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new SettingsFileError(`${file} is not valid JSON; fix it (or move it aside) and run this again. Nothing was changed.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingsFileError(`${file} does not hold a JSON object. Nothing was changed.`);
  }
  return { bom, body };
}

/** Refuses, before a backup or an edit, a file its owner made read-only. */
export function refuseReadOnly(file: string, disk: SettingsOnDisk): void {
  if (disk.readOnly) throw new SettingsFileError(`${file} is read-only; Buddy leaves it as it is (make it writable to let Buddy change it). ${NOTHING_CHANGED}`);
}

/**
 * Replaces the file's text atomically (through a symlink to its target); a new file gets `newFileMode`.
 * Leftovers of an earlier Buddy that was killed mid-write are cleared from its folder first.
 */
export function writeSettingsFile(file: string, disk: SettingsOnDisk, text: string, newFileMode: number): void {
  refuseReadOnly(file, disk);
  sweepTemporaries(path.dirname(disk.target), Date.now(), { onlyBuddys: true });
  try {
    replaceFileAtomically(file, text, { newFileMode, durable: true });
  } catch (error) {
    throw settingsError(error, file, 'write');
  }
}

/** Takes away a file Buddy made itself (only a regular file: a link put there since stays). */
export function removeSettingsFile(file: string, disk: SettingsOnDisk): void {
  refuseReadOnly(file, disk);
  try {
    removeRegularFile(file);
  } catch (error) {
    throw settingsError(error, file, 'remove');
  }
}
