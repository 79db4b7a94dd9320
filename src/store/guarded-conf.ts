// conf, made to read and write config.json through the file-access layer. conf itself reads the file with
// a plain readFileSync (a FIFO at the path hangs it; /dev/zero, or a link to it, grows it until memory runs
// out) and writes through its own temporary + rename (which replaces whatever is at the path: a device, a
// FIFO, the symlink itself). Here:
// - the store is read with readRegularText: never blocking, a regular file only (a symlink only to one),
//   capped; anything else throws FileAccessError, one line, before a byte is read;
// - every write goes through replaceFileAtomically, durable (the config holds the buddy): a regular file
//   only, its mode and owner kept, a read-only one refused, a symlink kept and its target replaced; a new
//   file is 0600 in a 0700 folder.
// Reading here rather than checking the path and then letting conf read it leaves no moment between the
// look and the read in which the path could be swapped. conf's getter and setter are replaced whole; what
// they do beyond reading and writing is encryption and schema validation, neither of which Buddy uses
// (the options below never ask for them; Buddy checks the config with its own schema, schema.ts).
import Conf from 'conf';
import { OWN_FILE_CAP, readRegularText } from '../files/read.js';
import { replaceFileAtomically } from '../files/replace.js';

type Store = Record<string, unknown>;

/** conf's own bookkeeping in the file: the schema version its migrations reached. */
export const INTERNAL_KEY = '__internal__';

/** conf's serializer (tab-indented JSON), so a file written here reads the same as one conf wrote. */
function serialize(value: Store): string {
  return JSON.stringify(value, undefined, '\t');
}

function writeStore(file: string, value: Store): void {
  replaceFileAtomically(file, serialize(value), { durable: true });
}

function emptyStore(): Store {
  return Object.create(null) as Store;
}

export class GuardedConf extends Conf<Store> {
  /** The file as an object; an empty store when it is missing. Throws FileAccessError, or SyntaxError for bad JSON. */
  override get store(): Store {
    const text = readRegularText(this.path, { maxBytes: OWN_FILE_CAP });
    if (text === null) return emptyStore();
    return Object.assign(emptyStore(), JSON.parse(text) as Store);
  }

  /** Writes the whole store, keeping conf's own bookkeeping (the migrated version) when `value` lacks it. */
  override set store(value: Store) {
    let next = value;
    if (!(INTERNAL_KEY in value)) {
      let current: Store | undefined;
      try {
        current = this.store;
      } catch {
        // A damaged file has nothing to keep; a file that cannot be read is refused by the write below.
      }
      if (current && INTERNAL_KEY in current) next = { ...value, [INTERNAL_KEY]: current[INTERNAL_KEY] };
    }
    writeStore(this.path, next);
    this.events.dispatchEvent(new Event('change'));
  }
}

// conf's migrations write through its private `_write` (not through the setter), so it is replaced too.
// TypeScript will not let a subclass declare a member its parent keeps private, hence the prototype.
Object.defineProperty(GuardedConf.prototype, '_write', {
  value(this: GuardedConf, value: Store): void {
    writeStore(this.path, value);
  },
  writable: true,
  configurable: true,
});
