// `buddy log` and what goes into the journal: what the buddy says to `buddy say`, and what `buddy pet` and
// `buddy feed` are met with, each with the mood `buddy status` shows at that moment; and the log shows
// them: the last N, since a moment, as JSON lines, and cleared only after asking. Each command runs in
// process, through the dispatcher the built bin hands it to; tests/e2e/log-cli.test.ts runs the built bin
// for the statusline's reactions, the session greeting and the reply to a prompt (the hooks' and the
// statusline's own bundles), for following new lines until interrupted, and for a refusal.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useJournalHome } from '../helpers/journal-home.js';
import { runInProcess } from '../helpers/in-process.js';

const home = useJournalHome();
const { journalFile, previousFile, journalLines, writeHistory } = home;

/** `buddy ARGS` in process, with the sandbox's environment. */
const buddy = (args: readonly string[], input?: string) => runInProcess(args, { env: home.env, ...(input === undefined ? {} : { input }) });

describe('what goes into the journal', () => {
  it('keeps what the buddy says to buddy say, with the source, session, name and mood', async () => {
    const before = JSON.parse((await buddy(['status', '--json'])).stdout).mood;
    const said = await buddy(['say', `${home.name}, the parser tests are failing`]);
    const reply = said.stdout.replace(`${home.name}: `, '').trim();
    const ignored = await buddy(['say', 'nice weather']);
    const emote = ignored.stdout.split('\n')[0]!.replace(`${home.name}: `, '');
    const lines = journalLines();
    expect(lines.map((line) => line.text)).toEqual([reply, emote]);
    for (const line of lines) {
      expect(line).toMatchObject({ source: 'say', name: home.name });
      expect(line.session).toMatch(/^say-\d+$/);
      expect(Date.now() - Date.parse(line.at!)).toBeLessThan(60_000);
    }
    // Its mood, as buddy status shows it (never its temperament): as it was when it answered, then cheerful
    // once the conversation counted as care.
    expect(lines.map((line) => line.mood)).toEqual([before, 'cheerful']);
    expect(JSON.parse((await buddy(['status', '--json'])).stdout).mood).toBe('cheerful');
  });

  it('keeps what buddy pet and buddy feed are met with, as they print it, with the mood status shows after', async () => {
    const petted = await buddy(['pet']);
    const fed = await buddy(['feed', '--no-anim']);
    expect(petted.code, petted.stderr).toBe(0);
    expect(fed.code, fed.stderr).toBe(0);
    const cares = journalLines().filter((line) => line.source === 'care');
    expect(cares.map((line) => line.text)).toEqual([petted.stdout.split('\n')[0]!.replace(`${home.name}: `, '').replace(/ ♥$/, ''), fed.stdout.split('\n')[0]!.replace(`${home.name} `, '')]);
    for (const line of cares) expect(line).toMatchObject({ name: home.name, mood: 'cheerful', session: expect.stringMatching(/^care-\d+$/) });
    expect(JSON.parse((await buddy(['status', '--json'])).stdout).mood).toBe('cheerful');
    const shown = await buddy(['log']);
    expect(shown.stdout).toMatch(new RegExp(`  care {6}${home.name}: munches the snack, crumbs everywhere\\. nom!$`, 'm'));
  });
});

describe('buddy log', () => {
  it('shows the lines oldest first, the last N, since a moment, and as JSON lines', async () => {
    writeHistory();
    const all = await buddy(['log']);
    expect(all.code).toBe(0);
    expect(all.stderr).toBe('');
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}  reaction  ${home.name}: Old news\\.$`));
    expect(lines[2]).toMatch(new RegExp(`  say       ${home.name}: Fresh line\\.$`));

    expect((await buddy(['log', '-n', '1'])).stdout).toMatch(/Fresh line\.\n$/);
    expect((await buddy(['log', '--since', '2h'])).stdout.trimEnd().split('\n')).toHaveLength(2);
    expect((await buddy(['log', '--since', '30m'])).stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((await buddy(['log', '--since', '2h', '-n', '1'])).stdout).toMatch(/Fresh line\.\n$/);

    const json = await buddy(['log', '--json', '--since', '2h']);
    const objects = json.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(objects.map((object) => Object.keys(object))).toEqual([
      ['at', 'source', 'session', 'name', 'text'],
      ['at', 'source', 'name', 'text'],
    ]);
    expect(objects.map((object) => object.text)).toEqual(['Hello again.', 'Fresh line.']);
  });

  it('takes a date that exists, 29 February of a leap year included', async () => {
    writeHistory();
    const result = await buddy(['log', '--since', '2024-02-29']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('says so on stderr when there is nothing to show, and prints nothing', async () => {
    const empty = await buddy(['log']);
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'buddy: nothing in the journal yet\n' });
    writeHistory();
    expect(await buddy(['log', '--since', '1m'])).toMatchObject({ code: 0, stdout: '', stderr: 'buddy: nothing in the journal since then\n' });
    expect(await buddy(['log', '--since', '1m', '--json'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it.each([
    [['--since', 'yesterday'], '--since takes a duration'],
    [['--since', '2y'], '--since takes a duration'],
    [['--since', '2026-02-30'], '--since 2026-02-30 is not a date on the calendar'],
    [['--since', '2026-13-01'], '--since 2026-13-01 is not a date on the calendar'],
    [['--since', '2025-02-29'], '--since 2025-02-29 is not a date on the calendar'],
    [['-n', '0'], '-n must be between 1 and'],
    [['-n', 'ten'], '-n must be a whole number'],
    [['--clear', '-n', '3'], '--clear takes no other option'],
    [['--bogus'], "unknown option '--bogus'"],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    // The first also through the built bin: tests/e2e/log-cli.test.ts.
    const result = await buddy(['log', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('clears the journal only after asking: without a terminal it needs --yes, and changes nothing without it', async () => {
    writeHistory();
    const before = fs.readFileSync(journalFile());
    const refused = await buddy(['log', '--clear']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('buddy: log --clear: not confirmed (answer y, or pass --yes)\n');
    expect(fs.readFileSync(journalFile()).equals(before)).toBe(true);

    fs.writeFileSync(previousFile(), fs.readFileSync(journalFile()));
    const cleared = await buddy(['log', '--clear', '--yes']);
    expect(cleared).toMatchObject({ code: 0, stdout: 'Cleared the journal (6 lines).\n', stderr: '' });
    expect(fs.existsSync(journalFile())).toBe(false);
    expect(fs.existsSync(previousFile())).toBe(false);
    expect((await buddy(['log', '--clear'])).stdout).toBe('The journal is already empty.\n');
  });
});
