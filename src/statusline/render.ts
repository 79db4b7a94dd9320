// Draws the buddy for a status line: `compact` (one line: face, name, what it says) or `full` (the sprite
// with name and bubble beside it), coloured for a terminal, plain, or in tmux's #[fg=…] syntax, and in
// ASCII only where the terminal cannot show more. Pure: the moment is passed in, and the frame comes from
// the same 500 ms idle loop as the pet. Whether to colour is decided by colorEnabled (render/ansi.ts),
// as for every face; the command turns that into the format.
import type { Rarity } from '../engine/constants.js';
import type { BuddyBones } from '../engine/bones.js';
import type { StatuslineLayout } from '../store/schema.js';
import { RARITY_SGR } from '../render/ansi.js';
import { asciiLines } from '../render/ascii.js';
import { rarityStars } from '../render/card.js';
import { IDLE_LOOP_MS, idleFrameAt, moodIdleFrameAt, TICK_MS, type FrameChoice } from '../sprites/animation.js';
import type { Stage } from '../game/levels.js';
import { accessoryWidth } from '../sprites/branch-art.js';
import type { Branch } from '../game/branch.js';
import { composeBuddyFace, composeBuddyFrame } from '../faces/frame.js';
import type { Pose, SpeciesSprite } from '../sprites/parse.js';
import { displayWidth } from '../text/display-width.js';
import { truncateToWidth, wrapToWidth } from '../text/wrap.js';

export const STATUS_FORMATS = ['ansi', 'plain', 'tmux'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];
/** The layouts are the config's (one definition, in the schema). */
export type StatusLayout = StatuslineLayout;

/** Hosts trim leading spaces from each row; a braille blank looks the same and survives. */
export const PROTECTED_SPACE = '\u2800';

export interface StatusView {
  readonly bones: BuddyBones;
  readonly name: string;
  readonly sprite: SpeciesSprite;
  readonly hats: ReadonlyMap<string, string>;
  readonly now: number;
  readonly pose: Pose | undefined;
  readonly text: string | undefined;
  readonly thinking: boolean;
  readonly layout: StatusLayout;
  readonly format: StatusFormat;
  readonly width: number;
  /** ASCII only (a locale without UTF-8, --ascii): the glyphs' stand-ins, column for column. */
  readonly ascii?: boolean | undefined;
  /** A hatched buddy's level, stage and mood, for the full layout. */
  readonly growth?: StatusGrowth | undefined;
}

export interface StatusGrowth {
  readonly level: number;
  readonly stage: Stage;
  readonly mood: string;
  /** The pose its mood shows in the idle loop. */
  readonly moodPose: Pose | undefined;
  /** The branch its stage grew into, drawn in place of the stage's accessory. */
  readonly branch?: Branch | undefined;
  /** The worn wardrobe head item's art, drawn in place of the rolled hat. */
  readonly wornHat?: string | undefined;
}

const TMUX_COLOR: Readonly<Record<Rarity, string>> = {
  common: 'white',
  uncommon: 'green',
  rare: 'blue',
  epic: 'magenta',
  legendary: 'yellow',
};

const POSE_MARK: Readonly<Record<Pose, string>> = { happy: '♥', alarmed: '!', sad: '…', sleepy: 'z', talking: '' };

function tint(format: StatusFormat, rarity: Rarity, text: string): string {
  if (format === 'ansi') return `\u001b[${RARITY_SGR[rarity]}m${text}\u001b[39m`;
  if (format === 'tmux') return `#[fg=${TMUX_COLOR[rarity]}]${text}#[default]`;
  return text;
}

function dim(format: StatusFormat, text: string): string {
  return format === 'ansi' ? `\u001b[2m${text}\u001b[22m` : text;
}

