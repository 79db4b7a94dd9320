// The whole pet screen for a moment, as styled text lines that fit the terminal: a pure function of the
// pet's state, its view at that moment and the terminal's size. Ink only prints these lines, and the
// first frame is printed from them before Ink has loaded, so every frame is exactly what this composes.
// Everything fits: no line is wider than the terminal, and the frame is at most rows − 1 lines tall, so
// nothing scrolls and the shell prompt lands on a line of its own after quitting.
import { composeBuddyFrame } from '../faces/frame.js';
import { wornHeadArt } from '../sprites/wardrobe-art.js';
import type { BuddyBones } from '../engine/bones.js';
import type { Palette, Style } from '../render/ansi.js';
import { asciiLines } from '../render/ascii.js';
import { renderCard, rarityStars } from '../render/card.js';
import { besideBlocks, blockWidth, boxed, type Block } from '../render/layout.js';
import { composeFace } from '../sprites/compose.js';
import type { SpeciesSprite } from '../sprites/parse.js';
import { displayWidth } from '../text/display-width.js';
import { ELLIPSIS, truncateToWidth, wrapToWidth, wrapWords } from '../text/wrap.js';
import type { GrowthView } from '../game/view.js';
import { MOOD_MARK } from '../sprites/mood-art.js';
import { wearingOf } from '../faces/wearing.js';
import { accessoryWidth } from '../sprites/branch-art.js';
import type { PetState } from './pet-state.js';
import type { BubbleView, PetView } from './pet-view.js';
import { composeGameScreen } from './game-screen.js';

/** Below this width the buddy collapses to its one-line face. */
export const FACE_ONLY_BELOW = 30;
/** From this width the bubble sits beside the buddy instead of below it. */
export const BUBBLE_BESIDE_FROM = 56;
export const MAX_BUBBLE_WIDTH = 40;
const MIN_BUBBLE_WIDTH = 12;
export const MAX_CARD_WIDTH = 64;
/** Narrower than this, stat lines cannot fit inside the card's box. */
const MIN_CARD_INNER_WIDTH = 14;
const BUBBLE_GAP = 2;
/** Bright colours a shiny buddy cycles through (SGR codes: bright yellow, cyan, magenta, white). */
const SHIMMER_SGR = [93, 96, 95, 97] as const;
const HEARTS_SGR = 91;
const NOTICE_SGR = 33;

/** The key hints, longest first; the footer takes the longest that fits. */
export const FOOTERS = [
  'p pet · f feed · c card · t talk · g game · ? help · q quit',
  'p pet · f feed · c card · t talk · ? help · q quit',
  'p pet · f feed · c card · t talk · q quit',
  'p pet · c card · t talk · q quit',
  '? help · q quit',
  '? · q',
] as const;

const HELP_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['p', 'pet'],
  ['f', 'feed it a snack'],
  ['c', 'show or hide the stat card'],
  ['l', 'show or hide the journal (what it said lately)'],
  ['k', 'a trick (the next one it knows; buddy tricks lists them)'],
  ['g', 'play catch the bug'],
  ['t / Enter', 'talk (Esc closes the line)'],
  ['?', 'this help'],
  ['q / Ctrl-C', 'quit'],
];

/** One line of the journal as the pet's panel shows it: when, and what was said. */
export interface JournalLineView {
  readonly time: string;
  readonly text: string;
}

export interface PetScreenInput {
  readonly bones: BuddyBones;
  readonly sprite: SpeciesSprite;
  readonly hats: ReadonlyMap<string, string>;
  readonly name: string;
  readonly personality: string;
  readonly soulNote: string;
  /** The card's line saying the buddy speaks English offline, when it does. */
  readonly languageNote?: string | undefined;
  /** The journal's last lines, oldest first, for the `l` panel. */
  readonly journal?: readonly JournalLineView[] | undefined;
  /** With a round of the mini-game on, the screen is the game's. */
  readonly state: Pick<PetState, 'panel' | 'draft' | 'game'>;
  readonly view: PetView;
  readonly notice?: string | undefined;
  /** Its growth at this moment (level, stage, mood, needs…); absent before it has hatched. */
  readonly growth?: GrowthView | undefined;
  readonly columns: number;
  readonly rows: number;
  readonly palette: Palette;
}

/** The tallest frame a terminal of `rows` rows can show without scrolling. */
export function frameBudget(rows: number): number {
  return Math.max(1, rows - 1);
}

