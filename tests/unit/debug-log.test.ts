// The debug log: never follows a symlink, and never records an error's message (it may quote a prompt).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { debugLogFile, logDebug } from '../../src/integrations/debug-log.js';

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
