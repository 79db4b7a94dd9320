// The id of a message too long to keep: its bytes stream past once, and only the value of the top-level
// "id" member is held (at most MAX_ID_BYTES), so the host's request gets its error reply without Buddy
// ever holding the whole line. Structure bytes are ASCII, so UTF-8 text can be walked byte by byte.
import { isRequestId, type RequestId } from './rpc.js';

/** A longer id is not kept: the reply then carries null, as JSON-RPC says when the id cannot be read. */
const MAX_ID_BYTES = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const ID_KEY = [0x69, 0x64];
const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
const isNumberByte = (byte: number): boolean => (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2b || byte === 0x2e || byte === 0x65 || byte === 0x45;

/** Where the walk is, among the things it cares about: keys of the top-level object and the value of "id". */
type Expecting = 'nothing' | 'key' | 'colon' | 'id-value';

export class TopLevelIdScanner {
  private depth = 0;
  private topIsObject = false;
  private inString = false;
  private escaped = false;
  private expecting: Expecting = 'nothing';
  /** The key being read at the top level: its length so far, and whether it starts `id`. */
  private readingKey = false;
  private keyLength = 0;
  private keyCouldBeId = true;
  private keyIsId = false;
  /** The id's value being read: a string with its quotes, or a number. */
  private value: number[] | undefined;
  private valueIsString = false;
  private valueTooLong = false;
  private found: RequestId | null = null;

  /** The id found so far (the last "id" member wins, as with JSON.parse); null when there is none to use. */
  get id(): RequestId | null {
    return this.found;
  }

  feed(bytes: Uint8Array): void {
    // Where the next quote and backslash are in this chunk (-1: none left, -2: not looked yet): the
    // inside of a string nobody keeps is skipped with indexOf, which is what a long message mostly is.
    let quote = -2;
    let backslash = -2;
    let index = 0;
    while (index < bytes.length) {
      if (this.inString && !this.escaped && !this.value && !this.readingKey) {
        if (quote !== -1 && quote < index) quote = bytes.indexOf(QUOTE, index);
        if (backslash !== -1 && backslash < index) backslash = bytes.indexOf(BACKSLASH, index);
        const next = Math.min(quote === -1 ? bytes.length : quote, backslash === -1 ? bytes.length : backslash);
        if (next >= bytes.length) return;
        index = next;
      }
      this.step(bytes[index]!);
      index += 1;
    }
  }

  /** The line is over: a number still being read ends here. */
  end(): RequestId | null {
    if (this.value && !this.valueIsString) this.settle();
    return this.found;
  }

  private step(byte: number): void {
    if (this.inString) return this.stringByte(byte);
    if (this.value && !this.valueIsString) {
      if (isNumberByte(byte)) return this.capture(byte);
      this.settle();
    }
    if (isSpace(byte)) return;
    const atTop = this.depth === 1 && this.topIsObject;
    if (atTop && this.expecting === 'id-value') {
      this.expecting = 'nothing';
      if (byte === QUOTE) {
        this.startValue(byte, true);
        this.inString = true;
        return;
      }
      if (isNumberByte(byte)) {
        this.startValue(byte, false);
        return;
      }
      // null, true, false, an object or an array: not an id a reply can carry.
      this.found = null;
    }
    switch (byte) {
      case QUOTE:
        this.inString = true;
        if (atTop && this.expecting === 'key') {
          this.readingKey = true;
          this.keyLength = 0;
          this.keyCouldBeId = true;
        }
        return;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        this.depth += 1;
        if (this.depth === 1) {
          this.topIsObject = byte === OPEN_OBJECT;
          this.expecting = 'key';
        }
        return;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        this.depth = Math.max(0, this.depth - 1);
        return;
      case COMMA:
        if (atTop) this.expecting = 'key';
        return;
      case COLON:
        if (atTop && this.expecting === 'colon') this.expecting = this.keyIsId ? 'id-value' : 'nothing';
        return;
      default:
        return;
    }
  }

  private stringByte(byte: number): void {
    const closes = byte === QUOTE && !this.escaped;
    this.escaped = !this.escaped && byte === BACKSLASH;
    if (this.value) this.capture(byte);
    else if (this.readingKey && !closes) this.keyByte(byte);
    if (!closes) return;
    this.inString = false;
    if (this.value) return this.settle();
    if (this.readingKey) {
      this.readingKey = false;
      this.keyIsId = this.keyLength === 2 && this.keyCouldBeId;
      this.expecting = 'colon';
    }
  }

  /** A key is counted, not kept: only whether it is exactly `id` matters. */
  private keyByte(byte: number): void {
    if (this.keyLength < 2 && byte !== ID_KEY[this.keyLength]) this.keyCouldBeId = false;
    this.keyLength += 1;
  }

  private startValue(byte: number, isString: boolean): void {
    this.value = [byte];
    this.valueIsString = isString;
    this.valueTooLong = false;
  }

  private capture(byte: number): void {
    if (!this.value || this.valueTooLong) return;
    if (this.value.length < MAX_ID_BYTES) return void this.value.push(byte);
    // Too long to carry back: keep walking (a string still has to close), but forget the value.
    this.valueTooLong = true;
    this.value.length = 0;
  }

  private settle(): void {
    const bytes = this.value;
    const tooLong = this.valueTooLong;
    this.value = undefined;
    this.valueTooLong = false;
    if (!bytes) return;
    let parsed: unknown;
    try {
      parsed = tooLong ? undefined : JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      parsed = undefined;
    }
    this.found = isRequestId(parsed) ? parsed : null;
  }
}
