// The debug log: never follows a symlink, and never records an error's message (it may quote a prompt).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { debugLogFile, logDebug } from '../../src/store/debug-log.js';

let root: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-debug-log-'));
  env = { BUDDY_CACHE_DIR: path.join(root, 'cache') };
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('logDebug', () => {
  it('writes where and what kind of error, not its message', () => {
    logDebug(env, 'hook prompt', new TypeError('the prompt said zebra-secret'));
    const text = fs.readFileSync(debugLogFile(env), 'utf8');
    expect(text).toContain('hook prompt: TypeError');
    expect(text).not.toContain('zebra-secret');
  });

  it('writes no line of a message dressed as stack frames, and no escape or credential from a frame or a name', () => {
    const error = new Error('first line\n    at https://alice:hunter2@proxy/ (zebra-secret)\n    at \u001b]0;title\u0007');
    error.stack = `Error: ${error.message}\n    at run (/opt/app/https://bob:pw12345@host/\u001b[31mx.js:1:2)\n    at main (/opt/app/main.js:3:4)`;
    Object.defineProperty(error, 'name', { value: 'Bad\u001b[2J\u202eName' });
    logDebug(env, 'statusline', error);
    const text = fs.readFileSync(debugLogFile(env), 'utf8');
    expect(text.replace(/^\S+ /, '')).toBe('statusline: BadName\n    at run (/opt/app/https://***@host/x.js:1:2)\n    at main (/opt/app/main.js:3:4)\n');
  });

  it('never writes through a symlink', () => {
    const target = path.join(root, 'precious.txt');
    fs.writeFileSync(target, 'precious\n');
    fs.mkdirSync(path.dirname(debugLogFile(env)), { recursive: true });
    fs.symlinkSync(target, debugLogFile(env));
    logDebug(env, 'statusline', new Error('boom'));
    expect(fs.readFileSync(target, 'utf8')).toBe('precious\n');
    expect(fs.lstatSync(debugLogFile(env)).isSymbolicLink()).toBe(true);
  });
});

describe('what a line of the debug log holds', () => {
  /** The logged text after the time stamp. */
  const logged = (error: unknown): string => {
    logDebug(env, 'hook', error);
    return fs.readFileSync(debugLogFile(env), 'utf8').replace(/^\S+ /, '');
  };
  const withStack = (message: string, stack: string): Error => Object.assign(new Error(message), { stack });

  it('lives in the cache folder as debug.log', () => {
    expect(debugLogFile(env)).toBe(path.join(root, 'cache', 'debug.log'));
  });

  it('names only the type of a thrown value that is not an Error', () => {
    expect(logged('the prompt said zebra-secret')).toBe('hook: string\n');
  });

  it('adds an error\'s code, keeping only its letters, digits, underscores and dashes', () => {
    expect(logged(Object.assign(withStack('m', 'Error: m'), { code: 'ENOENT' }))).toBe('hook: Error (ENOENT)\n');
    fs.rmSync(debugLogFile(env));
    expect(logged(Object.assign(withStack('m', 'Error: m'), { code: 'E/x y_1-2' }))).toBe('hook: Error (Exy_1-2)\n');
    fs.rmSync(debugLogFile(env));
    expect(logged(Object.assign(withStack('m', 'Error: m'), { code: 404 }))).toBe('hook: Error\n');
  });

  it('keeps the first 8 frames, and only lines that start with space and "at "', () => {
    const frames = Array.from({ length: 10 }, (_, i) => `    at f${i} (a.js:${i}:1)`);
    const text = logged(withStack('m', ['Error: m', 'a line that is not a frame at all', ...frames].join('\n')));
    expect(text).toBe(`hook: Error\n${frames.slice(0, 8).join('\n')}\n`);
  });

  it('reads frames from the whole stack when the message is not in it, or is empty', () => {
    const stack = ' at first (a.js:1:1)\n at second (b.js:2:2)';
    expect(logged(withStack('a message the stack does not hold', stack))).toBe('hook: Error\n    at first (a.js:1:1)\n    at second (b.js:2:2)\n');
    fs.rmSync(debugLogFile(env));
    expect(logged(withStack('', stack))).toBe('hook: Error\n    at first (a.js:1:1)\n    at second (b.js:2:2)\n');
  });

  it('starts the file again once it holds more than 256 KiB, and not before', () => {
    fs.mkdirSync(path.dirname(debugLogFile(env)), { recursive: true });
    fs.writeFileSync(debugLogFile(env), 'x'.repeat(256 * 1024));
    logDebug(env, 'hook', 'kept');
    expect(fs.statSync(debugLogFile(env)).size).toBeGreaterThan(256 * 1024);
    logDebug(env, 'hook', 'restart');
    expect(fs.readFileSync(debugLogFile(env), 'utf8')).toMatch(/^\S+ hook: string\n$/);
  });
});
