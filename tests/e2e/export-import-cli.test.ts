// `buddy export -` and `buddy import -` end to end: the built bin writes the archive to its stdout and reads
// it back from its stdin, into a fresh home, byte for byte. Every other export and import case runs in
// process, in tests/buddy/export-import.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';

type Sandbox = ReturnType<typeof makeSandbox>;
let homes: Sandbox[] = [];

function home(userId = 'export-user-1'): Sandbox {
  const sandbox = makeSandbox();
  sandbox.env.BUDDY_USER_ID = userId;
  homes.push(sandbox);
  return sandbox;
}

const buddy = (sandbox: Sandbox, args: readonly string[], input?: string): Promise<RunResult> => runBuddy(args, { env: sandbox.env, cwd: sandbox.dir, ...(input === undefined ? {} : { input }) });
const configOf = (sandbox: Sandbox, name = 'config.json'): string => path.join(sandbox.env.BUDDY_CONFIG_DIR!, name);
const bytes = (file: string): Buffer => fs.readFileSync(file);

/** A home with a hatched buddy that has grown a little and said a few things. */
async function grownHome(userId?: string): Promise<Sandbox> {
  const sandbox = home(userId);
  for (const args of [['hatch'], ['pet'], ['feed'], ['say', 'hello there']]) {
    const result = await buddy(sandbox, args);
    expect(result.code, result.stderr).toBe(0);
  }
  return sandbox;
}

beforeEach(() => {
  homes = [];
});
afterEach(() => {
  for (const sandbox of homes) sandbox.cleanup();
});

describe('buddy export → buddy import', () => {
  it('writes the same archive to stdout with -, and reads one from stdin with -', async () => {
    const from = await grownHome();
    const out = await buddy(from, ['export', '-']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    expect((JSON.parse(out.stdout) as { format: string }).format).toBe('buddy-export');
    const to = home();
    const imported = await buddy(to, ['import', '-'], out.stdout);
    expect(imported.code, imported.stderr).toBe(0);
    expect(bytes(configOf(to))).toEqual(bytes(configOf(from)));
  });
});
