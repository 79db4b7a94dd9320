// `buddy export -` and `buddy import -` end to end: the built bin writes the archive to its stdout and reads
// it back from its stdin, into a fresh home, byte for byte. Every other export and import case runs in
// process, in tests/buddy/export-import.test.ts.
import { describe, expect, it } from 'vitest';
import { runBuddy, type RunResult } from '../helpers/cli.js';
import { bytes, configOf, useExportHomes, type Sandbox } from '../helpers/export-homes.js';

const buddy = (sandbox: Sandbox, args: readonly string[], input?: string): Promise<RunResult> => runBuddy(args, { env: sandbox.env, cwd: sandbox.dir, ...(input === undefined ? {} : { input }) });
const { home, grownHome } = useExportHomes(buddy);

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
