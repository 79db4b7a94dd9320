// Growth branches end to end with the built bin: a buddy that hatched three weeks ago and grew past level 10
// on nights of fixing failing tests (an events.log of late-night work) is raised on late nights, and says
// so in `buddy status`, `status --json` and the card; the branch is kept on the commands after.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { useGrowthHome } from '../helpers/growth-home.js';

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;
const home = useGrowthHome(runBuddy);

const configFile = (): string => path.join(home.env.BUDDY_CONFIG_DIR as string, 'config.json');
const line = (kind: string, at: number): string => `${JSON.stringify({ k: kind, at, tz: 0 })}\n`;

/** Moves the hatch three weeks back, so a log of the nights since then counts (nothing before the hatch does). */
function hatchedWeeksAgo(now: number): void {
  const config = JSON.parse(fs.readFileSync(configFile(), 'utf8'));
  const hatched = now - 21 * DAY_MS;
  config.buddy.hatchedAt = new Date(hatched).toISOString();
  config.buddy.growth.startedAt = hatched;
  fs.writeFileSync(configFile(), JSON.stringify(config));
}

/** Seven nights, each from 22:00 to 04:59 UTC (the events' own zone): three fixes an hour, 400 XP a night at the caps. */
function lateNights(now: number): string {
  const firstNight = Math.floor(now / DAY_MS) * DAY_MS - 10 * DAY_MS + 22 * HOUR_MS;
  const lines: string[] = [];
  for (let night = 0; night < 7; night++) {
    for (let hour = 0; hour < 7; hour++) {
      for (let fix = 0; fix < 3; fix++) lines.push(line('recovered', firstNight + night * DAY_MS + hour * HOUR_MS + fix * 60_000));
    }
  }
  return lines.join('');
}

describe('a buddy raised on late nights', () => {
  it('shows its branch in status, status --json and the card, and keeps it', async () => {
    const name = await home.hatched();
    const now = Date.now();
    hatchedWeeksAgo(now);
    fs.writeFileSync(path.join(home.env.BUDDY_CONFIG_DIR as string, 'events.log'), lateNights(now));

    const status = await runBuddy(['status'], { env: home.env });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`${name} is not a hatchling any more, raised on late nights.`);
    expect(status.stdout).toMatch(/level 1[0-9] young/);
    expect(status.stdout).toMatch(/raised {7}young: on late nights\n/);

    const json = JSON.parse((await runBuddy(['status', '--json'], { env: home.env })).stdout);
    expect(json).toMatchObject({ stage: 'young', branch: 'night', branches: { young: 'night' } });
    expect(json.level).toBeGreaterThanOrEqual(10);

    const card = await runBuddy(['card'], { env: home.env });
    expect(card.code, card.stderr).toBe(0);
    expect(card.stdout).toContain('young · raised on late nights');

    const svg = await runBuddy(['card', '--svg'], { env: home.env });
    expect(svg.stdout).toContain('young · raised on late nights');

    expect(home.readGrowth().branches).toEqual({ young: 'night' });
    expect(home.readGrowth().raising).toEqual({ care: 0, work: expect.any(Number), night: expect.any(Number) });
  }, 60_000);

  it('shows no branch for a hatchling', async () => {
    await home.hatched();
    const json = JSON.parse((await runBuddy(['status', '--json'], { env: home.env })).stdout);
    expect(json).toMatchObject({ stage: 'hatchling', branch: null, branches: {} });
    const status = await runBuddy(['status'], { env: home.env });
    expect(status.stdout).not.toContain('raised');
  });
});
