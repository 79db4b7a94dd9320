// The facts travel with the buddy: `buddy export` carries the stored buddy whole, so its facts ride along,
// and `buddy import` brings them back byte for byte; an archive with a fact the schema refuses is refused
// whole, in one line, like a bad exchange. In process, through the dispatcher the built bin runs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers/cli.js';
import { bytes, configOf, useExportHomes, type Sandbox } from '../helpers/export-homes.js';
import { runInProcess } from '../helpers/in-process.js';

const buddy = (sandbox: Sandbox, args: readonly string[]): Promise<RunResult> => runInProcess(args, { env: sandbox.env });
const { home, grownHome } = useExportHomes(buddy);

async function homeWithFacts(): Promise<{ from: Sandbox; name: string }> {
  const from = await grownHome();
  const name = (JSON.parse(fs.readFileSync(configOf(from), 'utf8')) as { buddy: { name: string } }).buddy.name;
  for (const fact of ['I deploy on Fridays', 'standup moved to 10am']) expect((await buddy(from, ['say', `${name}, remember that ${fact}`])).code).toBe(0);
  return { from, name };
}

describe('facts in buddy export and import', () => {
  it('ride along with the buddy and come back byte for byte', async () => {
    const { from } = await homeWithFacts();
    const file = path.join(from.dir, 'export.json');
    expect((await buddy(from, ['export', file])).code).toBe(0);
    const archive = JSON.parse(fs.readFileSync(file, 'utf8')) as { config: { buddy: { facts: { text: string }[] } } };
    expect(archive.config.buddy.facts.map((fact) => fact.text)).toEqual(['I deploy on Fridays', 'standup moved to 10am']);

    const to = home();
    const imported = await buddy(to, ['import', file]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(bytes(configOf(to))).toEqual(bytes(configOf(from)));
    const [there, here] = await Promise.all([buddy(from, ['memory', '--json']), buddy(to, ['memory', '--json'])]);
    expect(here.stdout).toBe(there.stdout);
    expect(JSON.parse(here.stdout).facts).toHaveLength(2);
  });

  it.each([
    ['a fact without a date', (facts: unknown[]) => [...facts, { text: 'no date' }]],
    ['a fact with an escape code', (facts: unknown[]) => [...facts, { text: 'red \u001b[31m', at: '2026-12-01T10:00:00.000Z' }]],
    ['more than fifty facts', () => Array.from({ length: 51 }, (_, i) => ({ text: `fact ${i}`, at: '2026-12-01T10:00:00.000Z' }))],
  ])('refuse an archive with %s, in one line, changing nothing', async (_, change) => {
    const { from } = await homeWithFacts();
    const archive = JSON.parse((await buddy(from, ['export', '-'])).stdout) as { config: { buddy: { facts: unknown[] } } };
    archive.config.buddy.facts = change(archive.config.buddy.facts);
    const to = home();
    const file = path.join(to.dir, 'incoming.json');
    fs.writeFileSync(file, JSON.stringify(archive));
    const result = await buddy(to, ['import', file, '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^buddy: import: .*buddy\.facts holds a fact that is not valid, or more than 50\. Nothing was changed\.\n$/);
    expect(fs.existsSync(configOf(to))).toBe(false);
  });
});
