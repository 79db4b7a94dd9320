// `buddy export` and `buddy import` in throwaway homes. A round trip into a fresh home gives the exporting
// home's config and journal byte for byte; every refusal is one line and changes nothing; a home that has a
// buddy keeps it (archived) and is asked first. Each command runs in process, through the dispatcher the
// built bin hands it to, with no terminal on stdin; tests/e2e/export-import-cli.test.ts runs the built bin
// for the archive written to its stdout and read from its stdin.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type RunResult } from '../helpers/cli.js';
import { bytes, configOf, useExportHomes, type Sandbox } from '../helpers/export-homes.js';
import { runInProcess } from '../helpers/in-process.js';

const buddy = (sandbox: Sandbox, args: readonly string[]): Promise<RunResult> => runInProcess(args, { env: sandbox.env });
const { home, grownHome } = useExportHomes(buddy);
const oneLine = (result: RunResult): string[] => result.stderr.trimEnd().split('\n');

async function exported(sandbox: Sandbox): Promise<string> {
  const file = path.join(sandbox.dir, 'buddy-export.json');
  const result = await buddy(sandbox, ['export', file]);
  expect(result.code, result.stderr).toBe(0);
  return file;
}

describe('buddy export → buddy import', () => {
  it('gives a fresh home the exporting home’s config and journal byte for byte', async () => {
    const from = await grownHome();
    const file = await exported(from);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const archive = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(archive.format).toBe('buddy-export');
    expect(archive.version).toBe(1);

    const to = home();
    const imported = await buddy(to, ['import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toBe('');
    expect(bytes(configOf(to))).toEqual(bytes(configOf(from)));
    expect(bytes(configOf(to, 'journal.jsonl'))).toEqual(bytes(configOf(from, 'journal.jsonl')));
    expect(fs.readFileSync(configOf(to, 'journal.jsonl'), 'utf8')).toContain('"source":"say"');

    // The same buddy, with the growth it had: the status of both homes agrees.
    const [a, b] = await Promise.all([buddy(from, ['status', '--json']), buddy(to, ['status', '--json'])]);
    const { needs: _a, ...there } = JSON.parse(a.stdout) as Record<string, unknown>;
    const { needs: _b, ...here } = JSON.parse(b.stdout) as Record<string, unknown>;
    expect(here).toEqual(there);
    expect(here.xp).toBeGreaterThan(0);
  });
});

describe('buddy export refuses', () => {
  it('an existing file without --force, and replaces it with --force', async () => {
    const from = home();
    const file = path.join(from.dir, 'taken.json');
    fs.writeFileSync(file, 'mine\n');
    const refused = await buddy(from, ['export', file]);
    expect(refused.code).toBe(1);
    expect(oneLine(refused)).toEqual([`buddy: export: ${file} already exists; pass --force to replace it. Nothing was written.`]);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine\n');
    const forced = await buddy(from, ['export', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string }).format).toBe('buddy-export');
  });

  it('a FIFO and a folder, even with --force, in one line', async () => {
    const from = home();
    const fifo = path.join(from.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const target of [fifo, from.dir]) {
      const result = await buddy(from, ['export', target, '--force']);
      expect(result.code).toBe(1);
      expect(oneLine(result)).toHaveLength(1);
      expect(result.stderr).toMatch(/^buddy: export: .*Buddy replaces only regular files/);
    }
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('a missing file name as a usage error', async () => {
    const result = await buddy(home(), ['export']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^buddy: export: name the file to write/);
  });
});

describe('buddy import refuses, in one line, changing nothing', () => {
  let archive: Record<string, unknown>;
  let to: Sandbox;

  beforeAll(async () => {
    const from = makeSandbox();
    from.env.BUDDY_USER_ID = 'export-user-1';
    try {
      for (const args of [['hatch'], ['say', 'hello there']]) expect((await buddy(from, args)).code).toBe(0);
      archive = JSON.parse((await buddy(from, ['export', '-'])).stdout) as Record<string, unknown>;
    } finally {
      from.cleanup();
    }
  });
  beforeEach(() => {
    to = home();
  });

  async function refused(text: string | Buffer, pattern: RegExp): Promise<void> {
    const file = path.join(to.dir, 'incoming.json');
    fs.writeFileSync(file, text);
    const result = await buddy(to, ['import', file, '--yes']);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(configOf(to))).toBe(false);
    expect(fs.existsSync(configOf(to, 'journal.jsonl'))).toBe(false);
  }

  it('a file from a newer Buddy', async () => {
    await refused(JSON.stringify({ ...archive, version: 2 }), /was made by a newer Buddy \(export version 2; this Buddy reads version 1\): update Buddy to import it\. Nothing was changed\.\n$/);
  });

  it('a config of a newer schema', async () => {
    const config = { ...(archive.config as object), __internal__: { migrations: { version: '9.0.0' } } };
    await refused(JSON.stringify({ ...archive, config }), /the config is of schema 9\.0\.0, newer than this Buddy's 1\.1\.0/);
  });

  it('a file cut short, and a JSON file that is no export', async () => {
    const text = JSON.stringify(archive);
    await refused(text.slice(0, text.length - 10), /incoming\.json is not a Buddy export \(not JSON/);
    await refused('{"settings":{}}', /is not a Buddy export \(no "format": "buddy-export"\)/);
  });

  it('a buddy that fails the store schema, an archived one too, and a bad journal line', async () => {
    const config = archive.config as { buddy: Record<string, unknown> };
    await refused(JSON.stringify({ ...archive, config: { ...config, buddy: { ...config.buddy, name: 'Two words' } } }), /is damaged: buddy\.name: name must be one word/);
    await refused(JSON.stringify({ ...archive, config: { ...config, archive: [{ ...config.buddy }] } }), /is damaged: archive\.0\.archivedAt is missing/);
    await refused(JSON.stringify({ ...archive, config: { ...config, settings: { muted: 'yes' } } }), /is damaged: settings\.muted is not valid/);
    const journal = archive.journal as { current: string[] };
    await refused(JSON.stringify({ ...archive, journal: { ...journal, current: [...journal.current, '{"text":"no time"}'] } }), /is damaged: journal\.current line \d+ is not a journal line/);
    await refused(JSON.stringify({ ...archive, journal: { ...journal, current: [`${journal.current[0]!}\n${journal.current[0]!}`] } }), /journal\.current line 1 is not a journal line/);
  });

  it('an oversized file, a FIFO and a folder, before reading them', async () => {
    const big = path.join(to.dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 16 * 1024 * 1024 + 1);
    const fifo = path.join(to.dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    for (const [file, pattern] of [
      [big, /too large to read \(16\.0 MB; the limit is 16\.0 MB\)/],
      [fifo, /is a named pipe \(FIFO\), not a regular file/],
      [to.dir, /is a folder, not a regular file/],
    ] as const) {
      const result = await buddy(to, ['import', file, '--yes']);
      expect(result.code, file).toBe(1);
      expect(oneLine(result)).toHaveLength(1);
      expect(result.stderr).toMatch(pattern);
    }
    expect(fs.existsSync(configOf(to))).toBe(false);
  });

  it('a file that is not there', async () => {
    const result = await buddy(to, ['import', path.join(to.dir, 'nothing.json')]);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toEqual([`buddy: import: ${path.join(to.dir, 'nothing.json')} does not exist`]);
  });
});

describe('buddy import onto a home with a buddy', () => {
  it('says what changes and needs --yes without a terminal; then keeps the old buddy in the archive', async () => {
    const from = await grownHome('export-user-1');
    const file = await exported(from);
    const to = await grownHome('export-user-2');
    const before = bytes(configOf(to));
    const oldName = (JSON.parse(before.toString('utf8')) as { buddy: { name: string } }).buddy.name;

    const asked = await buddy(to, ['import', file]);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain(`the current buddy here, goes to the archive (never deleted`);
    expect(oneLine(asked)).toEqual(['buddy: import: this machine already has a buddy or a journal; pass --yes to import over it (no terminal to ask on). Nothing was changed.']);
    expect(bytes(configOf(to))).toEqual(before);

    const imported = await buddy(to, ['import', file, '--yes']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`Archived from this machine: ${oldName} the`);
    // Its identity here (export-user-2) is not the one the imported buddy was hatched for.
    expect(imported.stdout).toMatch(/was hatched for another identity \(hash [0-9a-f]{8}…; this machine's is [0-9a-f]{8}…\)/);
    const list = await buddy(to, ['list']);
    expect(list.stdout).toContain(oldName);
    const config = JSON.parse(fs.readFileSync(configOf(to), 'utf8')) as { buddy: { name: string }; archive: { name: string }[] };
    expect(config.buddy.name).toBe((JSON.parse(bytes(configOf(from)).toString('utf8')) as { buddy: { name: string } }).buddy.name);
    expect(config.archive.map((item) => item.name)).toEqual([oldName]);
    expect(bytes(configOf(to, 'journal.jsonl'))).toEqual(bytes(configOf(from, 'journal.jsonl')));
  });

  it('of the same identity: the exported buddy replaces its own older self, and nothing is archived', async () => {
    const from = await grownHome('export-user-1');
    const file = await exported(from);
    const to = home('export-user-1');
    expect((await buddy(to, ['hatch'])).code).toBe(0);
    const imported = await buddy(to, ['import', file, '--yes']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).not.toContain('Archived from this machine');
    expect(imported.stdout).not.toContain('another identity');
    const config = JSON.parse(fs.readFileSync(configOf(to), 'utf8')) as { archive?: unknown[] };
    expect(config.archive).toBeUndefined();
  });
});