/** tmux treats '#' specially; user-visible text must not inject formats. */
function escapeForFormat(format: StatusFormat, text: string): string {
  return format === 'tmux' ? text.replace(/#/g, '##') : text;
}

export function protectLeadingSpaces(line: string): string {
  const match = /^ +/.exec(line);
  return match ? PROTECTED_SPACE.repeat(match[0].length) + line.slice(match[0].length) : line;
}

function frameFor(view: Pick<StatusView, 'thinking' | 'pose' | 'now' | 'sprite'>): FrameChoice {
  if (view.thinking) return { kind: 'pose', pose: 'talking' };
  if (view.pose) return { kind: 'pose', pose: view.pose };
  return idleFrameAt(view.now, view.sprite.idle.length);
}

function saying(view: StatusView): string | undefined {
  if (view.thinking) return '…';
  return view.text;
}

/** The compact line's face, pose mark and name, before what the buddy says. */
function compactHead(view: Pick<StatusView, 'bones' | 'sprite' | 'name' | 'pose' | 'thinking' | 'now'>): string {
  const face = composeBuddyFace(view.bones, frameFor(view), view.sprite);
  const mark = view.pose ? POSE_MARK[view.pose] : '';
  return `${face}${mark ? ` ${mark}` : ''} ${view.name}`;
}

/**
 * The columns a saying in this pose has: in the compact layout, what is left beside the face, mark and
 * name; in the full layout, two rows beside the art (it has at least that many). A remark written to fit
 * is shown whole, not cut.
 */
export function sayingRoom(view: Pick<StatusView, 'bones' | 'sprite' | 'name' | 'pose' | 'layout' | 'format' | 'width' | 'growth' | 'now'>): number {
  if (view.layout === 'full' && view.format !== 'tmux') {
    return 2 * Math.max(8, view.width - view.sprite.width - (view.growth ? accessoryWidth(view.growth.stage, view.growth.branch) : 0) - 2);
  }
  return view.width - displayWidth(compactHead({ ...view, thinking: false })) - 2;
}

function renderCompact(view: StatusView): string[] {
  const head = compactHead(view);
  const said = saying(view);
  const room = view.width - displayWidth(head) - 2;
  const tail = said && room > 3 ? `  ${truncateToWidth(said, room)}` : '';
  const line = truncateToWidth(head, view.width);
  return [`${tint(view.format, view.bones.rarity, escapeForFormat(view.format, line))}${escapeForFormat(view.format, tail)}`];
}

function renderFull(view: StatusView): string[] {
  const growth = view.growth;
  const frame = growth && !view.thinking && !view.pose ? moodIdleFrameAt(view.now, view.sprite.idle.length, growth.moodPose) : frameFor(view);
  const art = composeBuddyFrame({ ...view.bones, stage: growth?.stage, branch: growth?.branch, wornHat: growth?.wornHat }, frame, Math.floor(view.now / 500), { sprite: view.sprite, hats: view.hats });
  const room = Math.max(8, view.width - view.sprite.width - (growth ? accessoryWidth(growth.stage, growth.branch) : 0) - 2);
  const said = saying(view);
  const grown = growth ? [`Lv ${growth.level} ${growth.stage} · ${growth.mood}`] : [];
  const right = [
    `${view.name} ${rarityStars(view.bones.rarity)}`,
    ...grown,
    ...(said ? wrapToWidth(said, room, art.length - 1 - grown.length) : []),
  ];
  // The name sits on the hat line, so no row of the status line is ever empty.
  return art.map((artLine, row) => {
    const text = right[row];
    const styled = tint(view.format, view.bones.rarity, protectLeadingSpaces(artLine));
    if (text === undefined) return styled;
    return `${styled}  ${row === 0 ? escapeForFormat(view.format, text) : dim(view.format, escapeForFormat(view.format, text))}`;
  });
}

export function renderStatusline(view: StatusView): string[] {
  const lines = view.layout === 'full' && view.format !== 'tmux' ? renderFull(view) : renderCompact(view);
  // The protected blanks at the start of rows become dots: hosts trim leading spaces, and ASCII has no
  // blank they leave alone.
  return view.ascii ? asciiLines(lines) : lines;
}

/** The face shown when anything goes wrong: plain, always printable. */
export const PLAIN_FACE = '(·_·) buddy';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;

/**
 * Seconds after which a drawing repeats when drawn at whole seconds: the idle loop (longer for species
 * whose extra fidgets take turns, see idleFrameAt) and the sparkles' two-tick phase.
 */
export function framePeriodSeconds(idleFrameCount: number): number {
  const loops = idleFrameCount > 3 ? idleFrameCount - 2 : 1;
  return [IDLE_LOOP_MS * loops, 2 * TICK_MS].reduce(lcm, 1000) / 1000;
}
