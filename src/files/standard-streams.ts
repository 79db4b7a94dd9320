// The process's own descriptors (stdin, stdout): what kind of thing they are, and writing to one directly
// (the statusline and hooks write their answer straight to fd 1: setting up process.stdout as a stream
// costs a few milliseconds per host refresh).
import fs from 'node:fs';
import { readRegularText } from './read.js';
import { realPathOf } from './facts.js';

export type DescriptorStats = fs.Stats;

/** What an open descriptor is. Throws the operating system's error (a closed descriptor: EBADF). */
export function statDescriptor(descriptor: number): DescriptorStats {
  return fs.fstatSync(descriptor);
}

/** Writes all of `text` to an open descriptor. Throws the operating system's error (EPIPE: nobody listens). */
export function writeToDescriptor(descriptor: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(descriptor, bytes, offset, bytes.length - offset);
}

/** The access-mode bits of open flags (O_ACCMODE, which Node does not export). */
const ACCESS_MODE_MASK = 3;
const PROC_FILE_CAP = 64 * 1024;

/**
 * Node hands a process whose stdin was closed a /dev/null opened read-write in its place (a shell's
 * `< /dev/null` opens it read-only), so on Linux the two can be told apart. False wherever it cannot tell.
 */
export function stdinWasClosed(): boolean {
  try {
    const info = readRegularText('/proc/self/fdinfo/0', { maxBytes: PROC_FILE_CAP }) ?? '';
    const flags = /^flags:\s+(\d+)/m.exec(info)?.[1];
    return flags !== undefined && (parseInt(flags, 8) & ACCESS_MODE_MASK) === fs.constants.O_RDWR && realPathOf('/proc/self/fd/0') === '/dev/null';
  } catch {
    return false;
  }
}
