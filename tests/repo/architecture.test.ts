// ARCHITECTURE.md stays honest: every room of src/ (each folder, and each room the layer wall names) is
// named in it, and every room it names in its tables exists.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../eslint/layers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const map = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
const folders = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
/** The rooms named in the first column of the page's tables: "| `room` |". */
const tabled = [...map.matchAll(/^\| `([a-z/]+)` \|/gm)].map((match) => match[1]!);

describe('ARCHITECTURE.md', () => {
  it('names every folder of src/ and every room of the layer wall in its tables', () => {
    const rooms = [...new Set([...folders, ...Object.keys(LAYERS).filter((room) => room !== '(src)')])].sort();
    expect(rooms.length).toBeGreaterThan(15);
    expect(rooms.filter((room) => !tabled.includes(room))).toEqual([]);
  });

  it('names no room that does not exist', () => {
    expect(tabled.filter((room) => !fs.existsSync(path.join(ROOT, 'src', room)))).toEqual([]);
  });

  it('links only to docs that exist', () => {
    const links = [...map.matchAll(/\]\(((?:docs\/)?[\w.-]+\.md)\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !fs.existsSync(path.join(ROOT, link)))).toEqual([]);
  });
});
