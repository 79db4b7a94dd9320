// The layer wall as an allow-list: each room of src/ names the rooms, packages and Node built-ins it may
// import, and everything else is an error (a new room must be added here before it can import anything).
// The pure core (engine, species, sprites, text, pet, render, game, persona/prompt, the frame composer and the
// portrait every face shows) may import only itself: no Node built-ins, no UI, no SDK, no store.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Single pure files inside otherwise impure rooms, addressed as rooms of their own. */
const PURE_FILES = {
  'src/buddy/frame': 'buddy/frame',
  'src/buddy/portrait': 'buddy/portrait',
  'src/buddy/likeness': 'buddy/likeness',
  'src/persona/soul': 'persona/soul',
  'src/persona/sanitize': 'persona/sanitize',
  'src/journal/format': 'journal/format',
};

const PURE = ['engine', 'species', 'sprites', 'text', 'pet', 'render', 'game', 'persona/prompt', 'persona/soul', 'persona/sanitize', 'buddy/frame', 'buddy/portrait', 'buddy/likeness', 'journal/format', 'assets'];
const pure = (packages = []) => ({ rooms: PURE, packages, builtins: false });

/** room -> what it may import. `packages: '*'` allows any package. */
export const LAYERS = {
  engine: pure(['seedrandom']),
  species: pure(),
  sprites: pure(),
  text: pure(),
  pet: pure(),
  render: pure(),
  game: pure(),
  'persona/prompt': pure(),
  'persona/soul': pure(),
  'persona/sanitize': pure(),
  'buddy/frame': pure(),
  'buddy/portrait': pure(),
  'buddy/likeness': pure(),
  'journal/format': pure(),
  persona: { rooms: [...PURE, 'files', 'persona'], packages: ['seedrandom', '@anthropic-ai/sdk'], builtins: true },
  store: { rooms: [...PURE, 'files', 'persona', 'store'], packages: ['conf', 'valibot'], builtins: true },
  // The journal: appending (tiny, on the statusline's path) and reading back.
  journal: { rooms: [...PURE, 'files', 'store', 'journal'], packages: ['valibot'], builtins: true },
  buddy: { rooms: [...PURE, 'files', 'persona', 'store', 'journal', 'buddy'], packages: ['valibot'], builtins: true },
  // Putting Buddy into agent CLIs' config files and taking it out again: host-neutral text edits, backups
  // and records, and one module per host. It knows nothing of the buddy itself, nor of the statusline.
  installers: { rooms: ['files', 'store', 'installers'], packages: ['jsonc-parser', 'smol-toml'], builtins: true },
  // The buddy inside an agent CLI: the statusline, its light script's frames, the hooks, the agent's events.
  statusline: { rooms: [...PURE, 'files', 'persona', 'store', 'buddy', 'journal', 'statusline'], packages: ['valibot'], builtins: true },
  mcp: { rooms: [...PURE, 'files', 'persona', 'store', 'buddy', 'journal', 'statusline', 'mcp'], packages: ['@modelcontextprotocol/sdk', 'valibot', 'zod'], builtins: true },
  ui: { rooms: [...PURE, 'files', 'persona', 'store', 'buddy', 'journal', 'ui'], packages: ['ink', 'react'], builtins: true },
  workers: { rooms: ['engine', 'workers'], packages: [], builtins: true },
  // The file-access layer: the one room that may touch the file system (see FILE_SYSTEM below).
  files: { rooms: ['files'], packages: [], builtins: true },
  cli: { rooms: '*', packages: '*', builtins: true },
  '(src)': { rooms: [], packages: [], builtins: false },
};

/**
 * Named exceptions, each with its reason. SHA-256 is pure computation, but only node:crypto does it fast
 * enough for batch rolls; hash.ts loads it lazily and keeps no state.
 */
export const EXCEPTIONS = {
  'src/engine/hash.ts': ['node:module', 'node:crypto'],
};

/**
 * The file system is reached only through src/files/: it reads only regular files, with a cap and without
 * blocking, and replaces only regular files Buddy may write (docs/files.md). Every other room is refused
 * `node:fs`, so no command can open a file any other way. Exceptions name the file and why.
 */
const FILE_SYSTEM = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);
export const FILE_SYSTEM_EXCEPTIONS = {};

export function roomOf(relative) {
  const file = relative.split(path.sep).join('/');
  const pureFile = PURE_FILES[file.replace(/\.(?:ts|tsx|js)$/, '')];
  if (pureFile) return pureFile;
  const parts = file.split('/');
  if (parts[0] !== 'src') return parts[0];
  if (parts[1] === 'persona' && parts[2] === 'prompt') return 'persona/prompt';
  return parts.length > 2 ? parts[1] : '(src)';
}

function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier));
}

function problemWith(fileRelative, specifier) {
  const room = roomOf(fileRelative);
  const allowed = LAYERS[room];
  if (!allowed) return `'${room}' is not in the layer table (eslint/layers.js): say what it may import`;
  if ((EXCEPTIONS[fileRelative.split(path.sep).join('/')] ?? []).includes(specifier)) return undefined;
  if (specifier.startsWith('.')) {
    const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(fileRelative), specifier.replace(/\?raw$/, '')));
    const targetRoom = roomOf(target);
    if (allowed.rooms === '*' || allowed.rooms.includes(targetRoom) || targetRoom === room) return undefined;
    return `'${room}' may not import from '${targetRoom}' (${specifier}); it may import from: ${allowed.rooms.join(', ') || 'nothing else'}`;
  }
  if (FILE_SYSTEM.has(specifier) && room !== 'files' && !(fileRelative.split(path.sep).join('/') in FILE_SYSTEM_EXCEPTIONS)) {
    return `'${room}' may not use the file system directly ('${specifier}'): go through src/files/ (reads of regular files only, atomic replace, locks)`;
  }
  if (isBuiltin(specifier)) return allowed.builtins ? undefined : `'${room}' is pure: no Node built-ins ('${specifier}')`;
  if (allowed.packages === '*' || allowed.packages.includes(packageOf(specifier))) return undefined;
  return `'${room}' may not import the package '${packageOf(specifier)}'; allowed: ${allowed.packages.join(', ') || 'none'}`;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'Each room of src/ imports only what the layer table allows' }, schema: [] },
  create(context) {
    const relative = path.relative(ROOT, context.filename);
    if (relative.startsWith('..') || !relative.split(path.sep).join('/').startsWith('src/')) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const problem = problemWith(relative, source.value);
      if (problem) context.report({ node, message: problem });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : undefined),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    };
  },
};

export default { meta: { name: 'buddy-layers' }, rules: { layers: rule } };
