// Runs the real config store in separate Node processes, so tests can race two writers on one config dir.
// The store is bundled with esbuild into a temporary .mjs, since Node cannot run the .ts sources directly.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { makeTempConfig } from './temp-config.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The child: `remember <count>` appends exchanges; `count <count>` opens one store and bumps
 * settings.model as a counter with that many locked read-modify-writes. */
const CHILD_SOURCE = `
import { rememberExchange } from './src/store/buddy-store.js';
import { openConfigStore } from './src/store/config-store.js';

const [mode, countText, label] = process.argv.slice(2);
const count = Number(countText);
const env = process.env;
const store = mode === 'count' ? openConfigStore(env) : undefined;
for (let i = 0; i < count; i++) {
  if (mode === 'remember') {
    rememberExchange({ at: new Date(0).toISOString(), user: label + '-' + i, buddy: 'reply ' + i }, env);
  } else if (store) {
    store.update((c) => {
      c.settings = { ...c.settings, model: String(Number(c.settings.model ?? 0) + 1) };
    });
  } else {
    throw new Error('unknown mode ' + mode);
  }
}
`;

export interface StoreChildBundle {
  readonly script: string;
  readonly cleanup: () => void;
}

export async function bundleStoreChild(): Promise<StoreChildBundle> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'buddy-store-child-'));
  const script = path.join(dir, 'store-child.mjs');
  await build({
    stdin: { contents: CHILD_SOURCE, resolveDir: PROJECT_ROOT, sourcefile: 'store-child.ts', loader: 'ts' },
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    // Bundled CommonJS dependencies call require() for Node builtins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return { script, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ChildResult {
  readonly code: number | null;
  readonly stderr: string;
}

export function runStoreChild(script: string, args: readonly string[], configDir: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH, BUDDY_CONFIG_DIR: configDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

export interface WriterRace {
  /** The config directory both writers share (set once the race has started). */
  readonly dir: string;
  /** Both writers' results, once both have finished. */
  readonly results: Promise<ChildResult[]>;
}

/**
 * Starts two store writers at once on one config directory before the file's tests, so they run
 * alongside them; `prepare` seeds the directory first. Cleans up after the file.
 */
export function raceTwoWriters(prefix: string, command: string, count: number, prepare?: (env: NodeJS.ProcessEnv) => void): WriterRace {
  const race: { dir: string; results: Promise<ChildResult[]> } = { dir: '', results: Promise.resolve([]) };
  let root = '';
  let bundle: StoreChildBundle | undefined;
  beforeAll(async () => {
    const temp = makeTempConfig(prefix);
    root = temp.root;
    race.dir = temp.dir;
    prepare?.(temp.env);
    const child = await bundleStoreChild();
    bundle = child;
    race.results = Promise.all(['a', 'b'].map((tag) => runStoreChild(child.script, [command, String(count), tag], temp.dir)));
  });
  afterAll(async () => {
    await race.results.catch(() => undefined);
    bundle?.cleanup();
    rmSync(root, { recursive: true, force: true });
  });
  return race;
}
