// The share card: the buddy's card as one standalone SVG image. No fonts, images or styles from outside:
// a monospace face is asked for by name (whatever the viewer has), and every shape (stars, bars, sparkles)
// is drawn, not a glyph. Every text is escaped, since names and personalities are user data. Pure.
import { RARITIES, STATS, type Rarity } from '../engine/constants.js';
import { rollLabel, type BuddyBones } from '../engine/bones.js';
import { displayWidth } from '../text/display-width.js';
import { truncateToWidth, wrapWords } from '../text/wrap.js';

/** The rarity colours of the share card, chosen to read on its dark background. */
export const RARITY_HEX: Readonly<Record<Rarity, string>> = {
  common: '#a1a1aa',
  uncommon: '#4ade80',
  rare: '#60a5fa',
  epic: '#c084fc',
  legendary: '#fbbf24',
};

export const CARD_WIDTH = 640;
const PADDING = 32;
const BACKGROUND = '#15171f';
const PANEL = '#1f2230';
const BAR_TRACK = '#2c3042';
const INK = '#f4f4f5';
const SOFT_INK = '#d4d4d8';
const DIM_INK = '#8b8d98';
const MONO = "'DejaVu Sans Mono', 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace";
/** A monospace character is about this wide for each pixel of font size. */
const CHAR_EM = 0.6;

export interface ShareCardInput {
  readonly bones: BuddyBones;
  /** The sprite, as plain text lines. */
  readonly art: readonly string[];
  readonly name?: string | undefined;
  readonly personality?: string | undefined;
  readonly soulNote?: string | undefined;
  /** Where it stands, once hatched: level, stage and mood, as every face shows them. */
  readonly growth?: { readonly level: number; readonly stage: string; readonly mood: string; readonly raised?: string | undefined } | undefined;
  readonly achievements?: readonly string[] | undefined;
  /** What it wears from its wardrobe (names), and the worn card accent's colours and pattern. */
  readonly wearing?: readonly string[] | undefined;
  readonly accent?: { readonly ink: string; readonly paper: string; readonly pattern: 'plain' | 'dots' | 'stripes' | 'confetti' } | undefined;
}

/** A card accent's pattern, drawn faintly in its ink over the whole card. */
function accentPattern(accent: NonNullable<ShareCardInput['accent']>): string {
  const shapes: Record<typeof accent.pattern, string> = {
    plain: '',
    dots: `<circle cx="6" cy="6" r="1.5" fill="${accent.ink}"/>`,
    stripes: `<path d="M0 12 L12 0" stroke="${accent.ink}" stroke-width="1.5"/>`,
    confetti: `<rect x="2" y="3" width="3" height="1.5" fill="${accent.ink}"/><rect x="8" y="8" width="1.5" height="3" fill="${accent.ink}"/>`,
  };
  const shape = shapes[accent.pattern];
  return shape === '' ? '' : `<defs><pattern id="accent" width="12" height="12" patternUnits="userSpaceOnUse">${shape}</pattern></defs>`;
}

// XML 1.0 allows tab, line feed, carriage return and these ranges; anything else (other controls, lone
// surrogates, U+FFFE and U+FFFF) would make the file invalid, so it is dropped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text and attribute values, safe inside an XML document. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const round = (value: number): string => String(Math.round(value * 100) / 100);

interface TextOptions {
  readonly size: number;
  readonly fill: string;
  readonly weight?: 'bold';
  readonly italic?: boolean;
  readonly anchor?: 'end' | 'middle';
  readonly preserve?: boolean;
}

function text(x: number, y: number, content: string, options: TextOptions): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${options.size}"`,
    `fill="${options.fill}"`,
    options.weight ? `font-weight="${options.weight}"` : '',
    options.italic ? 'font-style="italic"' : '',
    options.anchor ? `text-anchor="${options.anchor}"` : '',
    options.preserve ? 'xml:space="preserve"' : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/** A five-pointed star centred on (cx, cy). */
function star(cx: number, cy: number, radius: number, filled: boolean, colour: string): string {
  const points: string[] = [];
  for (let index = 0; index < 10; index++) {
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    const r = index % 2 === 0 ? radius : radius * 0.45;
    points.push(`${round(cx + r * Math.cos(angle))},${round(cy + r * Math.sin(angle))}`);
  }
  const paint = filled ? `fill="${colour}"` : `fill="none" stroke="${colour}" stroke-width="1.5"`;
  return `<polygon points="${points.join(' ')}" ${paint}/>`;
}

