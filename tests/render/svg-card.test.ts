// The share card as an SVG: valid XML with a viewBox, nothing from outside, every text escaped, the
// rarity's colour and stars, a shimmer only when shiny, level and achievements only when there are some.
// It is rendered to pixels (resvg, as `buddy card --png` does) and the pixels are checked; and a few
// buddies are kept as golden files (BUDDY_UPDATE_GOLDEN=1 rewrites them after a deliberate change).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { RARITIES, type Rarity } from '../../src/engine/constants.js';
import type { BuddyBones } from '../../src/engine/bones.js';
import { rollClassic } from '../../src/engine/classic.js';
import { rollFromUserId } from '../../src/engine/roll.js';
import { composeBuddyFrame } from '../../src/faces/frame.js';
import { writeOfflineSoul } from '../../src/persona/offline-writer.js';
import { STILL_FRAME } from '../../src/sprites/animation.js';
import { escapeXml, RARITY_HEX, renderShareCard, type ShareCardInput } from '../../src/render/svg-card.js';

const GOLDEN = fileURLToPath(new URL('../fixtures/share-card/', import.meta.url));
// buddy-0: an uncommon Emberfox; buddy-12: a shiny common Pebblecrab; buddy-93: a legendary Nebulynx.
const EMBERFOX = rollFromUserId('buddy-0');
const SHINY_PEBBLECRAB = rollFromUserId('buddy-12');
const NEBULYNX = rollFromUserId('buddy-93');
// The classic roll's public vector: a shiny legendary dragon (fnv1a), as a rescued buddy would have it.
const CLASSIC_DRAGON = rollClassic('29c6aedc-5463-411c-991c-a386d9a93570', undefined, 'fnv1a');

function art(bones: BuddyBones): string[] {
  const lines = composeBuddyFrame(bones, STILL_FRAME);
  return (lines[0]?.trim() === '' ? lines.slice(1) : lines).map((line) => line.trimEnd());
}

function cardOf(bones: BuddyBones, extra: Partial<ShareCardInput> = {}): string {
  const soul = writeOfflineSoul(bones);
  return renderShareCard({ bones, art: art(bones), name: soul.name, personality: soul.personality, soulNote: 'soul written offline · hatched 2026-05-01', ...extra });
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: false });

/** Every element name in the document, depth first. */
function elementNames(nodes: unknown): string[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: Record<string, unknown>) =>
    Object.keys(node)
      .filter((key) => key !== ':@' && key !== '#text')
      .flatMap((key) => [key, ...elementNames(node[key])]),
  );
}

/** The text of every <text> element, unescaped by the parser. */
function texts(nodes: unknown): string[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: Record<string, unknown>) =>
    Object.keys(node).flatMap((key) => {
      if (key === 'text') return [(node[key] as Array<Record<string, string>>).map((child) => String(child['#text'] ?? '')).join('')];
      return key === ':@' || key === '#text' ? [] : texts(node[key]);
    }),
  );
}

function rootAttributes(svg: string): Record<string, string> {
  const root = (parser.parse(svg) as Array<Record<string, unknown>>).find((node) => 'svg' in node)!;
  return root[':@'] as Record<string, string>;
}

interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function render(svg: string, zoom = 1): Pixels {
  const rendered = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font: { loadSystemFonts: true } }).render();
  return { width: rendered.width, height: rendered.height, data: rendered.pixels };
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** How many opaque pixels have this colour (within a small tolerance for antialiasing). */
function pixelsOf(pixels: Pixels, hex: string, tolerance = 3): number {
  const [r, g, b] = hexToRgb(hex);
  let count = 0;
  for (let index = 0; index < pixels.data.length; index += 4) {
    const { data } = pixels;
    if (data[index + 3]! > 250 && Math.abs(data[index]! - r) <= tolerance && Math.abs(data[index + 1]! - g) <= tolerance && Math.abs(data[index + 2]! - b) <= tolerance) count++;
  }
  return count;
}

function distinctColours(pixels: Pixels): number {
  const seen = new Set<number>();
  for (let index = 0; index < pixels.data.length; index += 4) seen.add((pixels.data[index]! << 16) | (pixels.data[index + 1]! << 8) | pixels.data[index + 2]!);
  return seen.size;
}

