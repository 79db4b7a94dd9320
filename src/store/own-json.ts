// Reading Buddy's own JSON files (the config, its backup) through the file-access layer. A file that is
// missing or does not parse is an answer ("nothing there", "damaged"); a file that cannot be read at all
// (a FIFO, a device, a link to one, too big, not permitted) is not: it is never taken for a missing or a
// corrupt one, so nothing is moved aside or restored over it. That error (FileAccessError) is one line.
import { OWN_FILE_CAP, readJsonFile, type JsonFileRead } from '../files/read.js';

export function readOwnJson(file: string): JsonFileRead {
  return readJsonFile(file, { maxBytes: OWN_FILE_CAP });
}

/** The parsed value, or undefined when the file is missing or not JSON. Throws FileAccessError. */
export function ownJsonValue(file: string): unknown {
  const read = readOwnJson(file);
  return read.state === 'parsed' ? read.value : undefined;
}

/** For a file that only helps (the backup): unusable for any reason means "not there". */
export function optionalJsonValue(file: string): unknown {
  try {
    return ownJsonValue(file);
  } catch {
    return undefined;
  }
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
