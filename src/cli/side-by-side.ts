// Two classic candidates next to each other, so a person can tell which buddy they had: the art, rarity and
// species, eye and hat, shininess and stats, under the seed function's name and where it came from.
import type { ClassicBones } from '../engine/classic.js';
import { HASH_FN_ORIGIN } from '../engine/classic-constants.js';
import { STATS } from '../engine/constants.js';
import type { Palette } from '../render/ansi.js';
import { rarityStars } from '../render/card.js';
import { displayWidth } from '../text/display-width.js';
import { composeCardArt } from './card-art.js';

const GAP = '    ';

function column(bones: ClassicBones, palette: Palette, art: readonly string[]): string[] {
  const tint = palette.rarity(bones.rarity);
  const stats = STATS.map((stat) => {
    const marker = stat === bones.peak ? ' ▲' : stat === bones.dump ? ' ▼' : '';
    return `${stat.padEnd(10)}${String(bones.stats[stat]).padStart(3)}${marker}`;
  });
  return [
    palette.bold(`${bones.hashFn} (${HASH_FN_ORIGIN[bones.hashFn]})`),
    '',
    ...art,
    '',
    `${tint(rarityStars(bones.rarity))} ${palette.bold(`${bones.rarity} ${bones.species}`)}`,
    bones.shiny ? palette.color(93)('✧ SHINY ✧') : 'not shiny',
    `eye ${bones.eye}   hat ${bones.hat}`,
    ...stats,
  ];
}

function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The two arts at one height (a hat adds a line), so the lines below them face each other. */
function evenArts(left: ClassicBones, right: ClassicBones, palette: Palette): [string[], string[]] {
  const arts = [composeCardArt(left, palette), composeCardArt(right, palette)] as const;
  const height = Math.max(arts[0].length, arts[1].length);
  const raise = (art: string[]): string[] => [...new Array<string>(height - art.length).fill(''), ...art];
  return [raise(arts[0]), raise(arts[1])];
}

export function sideBySide(left: ClassicBones, right: ClassicBones, palette: Palette): string[] {
  const [leftArt, rightArt] = evenArts(left, right, palette);
  const a = column(left, palette, leftArt);
  const b = column(right, palette, rightArt);
  const width = Math.max(...a.map(displayWidth));
  return Array.from({ length: Math.max(a.length, b.length) }, (_, row) => `  ${padTo(a[row] ?? '', width)}${GAP}${b[row] ?? ''}`.trimEnd());
}
