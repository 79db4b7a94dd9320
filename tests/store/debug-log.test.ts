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
