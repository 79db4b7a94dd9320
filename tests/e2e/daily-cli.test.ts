// The daily greeting from the statusline, end to end with the built bin: the first Node refresh of a day
// greets (journaled once, source `daily`), the next refresh, in any session, does not; muted, nothing is
// said and the day stays unclaimed; the day a buddy hatches, the hatch was its hello.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeMessagesApi, textReply, type FakeMessagesApi } from '../helpers/fake-messages-api.js';
import { runBuddy } from '../helpers/cli.js';
import { useGrowthHome } from '../helpers/growth-home.js';

const home = useGrowthHome(runBuddy);
const configFile = (): string => path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json');

/** Dates the hatch two days back, so today is not its hatch day. */
function hatchedBefore(): void {
  const config = JSON.parse(fs.readFileSync(configFile(), 'utf8'));
  config.buddy.hatchedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
  fs.writeFileSync(configFile(), JSON.stringify(config, null, 2));
}

const refresh = (session: string, env: NodeJS.ProcessEnv = home.env) => runBuddy(['statusline', '--layout', 'full'], { env, input: JSON.stringify({ session_id: session }) });

let fake: FakeMessagesApi;
beforeAll(async () => {
  fake = await startFakeMessagesApi();
});
afterAll(async () => {
  await fake.close();
});

function dailyLines(): { text: string; source: string }[] {
  const file = path.join(home.env.BUDDY_CONFIG_DIR as string, 'journal.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((record) => record.source === 'daily');
}

/** The greeting's first words, as the statusline wraps them beside the sprite. */
const opening = (text: string): string => text.split(' ').slice(0, 2).join(' ');

describe('the daily greeting in the statusline', () => {
  it('greets on the first Node refresh of a day, once, and journals it once', async () => {
    await home.hatched();
    hatchedBefore();
    const first = await refresh('daily-a');
    expect(first.code, first.stderr).toBe(0);
    const said = dailyLines();
    expect(said).toHaveLength(1);
    expect(said[0]!.text).toMatch(/Hello|hello|morning|Good to see you|A new day/i);
    expect(first.stdout).toContain(opening(said[0]!.text));

    const other = await refresh('daily-b');
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).not.toContain(opening(said[0]!.text));
    expect(dailyLines()).toHaveLength(1);
  });

  it('says nothing muted, and leaves the day unclaimed until unmuted', async () => {
    await home.hatched();
    hatchedBefore();
    expect((await runBuddy(['mute'], { env: home.env })).code).toBe(0);
    await refresh('daily-a');
    expect(dailyLines()).toHaveLength(0);
    expect((await runBuddy(['unmute'], { env: home.env })).code).toBe(0);
    const after = await refresh('daily-b');
    expect(dailyLines()).toHaveLength(1);
    expect(after.stdout).toContain(opening(dailyLines()[0]!.text));
  });

  it('does not greet on the day the buddy hatched', async () => {
    await home.hatched();
    await refresh('daily-a');
    expect(dailyLines()).toHaveLength(0);
  });
  it('with a key, puts the model\'s greeting in the offline one\'s place, journaled once', async () => {
    await home.hatched();
    hatchedBefore();
    fake.script(textReply('A new day, and you came back. Hi!'));
    const env = { ...home.env, ANTHROPIC_API_KEY: 'sk-ant-api03-daily-e2e-000000000000000000000000', ANTHROPIC_BASE_URL: fake.url };
    const first = await refresh('daily-a', env);
    expect(first.code, first.stderr).toBe(0);
    await vi.waitFor(() => expect(dailyLines().map((line) => line.text)).toEqual(['A new day, and you came back. Hi!']), { timeout: 15_000, interval: 100 });
    expect(fake.requests[0]!.body.messages[0].content).toContain('just say hello for the new day');
    const next = await refresh('daily-a', env);
    expect(next.stdout).toContain('A new day, and you');
    expect(fake.requests).toHaveLength(1);
  });
});
