// `buddy card`: the card on the terminal, the SVG to stdout or a file, the SVG and the PNG in one go, and one
// clear line for what cannot be done. Each command runs in process, through the dispatcher the built bin
// hands it to; tests/e2e/card-cli.test.ts runs the built bin for the PNG (resvg, loaded by that command
// alone) and for a copy of the bundle without the renderer.
import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigData } from '../../src/store/schema.js';
import { type Sandbox } from '../helpers/cli.js';
import { hatchedInProcess } from '../helpers/hatched-in-process.js';
import { runInProcess } from '../helpers/in-process.js';

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
let name: string;

// buddy-93: a legendary Nebulynx.
const hatchedSandbox = hatchedInProcess('buddy-93');

beforeEach(() => {
  sandbox = hatchedSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' };
  name = (JSON.parse(fs.readFileSync(path.join(env.BUDDY_CONFIG_DIR as string, 'config.json'), 'utf8')) as ConfigData).buddy!.name;
});
afterEach(() => sandbox.cleanup());

/** `buddy ARGS` in process, with the sandbox's environment. */
const buddy = (args: readonly string[]) => runInProcess(args, { env });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('buddy card', () => {
  it('prints the card', async () => {
    const result = await buddy(['card']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`★★★★★  ${name} the Nebulynx  LEGENDARY`);
    expect(result.stdout).toContain('soul written offline');
    expect(result.stderr).toBe('');
  });

  it('writes the SVG to stdout, or to a file', async () => {
    const out = await buddy(['card', '--svg']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    expect(XMLValidator.validate(out.stdout)).toBe(true);
    expect(out.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="(\d+)" viewBox="0 0 640 \1"/);
    expect(out.stdout).toContain(`>${name}</text>`);

    const file = path.join(sandbox.dir, 'out', 'card.svg');
    const written = await buddy(['card', '--svg', file]);
    expect(written).toMatchObject({ code: 0, stdout: '', stderr: `buddy: wrote ${file}\n` });
    expect(fs.readFileSync(file, 'utf8')).toBe(out.stdout);
  });

  it('writes the SVG and the PNG in one go', async () => {
    const svgFile = path.join(sandbox.dir, 'card.svg');
    const pngFile = path.join(sandbox.dir, 'card.png');
    const result = await buddy(['card', '--svg', svgFile, '--png', pngFile]);
    expect(result.code, result.stderr).toBe(0);
    expect(XMLValidator.validate(fs.readFileSync(svgFile, 'utf8'))).toBe(true);
    expect(pngSize(fs.readFileSync(pngFile)).width).toBe(1280);
  });

  it.each([
    [['card', 'card.svg'], "card: unexpected argument 'card.svg' (to write an SVG: buddy card --svg card.svg)"],
    [['card', '--png'], 'card: --png needs a value (see buddy card --help)'],
    [['card', '--png', ''], 'card: --png needs a file name'],
    [['card', '--svg', '--png', 'x.png'], 'card: with --png, give --svg a file too'],
    [['card', '--svg', 'a.svg', 'b.svg'], "card: unexpected argument 'b.svg'"],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const result = await buddy(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('says in one line when the file cannot be written, and exits 1', async () => {
    const blocker = path.join(sandbox.dir, 'not-a-dir');
    fs.writeFileSync(blocker, 'mine\n');
    const result = await buddy(['card', '--svg', path.join(blocker, 'card.svg')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`buddy: card: could not write the SVG: cannot write ${path.join(blocker, 'card.svg')}: a part of the path is not a folder\n`);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('mine\n');
  });
});
