// Newline-delimited messages from the host, with a bound on what is held: a line longer than the limit
// is not kept but walked past (only its top-level id is read, see oversize-id.ts) and reported as too
// long once its newline arrives. So a host can send a line of any length and Buddy holds at most the
// limit, plus the chunk being read.
import { TopLevelIdScanner } from './oversize-id.js';
import type { RequestId } from './rpc.js';

export type LineEvent = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'too-long'; readonly id: RequestId | null };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  /** Set while walking past a line over the limit. */
  private scanner: TopLevelIdScanner | undefined;

  /** `maxBytes` counts a line's bytes without its line ending (`\n` or `\r\n`). */
  constructor(private readonly maxBytes: number) {}

  /** The bytes held for the line being read: never more than the limit plus one (a possible `\r`). */
  get heldBytes(): number {
    return this.size;
  }

  /** The lines (and too-long lines) completed by this chunk, in order. */
  push(chunk: Buffer): LineEvent[] {
    const events: LineEvent[] = [];
    let start = 0;
    while (start <= chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      if (end > start) this.take(chunk.subarray(start, end));
      if (newline === -1) break;
      events.push(this.finish());
      start = newline + 1;
    }
    return events;
  }

  private take(piece: Buffer): void {
    if (this.scanner) return this.scanner.feed(piece);
    // One byte of slack: a `\r` before the newline is not part of the line.
    if (this.size + piece.length <= this.maxBytes + 1) {
      this.parts.push(piece);
      this.size += piece.length;
      return;
    }
    this.scanner = new TopLevelIdScanner();
    for (const part of this.parts) this.scanner.feed(part);
    this.scanner.feed(piece);
    this.parts = [];
    this.size = 0;
  }

  private finish(): LineEvent {
    const scanner = this.scanner;
    this.scanner = undefined;
    if (scanner) return { kind: 'too-long', id: scanner.end() };
    let line = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    if (line.at(-1) === CARRIAGE_RETURN) line = line.subarray(0, -1);
    if (line.length <= this.maxBytes) return { kind: 'line', text: line.toString('utf8') };
    const tooLong = new TopLevelIdScanner();
    tooLong.feed(line);
    return { kind: 'too-long', id: tooLong.end() };
  }
}
