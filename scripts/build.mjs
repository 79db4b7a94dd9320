// Bundles the CLI with esbuild so that startup is measured on exactly what users run.
// Heavy modules (Ink, React, the SDK) land in separate chunks that the entry loads with `await import()`;
// the agent-CLI fast path (statusline, hooks) is one more self-contained file, and dist/statusline.sh the
// shell script in front of it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Art files are data: `import x from '../../assets/a.sprite?raw'` embeds the file's text. */
const rawTextPlugin = {
  name: 'raw-text',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, '')),
      namespace: 'raw-text',
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/**
 * The MCP SDK's server imports its Ajv-based JSON Schema validator, used only to check answers to questions
 * a server asks the client. Buddy asks none and hands the server a validator of its own, so Ajv stays out
 * of the bundle: about 140 KB less for `buddy mcp` to parse on every start.
 */
const withoutMcpAjvPlugin = {
  name: 'mcp-without-ajv',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /validation\/ajv-provider\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}@modelcontextprotocol${path.sep}sdk${path.sep}`) ? { path: 'ajv-provider', namespace: 'mcp-without-ajv' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'mcp-without-ajv' }, () => ({
      contents: "export class AjvJsonSchemaValidator { constructor() { throw new Error('buddy: pass a jsonSchemaValidator to the MCP server'); } }",
      loader: 'js',
    }));
  },
};

/**
 * seedrandom tries `require('crypto')` for auto-seeding, which Buddy never uses (every generator is seeded);
 * with a real `require` that call would load OpenSSL, a few milliseconds on every host refresh. It
 * gets a module that fails to load instead, which seedrandom already expects and ignores.
 */
const seedrandomWithoutCryptoPlugin = {
  name: 'seedrandom-without-crypto',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^crypto$/ }, (args) =>
      args.importer.includes(`${path.sep}seedrandom${path.sep}`) ? { path: 'crypto', namespace: 'seedrandom-without-crypto' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'seedrandom-without-crypto' }, () => ({
      contents: "throw new Error('buddy: seedrandom is always seeded');",
      loader: 'js',
    }));
  },
};

/**
 * conf writes through `atomically`, which on loading hooks SIGINT, SIGTERM, SIGHUP and a dozen more signals
 * with listeners of its own (the `when-exit` package), to remove its temporaries on the way out. Buddy never
 * writes through it (src/store/guarded-conf.ts), and a signal that has a listener waits for the event loop:
 * a command waiting synchronously (for the config lock, up to 30 s; on a write to a pipe nobody reads)
 * would ignore Ctrl-C and SIGTERM for as long as it waits. It gets a registration that does nothing, so
 * those signals keep their default effect and stop Buddy at once.
 */
const withoutExitHooksPlugin = {
  name: 'atomically-without-exit-hooks',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^when-exit$/ }, (args) =>
      args.importer.includes(`${path.sep}atomically${path.sep}`) ? { path: 'when-exit', namespace: 'atomically-without-exit-hooks' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'atomically-without-exit-hooks' }, () => ({
      contents: 'export default function whenExit() { return () => {}; }',
      loader: 'js',
    }));
  },
};

/** The version `buddy --version` and the MCP server give: package.json's, never typed a second time. */
const { version } = JSON.parse(await readFile('package.json', 'utf8'));

const shared = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Ink only loads its devtools bridge when DEV=true; users never need it. resvg is a native module:
  // `buddy card --png` loads it at run time from node_modules.
  external: ['react-devtools-core', '@resvg/resvg-js'],
  define: { 'process.env.NODE_ENV': '"production"', BUDDY_VERSION: JSON.stringify(version) },
  // Some bundled CommonJS dependencies call require() for Node builtins.
  banner: {
    js: "import { createRequire as __buddyCreateRequire } from 'node:module'; const require = __buddyCreateRequire(import.meta.url);",
  },
  plugins: [rawTextPlugin, withoutMcpAjvPlugin, seedrandomWithoutCryptoPlugin, withoutExitHooksPlugin],
  // jsonc-parser's `main` is a UMD wrapper whose require() calls esbuild cannot follow; its ES build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// Build beside dist/ and swap it in, so a CLI running from dist/ never sees a half-written bundle.
const staging = `dist.staging-${process.pid}`;
await rm(staging, { recursive: true, force: true });
// A failed build leaves nothing behind (a half-built folder would be linted and tested as code).
process.on('exit', (code) => {
  if (code !== 0) rmSync(staging, { recursive: true, force: true });
});
// Everything but the entry and the agent-CLI bundles: ES modules (.mjs, since dist/ is CommonJS, see
// below) that share chunks and load one another with `await import()`.
await build({
  ...shared,
  entryPoints: {
    dispatch: 'src/cli/dispatch.ts',
    'roll-worker': 'src/workers/roll-worker.ts',
    'hunt-worker': 'src/workers/hunt-worker.ts',
    // What `buddy mcp` loads with the first request that needs the buddy (dist/mcp.cjs imports it by name).
    'mcp-tools': 'src/cli/mcp-tools.ts',
  },
  outdir: staging,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunk-[hash]',
});

/**
 * In a CommonJS bundle, esbuild turns `import fs from 'node:fs'` into a copy of the whole module, a getter
 * per export, made again in every file that imports it: most of a millisecond per refresh for fs, path
 * and os alone. This hands those imports a small module of their own instead: the default export is
 * Node's module itself, and each named export its value, read once.
 */
const nodeBuiltinsPlugin = {
  name: 'node-builtins-without-copies',
  setup(pluginBuild) {
    const load = createRequire(import.meta.url);
    // The three that Buddy's files import whole, again and again.
    pluginBuild.onResolve({ filter: /^node:(fs|path|os)$/ }, (args) => (args.namespace === 'node-builtin' ? undefined : { path: args.path, namespace: 'node-builtin' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => {
      const descriptors = Object.getOwnPropertyDescriptors(load(args.path));
      // Only plain values: reading a getter (fs.promises) would load what it stands for at once.
      const names = Object.keys(descriptors).filter((name) => 'value' in descriptors[name] && /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
      const exports = names.map((name) => `export const ${name} = builtin.${name};`).join('\n');
      return { contents: `const builtin = require(${JSON.stringify(args.path)});\nexport default builtin;\n${exports}\n`, loader: 'js' };
    });
  },
};

/**
 * The bundles an agent CLI starts on every refresh, prompt or session, and the entry: CommonJS, which Node
 * starts faster than an ES module, and which the entry runs through V8's code cache (src/cli/code-cache.ts).
 * `import.meta.url` becomes the file's URL, computed from the CommonJS `__filename` when it is read.
 */
const commonJs = {
  ...shared,
  format: 'cjs',
  // Computed when first read: most runs of the fast path never ask.
  define: { ...shared.define, 'import.meta.url': '__buddyMeta.url' },
  banner: { js: 'const __buddyMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  plugins: [...shared.plugins, nodeBuiltinsPlugin],
};
// Minified, as it is parsed on every host refresh when the code cache is cold.
// Its few `await import()`s (Node built-ins needed only sometimes) become require(): code restored from V8's
// cache cannot start a dynamic import.
await build({ ...commonJs, entryPoints: ['src/entries/fast-path.ts'], outfile: `${staging}/fast-path.cjs`, minify: true, supported: { 'dynamic-import': false } });
// The MCP server, minified and self-contained like the fast path, but for the buddy's side, which it
// imports from the ES module build above (shared with every other command) when the host first needs it.
const mcpToolsExternal = {
  name: 'mcp-tools-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/mcp-tools\.js$/ }, () => ({ path: './mcp-tools.mjs', external: true }));
  },
};
await build({ ...commonJs, entryPoints: ['src/entries/mcp-main.ts'], outfile: `${staging}/mcp.cjs`, minify: true, supported: { 'dynamic-import': false }, plugins: [...commonJs.plugins, mcpToolsExternal] });

/** The first 16 hex digits of a file's SHA-256: names its code cache, so a new build never runs old code. */
async function contentHash(file) {
  return createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 16);
}
const bundleHashes = {
  'fast-path.cjs': await contentHash(`${staging}/fast-path.cjs`),
  'mcp.cjs': await contentHash(`${staging}/mcp.cjs`),
};
const dispatcherExternal = {
  name: 'dispatcher-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/dispatch\.mjs$/ }, () => ({ path: './dispatch.mjs', external: true }));
  },
};
await build({
  ...commonJs,
  entryPoints: ['src/entries/main.ts'],
  outfile: `${staging}/buddy.js`,
  define: { ...commonJs.define, BUDDY_BUNDLE_HASHES: JSON.stringify(bundleHashes), BUDDY_DISPATCHER: '"./dispatch.mjs"' },
  plugins: [...commonJs.plugins, dispatcherExternal],
});
// Every .js file in dist/ (the entry, as installed hosts name it: dist/buddy.js) is CommonJS.
await writeFile(`${staging}/package.json`, `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
// The light statusline script that Claude Code runs on every refresh; it starts the bundle only when needed.
await copyFile('src/statusline/fast.sh', `${staging}/statusline.sh`);
const retired = `dist.retired-${process.pid}`;
await rename('dist', retired).catch(() => undefined);
await rename(staging, 'dist');
await rm(retired, { recursive: true, force: true });
