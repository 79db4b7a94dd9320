// `buddy status` and the mini-game, end to end with the built bin: no game line before the first round;
// after rounds, the best of each mode and the rounds played, in the text and in --json.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuddy } from '../helpers/cli.js';
import { useGrowthHome } from '../helpers/growth-home.js';
import { EVENTS_FILE_NAME } from '../../src/store/event-log.js';

const home = useGrowthHome(runBuddy);

function writeRounds(rounds: readonly { n: number; m: string }[]): void {
  const now = Date.now();
  const lines = rounds.map((round, index) => `${JSON.stringify({ k: 'played', at: now + index, tz: 0, n: round.n, m: round.m })}\n`).join('');
  fs.appendFileSync(path.join(home.env.BUDDY_CONFIG_DIR as string, EVENTS_FILE_NAME), lines);
}

describe('buddy status and the mini-game', () => {
  it('shows no game line and a null game before the first round', async () => {
    await home.hatched();
    const text = await runBuddy(['status'], { env: home.env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(/^game/m);
    const json = await runBuddy(['status', '--json'], { env: home.env });
    expect(JSON.parse(json.stdout).game).toBeNull();
  });

  it('shows the best of each mode and the rounds once played', async () => {
    await home.hatched();
    writeRounds([
      { n: 14, m: 'live' },
      { n: 9, m: 'turns' },
      { n: 3, m: 'live' },
      { n: 0, m: 'turns' },
      { n: 7, m: 'live' },
      { n: 2, m: 'turns' },
      // Refused: a score no round can reach.
      { n: 100, m: 'live' },
    ]);
    const text = await runBuddy(['status'], { env: home.env });
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines).toContain('game         best 14 live · 9 turns · 6 rounds');
    expect(lines.findIndex((line) => line.startsWith('game'))).toBe(lines.findIndex((line) => line.startsWith('remarks')) - 1);
    const json = await runBuddy(['status', '--json'], { env: home.env });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).game).toEqual({ rounds: 6, best: { live: 14, turns: 9 } });
  });

  it('says one round in the singular', async () => {
    await home.hatched();
    writeRounds([{ n: 0, m: 'turns' }]);
    const text = await runBuddy(['status'], { env: home.env });
    expect(text.stdout.split('\n')).toContain('game         best 0 live · 0 turns · 1 round');
  });
});
