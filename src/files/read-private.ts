// Reading Buddy's own small files on the statusline's path (session state): opened straight away, with no
// look first, so the usual refresh pays one open per file as before. That is safe here because the open
// itself refuses what read.ts looks for: O_NOFOLLOW (no symlink, so nothing can point it at a device
// elsewhere), O_NONBLOCK (a FIFO fails or opens without waiting), and a regular-file check on the open
// descriptor before a byte is read. Files that may be links (the config, other programs' files) go
// through read.ts instead.
import { FileAccessError } from './errors.js';
import { jsonFileRead, type JsonFileRead, type ReadOptions } from './read.js';
import { withOpenFile } from './partial-read.js';

function tooBig(file: string, maxBytes: number): FileAccessError {
  return new FileAccessError('too-big', file, `${file} is too large to read (the limit is ${maxBytes} bytes)`);
}

/** The text of one of Buddy's own files, or null when nothing is there. Throws FileAccessError. */
export function readPrivateText(file: string, options: ReadOptions): string | null {
  const text = withOpenFile(file, (opened) => {
    if (opened.sizeAtOpen > options.maxBytes) throw tooBig(file, options.maxBytes);
    const bytes = opened.read(0, options.maxBytes + 1);
    if (bytes.length > options.maxBytes) throw tooBig(file, options.maxBytes);
    return bytes.toString('utf8');
  });
  return text ?? null;
}

/** A JSON document from one of Buddy's own files; one that does not parse is reported, not thrown. */
export function readPrivateJson(file: string, options: ReadOptions): JsonFileRead {
  return jsonFileRead(readPrivateText(file, options));
}
