// `buddy card` end to end: the PNG through resvg, which the built bin loads for that command alone, and a
// copy of the bundle with no renderer to be found, where --png is one line and --svg still works. The card,
// the SVG, both at once and the refusals run in process: tests/cli/card-command.test.ts.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, runBuddy } from '../helpers/cli.js';
import { useHatchedHome } from '../helpers/hatched-home.js';
import { runInProcess } from '../helpers/in-process.js';
import { pngSize } from '../helpers/png-size.js';

const TRACE_IMPORTS = fileURLToPath(new URL('../helpers/trace-imports.mjs', import.meta.url));
const run = promisify(execFile);

// buddy-93: a legendary Nebulynx.
const home = useHatchedHome();

describe('buddy card', () => {
  it('renders a PNG at twice the SVG size, loading resvg for that command only', async () => {
    const svg = (await runInProcess(['card', '--svg'], { env: home.env })).stdout;
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const file = path.join(home.sandbox.dir, 'card.png');
    const trace = path.join(home.sandbox.dir, 'png-imports.txt');
    await run(process.execPath, ['--import', TRACE_IMPORTS, BIN, 'card', '--png', file], { env: { ...home.env, BUDDY_TRACE_IMPORTS: trace } });
    expect(pngSize(fs.readFileSync(file))).toEqual({ width: 1280, height: height * 2 });
    expect(fs.readFileSync(trace, 'utf8').split('\n')).toContain('@resvg/resvg-js');

    for (const args of [['card'], ['card', '--svg'], ['roll', 'someone'], ['say', 'hello']]) {
      const other = path.join(home.sandbox.dir, `imports-${args.join('-')}.txt`);
      await run(process.execPath, ['--import', TRACE_IMPORTS, BIN, ...args], { env: { ...home.env, BUDDY_TRACE_IMPORTS: other } });
      expect(fs.readFileSync(other, 'utf8'), args.join(' ')).not.toContain('resvg');
    }
  });

  it('without the PNG renderer (no prebuilt binary for the platform), --png is one line and --svg still works', async () => {
    // A copy of the bundle with no node_modules above it: the optional renderer is nowhere to be found.
    const copy = path.join(home.sandbox.dir, 'no-renderer', 'dist');
    fs.cpSync(path.dirname(BIN), copy, { recursive: true });
    const binPath = path.join(copy, 'buddy.js');
    const file = path.join(home.sandbox.dir, 'card.png');
    const png = await runBuddy(['card', '--png', file], { env: home.env, binPath });
    expect(png.code).toBe(1);
    expect(png.stdout).toBe('');
    expect(png.stderr).toBe(
      `buddy: card: --png needs the PNG renderer (@resvg/resvg-js), which is not installed here (it has no prebuilt binary for ${process.platform}-${process.arch}, or this copy of Buddy is not the npm package); use --svg\n`,
    );
    expect(fs.existsSync(file)).toBe(false);
    const svg = await runBuddy(['card', '--svg'], { env: home.env, binPath });
    expect(svg.code, svg.stderr).toBe(0);
    expect(svg.stdout).toContain(`>${home.name}</text>`);
  });
});
