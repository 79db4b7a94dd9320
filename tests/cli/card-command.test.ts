// `buddy card`: the card on the terminal, the SVG to stdout or a file, the SVG and the PNG in one go, and one
// clear line for what cannot be done. Each command runs in process, through the dispatcher the built bin
// hands it to; tests/e2e/card-cli.test.ts runs the built bin for the PNG (resvg, loaded by that command
// alone) and for a copy of the bundle without the renderer.
import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { useHatchedHome } from '../helpers/hatched-home.js';
import { runInProcess } from '../helpers/in-process.js';
import { pngSize } from '../helpers/png-size.js';

// buddy-93: a legendary Nebulynx.
const home = useHatchedHome();

/** `buddy ARGS` in process, with the sandbox's environment. */
const buddy = (args: readonly string[]) => runInProcess(args, { env: home.env });

describe('buddy card', () => {
  it('prints the card', async () => {
    const result = await buddy(['card']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`★★★★★  ${home.name} the Nebulynx  LEGENDARY`);
    expect(result.stdout).toContain('soul written offline');
    expect(result.stderr).toBe('');
  });

  it('writes the SVG to stdout, or to a file', async () => {
    const out = await buddy(['card', '--svg']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    expect(XMLValidator.validate(out.stdout)).toBe(true);
    expect(out.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="(\d+)" viewBox="0 0 640 \1"/);
    expect(out.stdout).toContain(`>${home.name}</text>`);

    const file = path.join(home.sandbox.dir, 'out', 'card.svg');
    const written = await buddy(['card', '--svg', file]);
    expect(written).toMatchObject({ code: 0, stdout: '', stderr: `buddy: wrote ${file}\n` });
    expect(fs.readFileSync(file, 'utf8')).toBe(out.stdout);
  });

  it('writes the SVG and the PNG in one go', async () => {
    const svgFile = path.join(home.sandbox.dir, 'card.svg');
    const pngFile = path.join(home.sandbox.dir, 'card.png');
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
    const blocker = path.join(home.sandbox.dir, 'not-a-dir');
    fs.writeFileSync(blocker, 'mine\n');
    const result = await buddy(['card', '--svg', path.join(blocker, 'card.svg')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`buddy: card: could not write the SVG: cannot write ${path.join(blocker, 'card.svg')}: a part of the path is not a folder\n`);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('mine\n');
  });
});
