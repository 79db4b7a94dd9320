// The draws roll v1 and the classic roll share, whatever generator feeds them: one item of a list, and
// the stat block (peak, dump, then one value per stat in STATS order). Their order is part of both rolls'
// normative text (docs/roll-v1.md, docs/roll-classic.md); the golden vectors of each pin it.
import { RARITY_FLOOR, STATS, type Rarity, type Stat } from './constants.js';

export type Draw = () => number;
export type StatBlock = Record<Stat, number>;

export function pick<T>(list: readonly T[], rng: Draw): T {
  return list[Math.floor(rng() * list.length)] as T;
}

export function drawStats(rarity: Rarity, rng: Draw): { peak: Stat; dump: Stat; stats: StatBlock } {
  const floor = RARITY_FLOOR[rarity];
  const peak = pick(STATS, rng);
  let dump = pick(STATS, rng);
  while (dump === peak) dump = pick(STATS, rng);
  const value = (stat: Stat, r: number): number => {
    if (stat === peak) return Math.min(100, floor + 50 + Math.floor(r * 30));
    if (stat === dump) return Math.max(1, floor - 10 + Math.floor(r * 15));
    return floor + Math.floor(r * 40);
  };
  // One draw per stat, in STATS order (the literal's order is the draw order).
  const stats: StatBlock = {
    DEBUGGING: value('DEBUGGING', rng()),
    PATIENCE: value('PATIENCE', rng()),
    CHAOS: value('CHAOS', rng()),
    WISDOM: value('WISDOM', rng()),
    SNARK: value('SNARK', rng()),
  };
  return { peak, dump, stats };
}
