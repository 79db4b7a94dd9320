// A child process that gives care the way the pet screen does (the same growth host: record at once, fold
// each time), or appends one statusline event many times over, for the concurrent-writer tests. Bundled with
// esbuild into a temporary .mjs, since Node cannot run the .ts sources directly.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const CHILD_SOURCE = `
import { makeGrowthHost } from './src/buddy/growth-host.js';
import { readConfigSnapshot } from './src/store/config-snapshot.js';
import { appendEvent } from './src/store/events.js';

const [mode, countText, id] = process.argv.slice(2);
const count = Number(countText);
const env = process.env;
if (mode === 'pet-screen') {
  const config = readConfigSnapshot(env);
  const host = makeGrowthHost(env, config.buddy, config.settings.care);
  for (let index = 0; index < count; index++) {
    host.record('pet', Date.now());
    await host.fold();
  }
} else if (mode === 'repeat') {
  for (let index = 0; index < count; index++) appendEvent(env, { kind: 'bigDiff', at: Date.now(), offsetMinutes: 0, id });
} else {
  throw new Error('unknown mode ' + mode);
}
`;

export interface GrowthChild {
  readonly script: string;
  readonly cleanup: () => void;
}

export async function bundleGrowthChild(): Promise<GrowthChild> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'buddy-growth-child-'));
  const script = path.join(dir, 'growth-child.mjs');
  await build({
    stdin: { contents: CHILD_SOURCE, resolveDir: PROJECT_ROOT, sourcefile: 'growth-child.ts', loader: 'ts' },
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    loader: { '.sprite': 'text' },
    plugins: [
      {
        name: 'raw-text',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, '')) }));
        },
      },
    ],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return { script, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