/** A four-pointed sparkle, for shiny buddies. */
function sparkle(cx: number, cy: number, radius: number, fill: string): string {
  const thin = radius * 0.28;
  const points = [
    [cx, cy - radius],
    [cx + thin, cy - thin],
    [cx + radius, cy],
    [cx + thin, cy + thin],
    [cx, cy + radius],
    [cx - thin, cy + thin],
    [cx - radius, cy],
    [cx - thin, cy - thin],
  ];
  return `<polygon points="${points.map(([x, y]) => `${round(x as number)},${round(y as number)}`).join(' ')}" fill="${fill}"/>`;
}

/** Columns of monospace text that fit in `pixels` at `size`. */
const columnsIn = (pixels: number, size: number): number => Math.floor(pixels / (size * CHAR_EM));

const SHIMMER_DEFS = [
  '<defs>',
  '<linearGradient id="shiny-border" x1="0" y1="0" x2="1" y2="1">',
  '<stop offset="0" stop-color="#fde68a"/><stop offset="0.35" stop-color="#f0abfc"/>',
  '<stop offset="0.7" stop-color="#67e8f9"/><stop offset="1" stop-color="#fde68a"/>',
  '</linearGradient>',
  '<linearGradient id="shimmer" x1="-1" y1="0" x2="0" y2="0.6">',
  '<stop offset="0" stop-color="#ffffff" stop-opacity="0"/>',
  '<stop offset="0.5" stop-color="#ffffff" stop-opacity="0.16"/>',
  '<stop offset="1" stop-color="#ffffff" stop-opacity="0"/>',
  '<animate attributeName="x1" values="-1;1" dur="3s" repeatCount="indefinite"/>',
  '<animate attributeName="x2" values="0;2" dur="3s" repeatCount="indefinite"/>',
  '</linearGradient>',
  '</defs>',
].join('');

