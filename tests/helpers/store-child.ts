// Runs the real config store in separate Node processes, so tests can race two writers on one config dir.
// The store is bundled into a temporary .mjs (tests/helpers/bundle-child.ts).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { bundleChild, type ChildBundle } from './bundle-child.js';
import { makeTempConfig } from './temp-config.js';

/**
 * The child: `remember <count> <tag> <barrier>` appends exchanges; `count <count> <tag> <barrier>` opens one
 * store and bumps settings.model as a counter with that many locked read-modify-writes, and records the
 * values it wrote. Both writers meet twice at a barrier (a directory of marker files): before their first
 * write and again halfway. Neither can finish before the other has done half its writes, so a race that
 * ends well proves the two writers overlapped.
 */
const CHILD_SOURCE = `
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rememberExchange } from './src/store/buddy-store.js';
import { openConfigStore } from './src/store/config-store.js';

const [mode, countText, label, barrier] = process.argv.slice(2);
const count = Number(countText);
const env = process.env;
const store = mode === 'count' ? openConfigStore(env) : undefined;
const written = [];

function meet(point) {
  // Only the two-writer races meet at a barrier; other callers (forty writers at once) run free.
  if (!barrier) return;
  writeFileSync(join(barrier, label + '.' + point), '');
  const others = ['a', 'b'].map((tag) => join(barrier, tag + '.' + point));
  const giveUpAt = Date.now() + 30000;
  while (!others.every((file) => existsSync(file))) {
    if (Date.now() > giveUpAt) {
      process.stderr.write('the other writer never reached ' + point + '\\n');
      process.exit(3);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
  }
}

meet('start');
for (let i = 0; i < count; i++) {
  if (i === Math.floor(count / 2)) meet('half');
  if (mode === 'remember') {
    rememberExchange({ at: new Date(0).toISOString(), user: label + '-' + i, buddy: 'reply ' + i }, env);
  } else if (store) {
    store.update((c) => {
      const next = Number(c.settings.model ?? 0) + 1;
      written.push(next);
      c.settings = { ...c.settings, model: String(next) };
    });
  } else {
    throw new Error('unknown mode ' + mode);
  }
}
if (barrier) writeFileSync(join(barrier, label + '.written.json'), JSON.stringify(written));
`;

export type StoreChildBundle = ChildBundle;

export function bundleStoreChild(): Promise<StoreChildBundle> {
  return bundleChild('store-child', CHILD_SOURCE);
}

export interface ChildResult {
  readonly code: number | null;
  readonly stderr: string;
}

/**
 * Runs one store writer. `nice`: at the lowest CPU priority, for tests that start dozens at once, so the
 * test files running alongside (statuslines with short stdin deadlines) do not starve meanwhile.
 */
export function runStoreChild(script: string, args: readonly string[], configDir: string, options: { readonly nice?: boolean } = {}): Promise<ChildResult> {
  const command = options.nice ? ['nice', '-n', '19', process.execPath] : [process.execPath];
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, [...command.slice(1), script, ...args], {
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
  /** The barrier points both writers reached, as `<tag>.<point>` (after `results`). */
  readonly meetings: () => string[];
  /** The counter values a writer stored, in the order it stored them (`count` mode, after `results`). */
  readonly written: (tag: 'a' | 'b') => number[];
}

/**
 * Starts two store writers at once on one config directory before the file's tests, so they run
 * alongside them; `prepare` seeds the directory first. Cleans up after the file.
 */
export function raceTwoWriters(prefix: string, command: string, count: number, prepare?: (env: NodeJS.ProcessEnv) => void): WriterRace {
  let root = '';
  let barrier = '';
  const race: { -readonly [K in keyof WriterRace]: WriterRace[K] } = {
    dir: '',
    results: Promise.resolve([]),
    meetings: () => readdirSync(barrier).filter((name) => /^[ab]\.(start|half)$/.test(name)).sort(),
    written: (tag) => JSON.parse(readFileSync(path.join(barrier, `${tag}.written.json`), 'utf8')) as number[],
  };
  let bundle: StoreChildBundle | undefined;
  beforeAll(async () => {
    const temp = makeTempConfig(prefix);
    root = temp.root;
    race.dir = temp.dir;
    barrier = path.join(root, 'barrier');
    mkdirSync(barrier);
    prepare?.(temp.env);
    const child = await bundleStoreChild();
    bundle = child;
    race.results = Promise.all(['a', 'b'].map((tag) => runStoreChild(child.script, [command, String(count), tag, barrier], temp.dir)));
  });
  afterAll(async () => {
    await race.results.catch(() => undefined);
    bundle?.cleanup();
    rmSync(root, { recursive: true, force: true });
  });
  return race;
}
