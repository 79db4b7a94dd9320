// Bundles the CLI with esbuild so that startup is measured on exactly what users run.
// Heavy modules (Ink, React, the SDK) land in separate chunks that the entry loads with `await import()`;
// the agent-CLI fast path (statusline, hooks) is one more self-contained file, and dist/statusline.sh the
// shell script in front of it.
import { build } from 'esbuild';
import { copyFile, readFile, rename, rm } from 'node:fs/promises';
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
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS dependencies call require() for Node builtins.
  banner: {
    js: "import { createRequire as __buddyCreateRequire } from 'node:module'; const require = __buddyCreateRequire(import.meta.url);",
  },
  plugins: [rawTextPlugin, withoutMcpAjvPlugin],
  // jsonc-parser's `main` is a UMD wrapper whose require() calls esbuild cannot follow; its ES build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// Build beside dist/ and swap it in, so a CLI running from dist/ never sees a half-written bundle.
const staging = `dist.staging-${process.pid}`;
await rm(staging, { recursive: true, force: true });
await build({
  ...shared,
  entryPoints: {
    buddy: 'src/cli/main.ts',
    'roll-worker': 'src/workers/roll-worker.ts',
    'hunt-worker': 'src/workers/hunt-worker.ts',
    // What `buddy mcp` loads with the first request that needs the buddy (dist/mcp.js imports it by name).
    'mcp-tools': 'src/cli/mcp-tools.ts',
  },
  outdir: staging,
  splitting: true,
  chunkNames: 'chunk-[hash]',
});
// Minified, as it is parsed on every host refresh, and without the require() banner: its only CommonJS
// dependency (seedrandom) merely tries to load node:crypto for auto-seeding, which Buddy never uses.
await build({ ...shared, entryPoints: ['src/cli/fast-path.ts'], outfile: `${staging}/fast-path.js`, minify: true, banner: {} });
// The MCP server, minified and self-contained like the fast path, but for the buddy's side, which it
// imports from the splitting build above (shared with every other command) when the host first needs it.
const mcpToolsExternal = {
  name: 'mcp-tools-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/mcp-tools\.js$/ }, () => ({ path: './mcp-tools.js', external: true }));
  },
};
await build({ ...shared, entryPoints: ['src/cli/mcp-main.ts'], outfile: `${staging}/mcp.js`, minify: true, banner: {}, plugins: [...shared.plugins, mcpToolsExternal] });
// The light statusline script that Claude Code runs on every refresh; it starts the bundle only when needed.
await copyFile('src/integrations/statusline-fast.sh', `${staging}/statusline.sh`);
const retired = `dist.retired-${process.pid}`;
await rename('dist', retired).catch(() => undefined);
await rename(staging, 'dist');
await rm(retired, { recursive: true, force: true });
