// Bundles a child program written as TypeScript source text into a temporary .mjs (Node cannot run the
// .ts sources directly), so tests can run Buddy's real modules in separate processes and race them.
// Imports in the source resolve from the project root; art files (`?raw`) are embedded as the build does.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildBundle {
  readonly script: string;
  readonly cleanup: () => void;
}

export async function bundleChild(name: string, source: string): Promise<ChildBundle> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `buddy-${name}-`));
  const script = path.join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: source, resolveDir: PROJECT_ROOT, sourcefile: `${name}.ts`, loader: 'ts' },
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
    // Bundled CommonJS dependencies call require() for Node builtins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return { script, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
