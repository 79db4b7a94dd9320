// Nothing is lost and nothing is counted twice when everything writes at once: two pet screens petting and
// folding, `buddy pet`, `buddy feed` and `buddy status` from the command line, the statusline in three
// sessions (two refreshes of each reading the same transcript bytes at once), and a writer repeating one
// event. Every process runs for real, in parallel, at low priority.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEventLines } from '../../src/game/events.js';
import { levelForXp } from '../../src/game/levels.js';
import { BIN, makeSandbox, runBuddy, type RunResult } from '../helpers/cli.js';
import { bundleGrowthChild, type GrowthChild } from '../helpers/growth-child.js';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'claude-code');
/** A fixture transcript as the host writes it for a session: its records carry the session's id. */
const fixture = (name: string, sessionId: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8').replaceAll('4f1c2a7e-9b3d-4c1a-8e2f-6d5b0a9c3e71', sessionId);

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
let child: GrowthChild;

beforeAll(async () => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'growth-concurrency-1' };
  expect((await runBuddy(['hatch'], { env })).code).toBe(0);
  child = await bundleGrowthChild();
});

afterAll(() => {
  child?.cleanup();
  sandbox.cleanup();
});

/** A process at the lowest CPU priority: two dozen of them share two cores with the rest of the suite. */
function runNice(args: readonly string[], input = ''): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const process_ = spawn('nice', ['-n', '19', process.execPath, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    process_.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    process_.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    process_.on('error', reject);
    process_.on('close', (code) => resolve({ code, stdout, stderr }));
    process_.stdin.on('error', () => undefined);
    process_.stdin.end(input);
  });
}

const buddy = (...args: string[]): Promise<RunResult> => runNice([BIN, ...args]);

/**
 * A session whose tests fail and then pass; the last refresh runs twice at once over the same bytes. The
 * statusline keeps its own short deadlines, so it runs at normal priority, as a host runs it.
 */
async function statuslineSession(id: string): Promise<RunResult[]> {
  const transcript = path.join(sandbox.dir, `${id}.jsonl`);
  fs.writeFileSync(transcript, '');
  const payload = JSON.stringify({ session_id: id, transcript_path: transcript });
  const refresh = (): Promise<RunResult> => runBuddy(['statusline', '--format', 'plain'], { env, input: payload });
  const results = [await refresh()];
  fs.appendFileSync(transcript, fixture('transcript-tests-failed.jsonl', id));
  results.push(await refresh());
  fs.appendFileSync(transcript, fixture('transcript-tests-passed.jsonl', id));
  results.push(...(await Promise.all([refresh(), refresh()])));
  return results;
}

describe('growth with many writers at once', () => {
  it('counts every care and every witnessed event exactly once', async () => {
    const PET_SCREEN_PETS = 8;
    const results = (
      await Promise.all([
        runNice([child.script, 'pet-screen', String(PET_SCREEN_PETS)]),
        runNice([child.script, 'pet-screen', String(PET_SCREEN_PETS)]),
        runNice([child.script, 'repeat', '20', 'repeated:0:bigDiff']),
        runNice([child.script, 'repeat', '20', 'repeated:0:bigDiff']),
        ...Array.from({ length: 5 }, () => buddy('pet')),
        ...Array.from({ length: 3 }, () => buddy('feed')),
        ...Array.from({ length: 2 }, () => buddy('status', '--json')),
        ...['alpha', 'beta', 'gamma'].map(statuslineSession),
      ])
    ).flat();
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });

    const status = await runBuddy(['status', '--json'], { env });
    expect(status.code, status.stderr).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8'));
    const growth = config.buddy.growth;

    // Every line landed whole (none torn or interleaved), and all of it was folded: the position is the
    // end of the log.
    const log = fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'events.log'), 'utf8');
    const events = parseEventLines(log);
    expect(events).toHaveLength(log.trimEnd().split('\n').length);
    expect(config.events.offset).toBe(Buffer.byteLength(log));

    // Care is counted once per line; an event more than one process may have written, once per id.
    const care = (kind: string): number => events.filter((event) => event.kind === kind).length;
    const witnessed = (kind: string): number => new Set(events.filter((event) => event.kind === kind).map((event) => event.id)).size;
    expect(care('pet')).toBe(2 * PET_SCREEN_PETS + 5);
    expect(care('feed')).toBe(3);
    expect(events.filter((event) => event.id === 'repeated:0:bigDiff')).toHaveLength(40);
    // The first snack fills the hatchling's belly (80 %): the other two are turned down, whichever comes first.
    expect(growth.counts).toMatchObject({
      pets: 2 * PET_SCREEN_PETS + 5,
      feeds: 1,
      bigDiffs: 1,
      sessions: witnessed('session'),
      failures: witnessed('testsFailed'),
      recoveries: witnessed('recovered'),
    });
    // The sessions were seen (a statusline starved past its own deadline draws a plain line instead, so
    // the exact number of recoveries it saw depends on the machine's load; each is still counted once).
    expect(growth.counts.sessions).toBeGreaterThanOrEqual(3);
    const shown = JSON.parse(status.stdout);
    expect(shown.level).toBe(levelForXp(growth.xp));
    expect(shown.achievements.earned).toBeGreaterThanOrEqual(4);
  }, 180_000);
});
