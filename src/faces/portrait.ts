// The one answer every face gives to "who is this buddy, and how is it now": its name, species, rarity,
// shine, eye and hat (its bones, fixed at the roll), and its level, stage, mood and achievements (its
// growth, at a moment). The cards (text and SVG), `status`, `list` and the MCP card take these from here;
// the statusline, which must stay light, takes its likeness (likeness.ts) and asks src/game/standing.ts for
// the rest, as the growth view does; the pet and the journal ask the same growth view and standing. So no
// face works them out on its own.
// Pure: the growth and the clock are passed in.
import type { BuddyBones } from '../engine/bones.js';
import { ACHIEVEMENTS } from '../game/achievements.js';
import type { Clock } from '../game/clock.js';
import type { GrowthState } from '../game/state.js';
import { growthViewAt, type GrowthView } from '../game/view.js';
import { likenessOf, type Likeness } from './likeness.js';

export { likenessOf, type Likeness };

/** Who it is and how it is at a moment. */
export interface Portrait extends Likeness {
  /** Level, stage, mood, needs, streak and the achievements' count at the moment; absent before the hatch. */
  readonly growth: GrowthView | undefined;
  /** The names of the achievements it has earned, in the table's order (none before the hatch). */
  readonly achievements: readonly string[];
}

/** Only achievements of the table count: an unknown id (from a newer version) is neither shown nor counted. */
export function earnedAchievementNames(growth: GrowthState): string[] {
  return ACHIEVEMENTS.filter((achievement) => growth.achievements[achievement.id] !== undefined).map((achievement) => achievement.name);
}

/**
 * The portrait of a buddy at a moment. `soul` and `growth` are the stored buddy's (absent before the hatch:
 * then it has neither name nor growth).
 */
export function portraitOf(bones: BuddyBones, soul: { readonly name: string } | undefined, growth: GrowthState | undefined, careOn: boolean, clock: Clock): Portrait {
  const known = soul === undefined ? undefined : growth;
  return {
    ...likenessOf(bones, soul),
    growth: known ? growthViewAt(known, clock, careOn) : undefined,
    achievements: known ? earnedAchievementNames(known) : [],
  };
}

/** The portrait's fields as `buddy status --json` gives them (and as the test of every face compares them). */
export function portraitFields(portrait: Portrait): Record<string, unknown> {
  const { growth } = portrait;
  return {
    name: portrait.name,
    species: portrait.species,
    rarity: portrait.rarity,
    shiny: portrait.shiny,
    eye: portrait.eye,
    hat: portrait.hat,
    ...(growth ? { level: growth.level, stage: growth.stage, mood: growth.mood, achievements: { earned: growth.achievements.earned, total: growth.achievements.total } } : {}),
  };
}