export function composePetScreen(input: PetScreenInput): string[] {
  const round = input.state.game;
  if (round) return composeGameScreen({ round, columns: input.columns, rows: input.rows, palette: input.palette });
  const lines = layOut(input);
  return input.palette.ascii ? asciiLines(lines) : lines;
}

function layOut(input: PetScreenInput): string[] {
  const budget = frameBudget(input.rows);
  const width = Math.max(1, input.columns);
  const besideWidth = input.growth ? accessoryWidth(input.growth.stage, input.growth.branch) : 0;
  const roomy = width >= Math.max(FACE_ONLY_BELOW, input.sprite.width + besideWidth + 1);
  const talk = input.state.draft === undefined ? [] : talkLines(input.state.draft, input.name, width, input.palette);
  const panel = panelLines(input, width, Infinity);
  const footer = input.state.draft === undefined && input.state.panel === 'none' ? footerLine(width, input.palette) : [];
  const notice = input.notice ? [input.palette.color(NOTICE_SGR)(truncateToWidth(`! ${input.notice}`, width))] : [];
  const bubble = input.view.bubble;

  // From the fullest layout to the barest: the first that fits the window is drawn. What the buddy says
  // always shows: the sprite gives way to the face line first, and only then is a long bubble cut.
  const layouts: Array<() => Block[] | undefined> = [];
  if (roomy) {
    layouts.push(() => [companionAndBubble(input, width), notice, talk, panel, footer]);
    layouts.push(() => [companionAndBubble(input, width), talk, panel, footer]);
    // The row kept above the sprite for hearts and z's goes first, while nothing floats there.
    if (bubble) layouts.push(() => [companionAndBubble(input, width, { tight: true }), talk, panel, footer]);
  }
  if (bubble) {
    const head = faceLine(input, width, false);
    const below = (maxTextLines: number): string[] | undefined => bubbleBelow(bubble, width, maxTextLines, input);
    layouts.push(() => withBlock(below(Infinity), (box) => [head, box, notice, talk, panel, footer]));
    layouts.push(() => withBlock(below(Infinity), (box) => [head, box, talk, panel, footer]));
    layouts.push(() => withBlock(below(budget - head.length - talk.length - panel.length - footer.length - 2), (box) => [head, box, talk, panel, footer]));
  }
  const face = faceLine(input, width, true);
  layouts.push(() => [face, notice, talk, panel, footer]);
  layouts.push(() => [face, talk, panel, footer]);
  layouts.push(() => [face, talk, panelLines(input, width, budget - face.length - talk.length)]);
  for (const layout of layouts) {
    const lines = layout()?.flat();
    if (lines && lines.length <= budget) return lines;
  }
  return [face, talk].flat().slice(0, budget);
}

/** The layout made with a block, or no layout when the block could not be made. */
function withBlock(block: string[] | undefined, layout: (block: string[]) => Block[]): Block[] | undefined {
  return block && layout(block);
}

function bodyStyle(input: PetScreenInput): Style {
  if (input.bones.shiny) return input.palette.color(SHIMMER_SGR[input.view.sparklePhase % SHIMMER_SGR.length] as number);
  return input.palette.rarity(input.bones.rarity);
}

function nameLine(input: PetScreenInput, width: number): string {
  const stars = rarityStars(input.bones.rarity);
  const level = input.growth ? ` Lv ${input.growth.level}` : '';
  const name = truncateToWidth(input.name, Math.max(1, width - displayWidth(stars) - displayWidth(level) - 1));
  return `${input.palette.bold(name)} ${input.palette.rarity(input.bones.rarity)(stars)}${level ? input.palette.dim(level) : ''}`;
}

/** The line above the sprite (hearts, z's), the sprite, and the name with rarity stars. */
function companionBlock(input: PetScreenInput, width: number): string[] {
  const { view, palette } = input;
  const body = bodyStyle(input);
  const look = { ...input.bones, stage: input.growth?.stage, branch: input.growth?.branch, wornHat: wornHeadArt(input.growth?.worn?.head) };
  const sprite = composeBuddyFrame(look, view.frame, view.sparklePhase, { sprite: input.sprite, hats: input.hats }).map((line) => body(line.trimEnd()));
  const overhead = view.overhead === undefined ? '' : palette.color(HEARTS_SGR)(view.overhead.trimEnd());
  return [overhead, ...sprite, nameLine(input, width)];
}

