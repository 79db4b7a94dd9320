// On a terminal, `buddy rescue` asks which of the two candidates the person had, takes the answer and keeps
// it: it is never asked again, and a rescue without a terminal keeps it too.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/dispatch.js';
import type { CliIo } from '../../src/cli/io.js';
import type { ConfigData } from '../../src/store/schema.js';
import { makeSandbox } from '../helpers/cli.js';

let sandbox: ReturnType<typeof makeSandbox>;
beforeEach(() => {
  sandbox = makeSandbox();
  const claudeDir = sandbox.env.CLAUDE_CONFIG_DIR as string;
  fs.mkdirSync(claudeDir, { recursive: true });
  fs.copyFileSync(new URL('../fixtures/claude-code/rescue/companion.json', import.meta.url), path.join(claudeDir, '.claude.json'));
});
afterEach(() => sandbox.cleanup());

/** A terminal that answers `answer` when asked which one (or, with `isTTY: false`, a pipe that cannot). */
function terminal(answer: string, isTTY = true): { io: CliIo; out: () => string; asked: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let asked = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => {
    asked += chunk.toString();
    if (asked.includes('Which one did you have?')) stdin.write(`${answer}\n`);
  });
  const io = { stdin, stdout, stderr, env: sandbox.env } as unknown as CliIo;
  return { io, out: () => out, asked: () => asked };
}

const readConfig = (): ConfigData => JSON.parse(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8'));

describe('buddy rescue on a terminal', () => {
  it('shows both candidates side by side and takes the one chosen', async () => {
    const { io, out, asked } = terminal('f');
    expect(await main(['rescue'], io)).toBe(0);
    expect(asked()).toContain('Which one did you have? [1/wyhash, 2/fnv1a]');
    expect(out()).toMatch(/wyhash \(the native installer\)\s+fnv1a \(an npm install\)/);
    expect(out()).toMatch(/common penguin\s+.*legendary dragon/);
    expect(readConfig().buddy).toMatchObject({ hashFn: 'fnv1a', name: 'Waddles', bones: { species: 'dragon' } });
  });

  it('changes nothing when no answer is given', async () => {
    const { io } = terminal('');
    expect(await main(['rescue'], io)).toBe(1);
    expect(fs.existsSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'))).toBe(false);
  });

  it('asks once: run again, on a terminal or not, it asks nothing and changes nothing, in one line', async () => {
    expect(await main(['rescue'], terminal('f').io)).toBe(0);
    expect(readConfig().buddy).toMatchObject({ hashFn: 'fnv1a', hashFnChosen: true });
    const config = fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json'));

    for (const again of [terminal('w'), terminal('', false)]) {
      expect(await main(['rescue'], again.io)).toBe(0);
      expect(again.asked()).toBe('');
      expect(again.out()).toBe('Waddles the dragon is already your buddy; nothing changed.\n');
    }
    expect(fs.readFileSync(path.join(sandbox.env.BUDDY_CONFIG_DIR as string, 'config.json')).equals(config)).toBe(true);
  });

  it('asks on a terminal when the one rescued before was only taken by default, and keeps the answer', async () => {
    const pipe = terminal('', false);
    expect(await main(['rescue'], pipe.io)).toBe(0);
    expect(readConfig().buddy).toMatchObject({ hashFn: 'wyhash', bones: { species: 'penguin' } });
    expect(readConfig().buddy).not.toHaveProperty('hashFnChosen');

    const asked = terminal('w');
    expect(await main(['rescue'], asked.io)).toBe(0);
    expect(asked.asked()).toContain('Which one did you have?');
    expect(asked.out()).toMatch(/Waddles the penguin is already your buddy; nothing changed\.\n$/);
    expect(readConfig().buddy).toMatchObject({ hashFn: 'wyhash', hashFnChosen: true });
    expect(readConfig().archive).toBeUndefined();

    const notAgain = terminal('f');
    expect(await main(['rescue'], notAgain.io)).toBe(0);
    expect(notAgain.asked()).toBe('');
    expect(readConfig().buddy).toMatchObject({ hashFn: 'wyhash', bones: { species: 'penguin' } });
  });
});
