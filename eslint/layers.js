// The layer wall as an allow-list: each room of src/ names the rooms, packages and Node built-ins it may
// import, and everything else is an error (a new room must be added here before it can import anything).
//
// The pure core imports no Node built-ins, no UI, no SDK, no store, and it has a direction: its rooms stand
// on floors, and a room imports only from the floors below its own (and from itself), never from its own
// floor or above. From the ground up:
//
//   1. text                      characters and columns: display width, wrapping, sanitising, redacting
//   2. engine                    the roll: what a buddy is made of (its bones), from an ID
//   3. species, game, render     what each species says and knows; how a buddy grows (levels, needs,
//                                mood); how output is styled and laid out (colour, ASCII, cards, journal lines)
//   4. sprites, persona/prompt   how a buddy looks (its art, by species, stage and mood); what the model
//                                is told and the soul it must give back
//   5. faces                     one buddy on every face: the frame composer, its likeness and portrait
//   6. pet                       the live pet: its state, timing and screens
//
// In one line: text → engine → species | game | render → sprites | persona/prompt → faces → pet.
// Rooms on one floor know nothing of each other. The art files (assets/) are read by sprites alone.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The pure core, floor by floor from the ground up (see above). */
export const PURE_FLOORS = [['text'], ['engine'], ['species', 'game', 'render'], ['sprites', 'persona/prompt'], ['faces'], ['pet']];
const CORE = PURE_FLOORS.flat();
/** Every pure room, and the art they are drawn from: what the impure rooms may import of the core. */
const PURE = [...CORE, 'assets'];

/** A core room may import the rooms on the floors below its own, and `extra` (the art, for sprites). */
function pure(room, { packages = [], extra = [] } = {}) {
  const floor = PURE_FLOORS.findIndex((rooms) => rooms.includes(room));
  return { rooms: [...PURE_FLOORS.slice(0, floor).flat(), ...extra], packages, builtins: false };
}

/** The files of the pure core, for the rules that keep it free of clocks, environment and randomness. */
export const PURE_SOURCES = CORE.map((room) => `src/${room}/**`);

/** room -> what it may import. `packages: '*'` allows any package. */
export const LAYERS = {
  text: pure('text'),
  engine: pure('engine', { packages: ['seedrandom'] }),
  species: pure('species'),
  game: pure('game'),
  render: pure('render'),
  sprites: pure('sprites', { extra: ['assets'] }),
  'persona/prompt': pure('persona/prompt'),
  faces: pure('faces'),
  pet: pure('pet'),
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
  mcp: { rooms: [...PURE, 'files', 'persona', 'store', 'buddy', 'journal', 'statusline', 'mcp'], packages: ['@modelcontextprotocol/sdk', 'zod'], builtins: true },
  ui: { rooms: [...PURE, 'files', 'persona', 'store', 'buddy', 'journal', 'ui'], packages: ['ink', 'react'], builtins: true },
  workers: { rooms: ['engine', 'workers'], packages: [], builtins: true },
  // The file-access layer: the one room that may touch the file system (see FILE_SYSTEM below).
  files: { rooms: ['files'], packages: [], builtins: true },
  cli: { rooms: '*', packages: '*', builtins: true },
  // The bundles' front doors (scripts/build.mjs): each wires the process to the CLI, and nothing imports them.
  entries: { rooms: ['cli', 'store', 'entries'], packages: [], builtins: true },
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
    if (CORE.includes(room) && CORE.includes(targetRoom)) {
      return `'${room}' may not import from '${targetRoom}' (${specifier}): the pure core imports only from the floors below (eslint/layers.js); '${room}' may import from: ${allowed.rooms.join(', ') || 'nothing else'}`;
    }
    return `'${room}' may not import from '${targetRoom}' (${specifier}); it may import from: ${allowed.rooms.join(', ') || 'nothing else'}`;
  }
  if (FILE_SYSTEM.has(specifier) && room !== 'files' && !(fileRelative.split(path.sep).join('/') in FILE_SYSTEM_EXCEPTIONS)) {
    return `'${room}' may not use the file system directly ('${specifier}'): go through src/files/ (reads of regular files only, atomic replace, locks)`;
  }
  if (isBuiltin(specifier)) return allowed.builtins ? undefined : `'${room}' is pure: no Node built-ins ('${specifier}')`;
  if (allowed.packages === '*' || allowed.packages.includes(packageOf(specifier))) return undefined;
  return `'${room}' may not import the package '${packageOf(specifier)}'; allowed: ${allowed.packages.join(', ') || 'none'}`;
}

/** A string written out whole ('fs', `fs`), or undefined. */
function literalText(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
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
      // The file system by another door: require('fs'), createRequire(…)('node:fs'),
      // process.getBuiltinModule('fs'). Only its names are looked for in calls: other arguments are words.
      CallExpression: (node) => {
        const name = literalText(node.arguments[0]);
        if (name !== undefined && FILE_SYSTEM.has(name)) check(node, { value: name });
      },
    };
  },
};

export default { meta: { name: 'buddy-layers' }, rules: { layers: rule } };