/**
 * The companion with its bubble beside it on wide terminals, below it on narrower ones. `tight` leaves
 * out the empty row above the sprite.
 */
function companionAndBubble(input: PetScreenInput, width: number, { tight = false } = {}): string[] {
  const whole = companionBlock(input, width);
  const companion = tight && whole[0] === '' ? whole.slice(1) : whole;
  const bubble = input.view.bubble;
  if (!bubble) return companion;
  const besideRoom = width - blockWidth(companion) - BUBBLE_GAP;
  const beside = width >= BUBBLE_BESIDE_FROM && besideRoom >= MIN_BUBBLE_WIDTH;
  const box = bubbleBox(bubble, Math.min(MAX_BUBBLE_WIDTH, beside ? besideRoom : width), Infinity, input);
  return beside ? besideBlocks(companion, box, BUBBLE_GAP) : [...companion, ...box];
}

/** The bubble under the face line, with at most `maxTextLines` lines of text (the last one cut with `…`). */
function bubbleBelow(bubble: BubbleView, width: number, maxTextLines: number, input: PetScreenInput): string[] | undefined {
  const bubbleWidth = Math.min(MAX_BUBBLE_WIDTH, width);
  if (maxTextLines < 1 || bubbleWidth - 4 < 1) return undefined;
  return bubbleBox(bubble, bubbleWidth, maxTextLines, input);
}

function bubbleBox(bubble: BubbleView, width: number, maxTextLines: number, input: PetScreenInput): string[] {
  const { palette } = input;
  const fading = bubble.kind === 'speech' && bubble.fading;
  const tint = palette.rarity(input.bones.rarity);
  const border: Style = fading ? (text) => palette.dim(tint(text)) : tint;
  const textStyle: Style = bubble.kind === 'thinking' ? palette.italic : fading ? palette.dim : (text) => text;
  const lines = wrapToWidth(bubble.text, width - 4, maxTextLines).map(textStyle);
  return boxed(lines.length > 0 ? lines : [''], { width, border });
}

/**
 * The one-line buddy: face and name, then (with `withNote`, when no bubble is drawn below it) what it is
 * saying, shortened, or that it sleeps.
 */
function faceLine(input: PetScreenInput, width: number, withNote: boolean): string[] {
  const { palette, view } = input;
  const blink = view.frame.kind === 'idle' && view.frame.blink;
  const mark = input.growth ? MOOD_MARK[input.growth.mood] : '';
  const face = `${composeFace(input.sprite, input.bones.eye, blink)}${mark ? ` ${mark}` : ''}`;
  const note = withNote ? (view.bubble?.text ?? (view.asleep ? 'zzz' : undefined)) : undefined;
  const plain = truncateToWidth(note ? `${face} ${input.name} ${note}` : `${face} ${input.name}`, width);
  // Style the parts that survived the cut: the face in the rarity colour, the name bold, the note dim.
  const faceEnd = Math.min(plain.length, face.length);
  const nameEnd = Math.min(plain.length, face.length + 1 + input.name.length);
  return [
    palette.rarity(input.bones.rarity)(plain.slice(0, faceEnd)) +
      palette.bold(plain.slice(faceEnd, nameEnd)) +
      (plain.length > nameEnd ? palette.dim(plain.slice(nameEnd)) : ''),
  ];
}

/** The talk line: the end of the draft that fits, a cursor, and a hint while the draft is empty. */
function talkLines(draft: string, name: string, width: number, palette: Palette): string[] {
  const prompt = '› ';
  const cursor = palette.enabled ? palette.inverse(' ') : '▌';
  const room = Math.max(0, width - displayWidth(prompt) - 1);
  let shown = draft;
  while (displayWidth(shown) > room) shown = [...shown].slice(1).join('');
  const hint = draft.length === 0 ? `  say something; call ${name} by name for an answer · Enter sends · Esc closes` : '';
  const hintRoom = width - displayWidth(prompt) - displayWidth(shown) - 1;
  const fittedHint = hint && hintRoom > 4 ? palette.dim(truncateToWidth(hint, hintRoom)) : '';
  return [`${palette.bold(prompt)}${shown}${cursor}${fittedHint}`];
}