export function renderShareCard(input: ShareCardInput): string {
  const { bones } = input;
  const colour = RARITY_HEX[bones.rarity];
  const inner = CARD_WIDTH - 2 * PADDING;
  const body: string[] = [];

  // Header: name, species and rarity, and the rarity's stars on the right.
  const starsWidth = RARITIES.length * 24;
  const nameSize = 30;
  const title = input.name ?? bones.species;
  body.push(text(PADDING, 64, truncateToWidth(title, columnsIn(inner - starsWidth - 16, nameSize)), { size: nameSize, fill: INK, weight: 'bold' }));
  const kind = input.name ? `the ${bones.species}` : 'not hatched yet';
  body.push(text(PADDING, 94, kind, { size: 16, fill: SOFT_INK }));
  body.push(text(PADDING + (kind.length + 2) * 16 * CHAR_EM, 94, bones.rarity.toUpperCase(), { size: 16, fill: colour, weight: 'bold' }));
  const filled = RARITIES.indexOf(bones.rarity) + 1;
  for (let index = 0; index < RARITIES.length; index++) {
    body.push(star(CARD_WIDTH - PADDING - starsWidth + 12 + index * 24, 54, 10, index < filled, colour));
  }
  if (bones.shiny) {
    const right = CARD_WIDTH - PADDING;
    body.push(sparkle(right - 76, 89, 7, '#fde68a'), sparkle(right - 6, 89, 7, '#f0abfc'));
    body.push(text(right - 41, 94, 'SHINY', { size: 14, fill: '#fde68a', weight: 'bold', anchor: 'middle' }));
  }

  // The sprite in its panel, the stat bars beside it.
  const top = 118;
  const artSize = 18;
  const artLine = 22;
  const art = input.art.map((line) => line.trimEnd());
  const panelWidth = 200;
  const artColumns = Math.max(1, ...art.map((line) => displayWidth(line)));
  const artLeft = PADDING + Math.max(12, (panelWidth - artColumns * artSize * CHAR_EM) / 2);
  // The stats, then its eye and hat (as the printed card gives them) on a row of their own.
  const statsHeight = (STATS.length + 1) * 30 + 6;
  const panelHeight = Math.max(art.length * artLine + 28, statsHeight);
  body.push(`<rect x="${PADDING}" y="${top}" width="${panelWidth}" height="${panelHeight}" rx="12" fill="${PANEL}"/>`);
  const artTop = top + (panelHeight - art.length * artLine) / 2 + artSize - 3;
  art.forEach((line, index) => body.push(text(artLeft, artTop + index * artLine, line, { size: artSize, fill: colour, preserve: true })));

  const statsLeft = PADDING + panelWidth + 24;
  const barLeft = statsLeft + 92;
  const barWidth = CARD_WIDTH - PADDING - barLeft - 62;
  STATS.forEach((stat, index) => {
    const y = top + 22 + index * 30;
    const value = bones.stats[stat];
    body.push(text(statsLeft, y, stat, { size: 13, fill: SOFT_INK }));
    body.push(`<rect x="${barLeft}" y="${y - 11}" width="${barWidth}" height="12" rx="6" fill="${BAR_TRACK}"/>`);
    const length = (Math.max(0, Math.min(100, value)) / 100) * barWidth;
    if (length > 0) body.push(`<rect x="${barLeft}" y="${y - 11}" width="${round(Math.max(length, 6))}" height="12" rx="6" fill="${colour}"/>`);
    body.push(text(barLeft + barWidth + 34, y, String(value), { size: 13, fill: INK, anchor: 'end' }));
    const markerX = barLeft + barWidth + 46;
    if (stat === bones.peak) body.push(`<polygon points="${markerX - 6},${y - 1} ${markerX + 6},${y - 1} ${markerX},${y - 11}" fill="${colour}"/>`);
    if (stat === bones.dump) body.push(`<polygon points="${markerX - 6},${y - 11} ${markerX + 6},${y - 11} ${markerX},${y - 1}" fill="${DIM_INK}"/>`);
  });
  const looksY = top + 22 + STATS.length * 30;
  body.push(text(statsLeft, looksY, 'eye', { size: 13, fill: SOFT_INK }), text(barLeft, looksY, bones.eye, { size: 13, fill: INK }));
  body.push(text(barLeft + 48, looksY, 'hat', { size: 13, fill: SOFT_INK }), text(barLeft + 88, looksY, bones.hat, { size: 13, fill: INK }));

  // The personality, then level, stage, mood and achievements when the buddy has them.
  let y = top + panelHeight + 38;
  if (input.personality) {
    for (const line of wrapWords(input.personality, columnsIn(inner, 15))) {
      body.push(text(PADDING, y, line, { size: 15, fill: SOFT_INK, italic: true }));
      y += 22;
    }
    y += 8;
  }
  if (input.growth !== undefined) {
    const { level, stage, mood } = input.growth;
    body.push(text(PADDING, y, `Level ${level} ${stage} · ${mood}`, { size: 15, fill: colour, weight: 'bold' }));
    y += 24;
    if (input.growth.raised) {
      body.push(text(PADDING, y, `${stage} · ${input.growth.raised}`, { size: 13, fill: SOFT_INK }));
      y += 22;
    }
  }
  if (input.wearing !== undefined && input.wearing.length > 0) {
    body.push(text(PADDING, y, `Wearing: ${input.wearing.join(', ')}`, { size: 13, fill: input.accent?.ink ?? SOFT_INK }));
    y += 22;
  }
  const achievements = input.achievements ?? [];
  if (achievements.length > 0) {
    for (const line of wrapWords(`Achievements: ${achievements.join(' · ')}`, columnsIn(inner, 13))) {
      body.push(text(PADDING, y, line, { size: 13, fill: SOFT_INK }));
      y += 20;
    }
    y += 6;
  }

  // Where it comes from: who wrote the soul, and the roll anyone can check.
  y += 4;
  body.push(`<line x1="${PADDING}" y1="${y - 16}" x2="${CARD_WIDTH - PADDING}" y2="${y - 16}" stroke="${BAR_TRACK}" stroke-width="1"/>`);
  if (input.soulNote) {
    body.push(text(PADDING, y + 4, truncateToWidth(input.soulNote, columnsIn(inner, 12)), { size: 12, fill: DIM_INK }));
    y += 20;
  }
  const roll = `hash ${bones.idHash.slice(0, 12)}… · salt ${bones.salt} · roll ${rollLabel(bones)}`;
  body.push(text(PADDING, y + 4, truncateToWidth(roll, columnsIn(inner, 12)), { size: 12, fill: DIM_INK }));
  const height = Math.round(y + 28);

  const label = input.name ? `${input.name} the ${bones.species}, ${bones.rarity}${bones.shiny ? ', shiny' : ''}` : `${bones.species}, ${bones.rarity}`;
  const border = bones.shiny ? 'url(#shiny-border)' : (input.accent?.ink ?? colour);
  const pattern = input.accent ? accentPattern(input.accent) : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}" role="img" aria-label="${escapeXml(label)}">`,
    `<title>${escapeXml(label)}</title>`,
    bones.shiny ? SHIMMER_DEFS : '',
    pattern,
    `<rect x="1.5" y="1.5" width="${CARD_WIDTH - 3}" height="${height - 3}" rx="20" fill="${input.accent?.paper ?? BACKGROUND}" stroke="${border}" stroke-width="3"/>`,
    pattern ? `<rect x="1.5" y="1.5" width="${CARD_WIDTH - 3}" height="${height - 3}" rx="20" fill="url(#accent)" opacity="0.25"/>` : '',
    `<g font-family="${MONO}">`,
    ...body,
    '</g>',
    bones.shiny ? `<rect x="1.5" y="1.5" width="${CARD_WIDTH - 3}" height="${height - 3}" rx="20" fill="url(#shimmer)"/>` : '',
    '</svg>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
