// No cycles between the rooms of src/: the room-level import graph (every room, pure and impure, as the
// layer wall names them with roomOf) must be acyclic, so every room can be read, tested and moved with what
// it stands on alone. File-level cycles are counted too and must not grow.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { roomOf } from '../../eslint/layers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Graph = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Each source file of src/, relative to the root, with the relative imports it makes (resolved to paths). */
function sourceImports(): Map<string, string[]> {
  const files = fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.join('src', file).split(path.sep).join('/'));
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.posix.join(path.posix.dirname(file), specifier.replace(/\?raw$/, '')))
      .map((target) => ['.ts', '.tsx'].map((ext) => target.replace(/\.js$/, ext)).find((source) => files.includes(source)) ?? target);
    imports.set(file, targets);
  }
  return imports;
}

/** node -> (node it imports -> one file import that makes the arrow, to name in a failure). */
function graphOf(imports: ReadonlyMap<string, readonly string[]>, nodeOf: (file: string) => string): Graph {
  const graph = new Map<string, Map<string, string>>();
  for (const [file, targets] of imports) {
    const from = nodeOf(file);
    const arrows = graph.get(from) ?? new Map<string, string>();
    graph.set(from, arrows);
    for (const target of targets) {
      const to = nodeOf(target);
      if (to !== from && !arrows.has(to)) arrows.set(to, `${file} imports ${target}`);
    }
  }
  return graph;
}

/** The strongly connected parts of more than one node (Tarjan's algorithm): each holds at least one cycle. */
function tangles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (stack.includes(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const part: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      part.push(member);
    } while (member !== node);
    if (part.length > 1) found.push(part.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** One cycle through a tangle, as `a → b → a` with the import behind each arrow: what a failure prints. */
function oneCycle(graph: Graph, tangle: readonly string[]): string {
  const start = tangle[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!tangle.includes(to) || cameFrom.has(to)) continue;
      cameFrom.set(to, node);
      if (to === start) queue.length = 0;
      else queue.push(to);
    }
  }
  const path = [start];
  for (let node = cameFrom.get(start)!; node !== start; node = cameFrom.get(node)!) path.unshift(node);
  path.unshift(start);
  const arrow = (from: string, to: string): string => {
    const why = graph.get(from)!.get(to)!;
    return why === `${from} imports ${to}` ? `${from} → ${to}` : `${from} → ${to} (${why})`;
  };
  return path.slice(1).map((to, at) => arrow(path[at]!, to)).join('\n  ');
}

function cyclesOf(graph: Graph): string[] {
  return tangles(graph).map((tangle) => oneCycle(graph, tangle));
}

describe('the cycle finder', () => {
  it('finds and names a cycle, and none in a chain', () => {
    const graph = graphOf(new Map([['src/a/x.ts', ['src/b/y.ts']], ['src/b/y.ts', ['src/c/z.ts']], ['src/c/z.ts', ['src/a/w.ts']], ['src/a/w.ts', []]]), roomOf);
    expect(cyclesOf(graph)).toEqual(['a → b (src/a/x.ts imports src/b/y.ts)\n  b → c (src/b/y.ts imports src/c/z.ts)\n  c → a (src/c/z.ts imports src/a/w.ts)']);
    const chain = graphOf(new Map([['src/a/x.ts', ['src/b/y.ts']], ['src/b/y.ts', ['src/c/z.ts']], ['src/c/z.ts', []]]), roomOf);
    expect(cyclesOf(chain)).toEqual([]);
  });
});

describe('the import graph of src/', () => {
  const imports = sourceImports();

  it('reads the imports it is meant to', () => {
    expect(imports.get('src/sprites/mood-art.ts')).toEqual(['src/game/state.ts', 'src/sprites/parse.ts']);
    expect(roomOf('src/persona/prompt/soul.ts')).toBe('persona/prompt');
  });

  it('has no cycle between rooms', () => {
    const cycles = cyclesOf(graphOf(imports, roomOf));
    expect(cycles, `rooms that import each other:\n  ${cycles.join('\n\n  ')}`).toEqual([]);
  });

  it('has no cycle between files either', () => {
    const cycles = cyclesOf(graphOf(imports, (file) => file));
    expect(cycles, `files that import each other:\n  ${cycles.join('\n\n  ')}`).toEqual([]);
  });
});