function panelLines(input: PetScreenInput, width: number, maxHeight: number): string[] {
  if (input.state.panel === 'card') return cardPanel(input, width, maxHeight);
  if (input.state.panel === 'help') return helpPanel(input, width, maxHeight);
  if (input.state.panel === 'journal') return journalPanel(input, width, maxHeight);
  return [];
}

/** Keeps at most `max` lines, the last one kept becoming `…` when any were cut. */
function cutLines(lines: readonly string[], max: number): string[] {
  if (lines.length <= max) return [...lines];
  return max <= 0 ? [] : [...lines.slice(0, max - 1), ELLIPSIS];
}

/** A blank line above a panel, when there is room for it. */
function withMargin(panel: readonly string[], maxHeight: number): string[] {
  return panel.length < maxHeight ? ['', ...panel] : [...panel];
}

/** The stat card in a box; the same text as `buddy roll`, cut from the end when the window is short. */
function cardPanel(input: PetScreenInput, width: number, maxHeight: number): string[] {
  const boxWidth = Math.min(width, MAX_CARD_WIDTH);
  if (boxWidth - 4 < MIN_CARD_INNER_WIDTH) return maxHeight >= 1 ? [input.palette.dim(truncateToWidth('(the card needs a wider window)', width))] : [];
  const card = renderCard(input.bones, input.palette, {
    name: input.name,
    personality: input.personality,
    soulNote: input.soulNote,
    ...(input.languageNote ? { languageNote: input.languageNote } : {}),
    width: Math.max(1, boxWidth - 4),
    progress: input.growth,
    wearing: wearingOf(input.growth?.worn),
  });
  const room = Math.min(card.length, maxHeight - 2);
  if (room < 1) return [];
  return withMargin(boxed(cutLines(card, room), { width: boxWidth, border: (text) => text }), maxHeight);
}

function helpPanel(input: PetScreenInput, width: number, maxHeight: number): string[] {
  const keyWidth = Math.max(...HELP_KEYS.map(([key]) => key.length)) + 1;
  const compact = width < keyWidth + 16;
  const keys = HELP_KEYS.map(([key, what]) =>
    compact ? truncateToWidth(`${key.split(' ')[0]} ${what}`, width) : `${input.palette.bold(key.padEnd(keyWidth))}${truncateToWidth(what, width - keyWidth)}`,
  );
  const rule = `${input.name} answers when you call it by name ("${input.name}, how's it going?"); otherwise it just reacts.`;
  const lines = [...keys, ...wrapWords(rule, width).map(input.palette.dim)];
  // The keys matter more than the sentence: drop the sentence before cutting keys.
  const fitted = lines.length <= maxHeight ? lines : cutLines(keys, maxHeight);
  return withMargin(fitted, maxHeight);
}

/**
 * The journal's last lines under a title: each entry wrapped under its time, the newest at the bottom.
 * When the window is short, the oldest entries go first, then the title; the newest stays, cut with `…`.
 */
function journalPanel(input: PetScreenInput, width: number, maxHeight: number): string[] {
  const { palette } = input;
  const title = palette.dim(truncateToWidth('Journal · buddy log shows more', width));
  const entries = input.journal ?? [];
  if (entries.length === 0) return withMargin([title, palette.dim(truncateToWidth('Nothing said yet.', width))].slice(0, Math.max(0, maxHeight)), maxHeight);
  const blocks = entries.map((entry) => {
    const indent = displayWidth(entry.time) + 1;
    if (width - indent < 8) return wrapWords(`${entry.time} ${entry.text}`, width);
    const [first = '', ...rest] = wrapWords(entry.text, width - indent);
    return [`${palette.dim(entry.time)} ${first}`, ...rest.map((line) => `${' '.repeat(indent)}${line}`)];
  });
  const room = maxHeight - 1;
  const kept: string[][] = [];
  let used = 0;
  for (let index = blocks.length - 1; index >= 0; index--) {
    const block = blocks[index] as string[];
    if (used + block.length > room) break;
    kept.unshift(block);
    used += block.length;
  }
  if (kept.length === 0) {
    // Not even the newest entry fits whole: as much of it as there is room for.
    const newest = blocks.at(-1) ?? [];
    return cutLines(newest, Math.max(0, maxHeight));
  }
  return withMargin([title, ...kept.flat()], maxHeight);
}

function footerLine(width: number, palette: Palette): string[] {
  const footer = FOOTERS.find((candidate) => displayWidth(candidate) <= width);
  return footer ? [palette.dim(footer)] : [];
}