describe('the share card SVG', () => {
  it('is valid XML, a standalone svg element with a viewBox matching its size', () => {
    for (const bones of [EMBERFOX, SHINY_PEBBLECRAB, NEBULYNX, CLASSIC_DRAGON]) {
      const svg = cardOf(bones);
      expect(XMLValidator.validate(svg)).toBe(true);
      const root = rootAttributes(svg);
      expect(root['@xmlns']).toBe('http://www.w3.org/2000/svg');
      expect(root['@viewBox']).toBe(`0 0 ${root['@width']} ${root['@height']}`);
      expect(Number(root['@width'])).toBe(640);
      expect(Number(root['@height'])).toBeGreaterThan(300);
    }
  });

  it('needs nothing from outside: no fonts, images, links, scripts or styles to fetch', () => {
    const svg = cardOf(SHINY_PEBBLECRAB, { growth: { level: 3, stage: 'hatchling', mood: 'content' }, achievements: ['First words'] });
    expect(svg).not.toMatch(/href|@import|@font-face|<image|<script|<style|<foreignObject|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    // Paint servers are all inside the document.
    for (const reference of svg.match(/url\([^)]*\)/g) ?? []) expect(reference).toMatch(/^url\(#[\w-]+\)$/);
    for (const id of (svg.match(/url\(#([\w-]+)\)/g) ?? []).map((reference) => reference.slice(5, -1))) expect(svg).toContain(`id="${id}"`);
  });

  it('escapes every text: a personality of markup stays text, and characters XML cannot hold are dropped', () => {
    const hostile = `</text><script>alert(1)</script> & "quotes" 'apostrophes' <b>bold</b> ]]> \u0001\u0008\uffff\ud800 end`;
    const svg = cardOf(EMBERFOX, { personality: hostile, name: 'Zoë', achievements: ['<img src=x>', 'A & B'] });
    expect(XMLValidator.validate(svg)).toBe(true);
    const document = parser.parse(svg);
    expect(elementNames(document)).not.toContain('script');
    expect(elementNames(document)).not.toContain('b');
    expect(elementNames(document)).not.toContain('img');
    const shown = texts(document).join('\n');
    expect(shown).toContain('Zoë');
    expect(shown.replace(/\n/g, ' ')).toContain(`</text><script>alert(1)</script> & "quotes"`);
    expect(shown).toContain('<img src=x> · A & B');
    // eslint-disable-next-line no-control-regex
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uffff]/);
  });

  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&apos;'],
    ['a\u0000b\u001bc', 'abc'],
    ['tab\tand\nline', 'tab\tand\nline'],
    ['\ud83e\udd8a fox', '\ud83e\udd8a fox'],
  ])('escapeXml(%j) is %j', (raw, escaped) => {
    expect(escapeXml(raw)).toBe(escaped);
  });

  it('colours by rarity and draws as many filled stars as the rarity is high', () => {
    for (const [index, rarity] of RARITIES.entries()) {
      const svg = cardOf({ ...NEBULYNX, rarity: rarity as Rarity, shiny: false });
      const colour = RARITY_HEX[rarity as Rarity];
      const stars = svg.match(/<polygon points="(?:[\d.]+,[\d.]+ ){9}[\d.]+,[\d.]+" [^>]*\/>/g) ?? [];
      expect(stars, rarity).toHaveLength(5);
      expect(stars.filter((star) => star.includes(`fill="${colour}"`)), rarity).toHaveLength(index + 1);
      expect(svg).toContain(`font-weight="bold">${rarity.toUpperCase()}</text>`);
      for (const other of RARITIES.filter((candidate) => candidate !== rarity)) expect(svg).not.toContain(RARITY_HEX[other as Rarity]);
    }
  });

  it('shimmers only when shiny', () => {
    const shiny = cardOf(SHINY_PEBBLECRAB);
    expect(shiny).toContain('id="shimmer"');
    expect(shiny).toContain('<animate attributeName="x1"');
    expect(shiny).toContain('>SHINY</text>');
    expect(shiny).toContain('stroke="url(#shiny-border)"');
    const plain = cardOf({ ...SHINY_PEBBLECRAB, shiny: false });
    expect(plain).not.toContain('shimmer');
    expect(plain).not.toContain('SHINY');
  });

  it('shows level, stage, mood and achievements only when there are some', () => {
    const plain = cardOf(EMBERFOX);
    expect(plain).not.toContain('Level');
    expect(plain).not.toContain('Achievements');
    const grown = cardOf(EMBERFOX, { growth: { level: 7, stage: 'hatchling', mood: 'hungry' }, achievements: ['First words', 'Night owl', 'Green again'] });
    expect(grown).toContain('>Level 7 hatchling · hungry</text>');
    expect(grown).toContain('>Achievements: First words · Night owl · Green again</text>');
    expect(Number(rootAttributes(grown)['@height'])).toBeGreaterThan(Number(rootAttributes(plain)['@height']));
  });

  it('shows a buddy that has not hatched yet as its species', () => {
    const svg = renderShareCard({ bones: EMBERFOX, art: art(EMBERFOX) });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(texts(parser.parse(svg))).toEqual(expect.arrayContaining(['Emberfox', 'not hatched yet']));
  });

  it('draws a classic buddy too: its species, its rarity, its shimmer, its eye and hat, and its roll by name', () => {
    expect(CLASSIC_DRAGON).toMatchObject({ species: 'dragon', rarity: 'legendary', shiny: true, eye: '◉', hat: 'tophat' });
    const svg = cardOf(CLASSIC_DRAGON, { name: 'Ember', soulNote: 'soul kept from Claude Code · hatched 2026-04-01' });
    expect(XMLValidator.validate(svg)).toBe(true);
    const shown = texts(parser.parse(svg));
    expect(shown).toEqual(expect.arrayContaining(['Ember', 'the dragon', 'LEGENDARY', 'SHINY', 'eye', '◉', 'hat', 'tophat']));
    // As the printed card says it ("roll classic (fnv1a)"), never "roll vclassic".
    expect(shown.at(-1)).toBe('hash 8e1b3beabc17… · salt friend-2026-401 · roll classic (fnv1a)');
    expect(svg).toContain(RARITY_HEX.legendary);
  });
});

describe('the share card in pixels', () => {
  it('renders at its size, and twice its size when zoomed', () => {
    const svg = cardOf(EMBERFOX);
    const height = Number(rootAttributes(svg)['@height']);
    expect(render(svg)).toMatchObject({ width: 640, height });
    expect(render(svg, 2)).toMatchObject({ width: 1280, height: height * 2 });
  });

  it('is not blank, and shows the rarity colour, for every rarity', () => {
    for (const rarity of RARITIES) {
      const pixels = render(cardOf({ ...NEBULYNX, rarity: rarity as Rarity, shiny: false }));
      expect(distinctColours(pixels), rarity).toBeGreaterThan(50);
      // The background fills most of the card, the rarity colour its stars, bars, sprite and border.
      expect(pixelsOf(pixels, '#15171f'), rarity).toBeGreaterThan((pixels.width * pixels.height) / 3);
      expect(pixelsOf(pixels, RARITY_HEX[rarity as Rarity]), rarity).toBeGreaterThan(2_000);
      for (const other of RARITIES.filter((candidate) => candidate !== rarity)) expect(pixelsOf(pixels, RARITY_HEX[other as Rarity], 1), `${other} on ${rarity}`).toBeLessThan(50);
    }
  });

  it('draws text: the name and personality put light pixels on the dark card', () => {
    const withText = render(cardOf(EMBERFOX));
    const without = render(cardOf(EMBERFOX, { personality: '', name: '' }));
    expect(pixelsOf(withText, '#d4d4d8', 40)).toBeGreaterThan(pixelsOf(without, '#d4d4d8', 40) + 1_000);
  });
});

describe('golden share cards', () => {
  const cases: ReadonlyArray<readonly [string, () => string]> = [
    ['emberfox-uncommon.svg', () => cardOf(EMBERFOX)],
    ['pebblecrab-common-shiny.svg', () => cardOf(SHINY_PEBBLECRAB)],
    ['nebulynx-legendary-grown.svg', () => cardOf(NEBULYNX, { growth: { level: 12, stage: 'young', mood: 'cheerful' }, achievements: ['First words', 'Night owl'] })],
    ['dragon-classic-legendary-shiny.svg', () => cardOf(CLASSIC_DRAGON, { name: 'Ember', soulNote: 'soul kept from Claude Code · hatched 2026-04-01' })],
  ];

  it.each(cases)('%s is unchanged', (file, make) => {
    const path = `${GOLDEN}${file}`;
    const svg = make();
    if (process.env.BUDDY_UPDATE_GOLDEN === '1') fs.writeFileSync(path, svg);
    expect(svg).toBe(fs.readFileSync(path, 'utf8'));
  });
});
