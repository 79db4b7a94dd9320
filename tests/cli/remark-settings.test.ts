// The remark settings from the command line: `buddy config watch` (on, local, off), `remarksPerHour` and
// `remarkTokensPerDay` (whole numbers in their ranges), and what `buddy status` says of them and of the
// budget's use, as text and in --json. Each command runs in process, through the dispatcher.
import { describe, expect, it } from 'vitest';
import { grouped, remarkStatusText } from '../../src/cli/remark-use.js';
import { reserveRemark } from '../../src/store/remark-budget.js';
import { useHatchedHome } from '../helpers/hatched-home.js';
import { runInProcess } from '../helpers/in-process.js';

const home = useHatchedHome();
const config = (...args: string[]): ReturnType<typeof runInProcess> => runInProcess(['config', ...args], { env: home.env });

describe('buddy config watch', () => {
  it('is on by default, and takes on, local and off', async () => {
    expect((await config('watch')).stdout).toBe('on\n');
    expect((await config('watch', 'local')).stdout).toBe('watch = local\n');
    expect((await config('watch')).stdout).toBe('local\n');
    expect((await config('watch', 'off')).stdout).toBe('watch = off\n');
    expect((await config('watch', 'on')).stdout).toBe('watch = on\n');
    expect((await config('watch', 'off')).code).toBe(0);
    expect((await config('watch', 'default')).stdout).toBe('watch = on (default)\n');
  });

  it.each(['loud', 'ON', 'true', ''])('refuses %j in one line, exit 2', async (value) => {
    expect(await config('watch', value)).toMatchObject({ code: 2, stdout: '', stderr: 'buddy: config: watch must be on, local or off, or default (see buddy config --help)\n' });
  });
});

describe('buddy config remarksPerHour and remarkTokensPerDay', () => {
  it.each([
    ['remarksPerHour', '0'],
    ['remarksPerHour', '60'],
    ['remarkTokensPerDay', '0'],
    ['remarkTokensPerDay', '1000000'],
  ])('%s takes %s', async (key, value) => {
    expect(await config(key, value)).toMatchObject({ code: 0, stdout: `${key} = ${value}\n` });
    expect((await config(key)).stdout).toBe(`${value}\n`);
  });

  it.each([
    ['remarksPerHour', '61', 'a whole number from 0 to 60'],
    ['remarksPerHour', '+1', 'a whole number from 0 to 60'],
    ['remarksPerHour', '1.5', 'a whole number from 0 to 60'],
    ['remarksPerHour', 'six', 'a whole number from 0 to 60'],
    ['remarkTokensPerDay', '1000001', 'a whole number from 0 to 1000000'],
    ['remarkTokensPerDay', '20,000', 'a whole number from 0 to 1000000'],
    ['remarkTokensPerDay', '1e4', 'a whole number from 0 to 1000000'],
    ['remarkTokensPerDay', '9999999999', 'a whole number from 0 to 1000000'],
  ])('%s refuses %s', async (key, value, hint) => {
    expect(await config(key, value)).toMatchObject({ code: 2, stdout: '', stderr: `buddy: config: ${key} must be ${hint}, or default (see buddy config --help)\n` });
  });

  it('returns each to its default', async () => {
    await config('remarksPerHour', '12');
    expect((await config('remarksPerHour', 'default')).stdout).toBe('remarksPerHour = 6 (default)\n');
    expect((await config('remarkTokensPerDay', '--unset')).stdout).toBe('remarkTokensPerDay = 20000 (default)\n');
  });

  it('lists every setting in one aligned column', async () => {
    const lines = (await config()).stdout.trimEnd().split('\n');
    expect(lines.slice(-3)).toEqual(['watch              on', 'remarksPerHour     6', 'remarkTokensPerDay 20000']);
    expect(lines[0]).toBe('animation          on');
  });
});

describe('buddy status: the remarks', () => {
  it('says the watch mode and the budget used this hour and today', async () => {
    const line = async (env: NodeJS.ProcessEnv): Promise<string | undefined> => (await runInProcess(['status'], { env })).stdout.split('\n').find((each) => each.startsWith('remarks'));
    const withKey = { ...home.env, ANTHROPIC_API_KEY: 'test-key' };
    expect(await line(home.env)).toBe('remarks      0 of 6 this hour · 0 of 20,000 tokens today (offline: no ANTHROPIC_API_KEY)');
    const now = Date.now();
    reserveRemark(home.env, { perHour: 6, tokensPerDay: 20_000 }, now, 1_234);
    reserveRemark(home.env, { perHour: 6, tokensPerDay: 20_000 }, now, 1);
    expect(await line(withKey)).toBe('remarks      2 of 6 this hour · 1,235 of 20,000 tokens today');
    await config('watch', 'local');
    expect(await line(withKey)).toBe('remarks      local (offline remarks only, nothing is sent)');
    await config('watch', 'off');
    expect(await line(withKey)).toBe('remarks      off (no remarks on the session; buddy config watch on)');
  });

  it('puts the same in --json', async () => {
    reserveRemark(home.env, { perHour: 6, tokensPerDay: 20_000 }, Date.now(), 500);
    await config('remarksPerHour', '9');
    const status = JSON.parse((await runInProcess(['status', '--json'], { env: { ...home.env, ANTHROPIC_API_KEY: 'test-key' } })).stdout);
    expect(status.remarks).toEqual({ watch: 'on', model: true, remarksThisHour: 1, remarksPerHour: 9, tokensToday: 500, tokensPerDay: 20_000 });
  });
});

describe('remarkStatusText', () => {
  const status = { watch: 'on', model: true, remarksThisHour: 0, remarksPerHour: 6, tokensToday: 1_234_567, tokensPerDay: 1_000_000 } as const;
  it('groups the digits the same on every machine', () => {
    expect(remarkStatusText(status)).toBe('0 of 6 this hour · 1,234,567 of 1,000,000 tokens today');
    expect([0, 7, 999, 1_000, 20_000, 123_456].map(grouped)).toEqual(['0', '7', '999', '1,000', '20,000', '123,456']);
  });
});
