// Levels and growth stages. Level n + 1 costs 40·n XP more than level n, so level 2 comes after the first
// few pets and each level after that takes a little longer: reaching level L takes 20·(L − 1)·L XP in
// all, and level 50, the top, 49,000 XP: about a year of steady use (see docs/growth.md).

export const MAX_LEVEL = 50;
const XP_STEP = 40;

/** Total XP needed to reach a level (level 1 needs none). */
export function xpForLevel(level: number): number {
  const n = Math.max(0, Math.min(MAX_LEVEL, Math.floor(level)) - 1);
  return (XP_STEP / 2) * n * (n + 1);
}

export function levelForXp(xp: number): number {
  let level = 1;
  while (level < MAX_LEVEL && xp >= xpForLevel(level + 1)) level++;
  return level;
}

export const STAGES = ['hatchling', 'young', 'adult', 'elder'] as const;
export type Stage = (typeof STAGES)[number];

/** The level each stage begins at. */
const STAGE_FROM: Readonly<Record<Stage, number>> = { hatchling: 1, young: 10, adult: 25, elder: 40 };

export function stageForLevel(level: number): Stage {
  let stage: Stage = 'hatchling';
  for (const candidate of STAGES) if (level >= STAGE_FROM[candidate]) stage = candidate;
  return stage;
}

export interface LevelProgress {
  readonly level: number;
  readonly stage: Stage;
  readonly xp: number;
  /** XP earned since this level began. */
  readonly intoLevel: number;
  /** XP this level takes in all; undefined at the top level. */
  readonly levelSize: number | undefined;
}

export function levelProgress(xp: number): LevelProgress {
  const level = levelForXp(xp);
  const start = xpForLevel(level);
  return { level, stage: stageForLevel(level), xp, intoLevel: xp - start, levelSize: level < MAX_LEVEL ? xpForLevel(level + 1) - start : undefined };
}
