// How growth reads in plain text, for the care commands and `buddy status`: the level line, the needs,
// and the announcements, each one line.
import { clockAt } from '../buddy/clock.js';
import { growthViewAt, type GrowthView } from '../game/view.js';
import type { GrowthState } from '../game/state.js';
import type { Palette } from '../render/ansi.js';

export function viewNow(growth: GrowthState, careOn: boolean, now: number = Date.now()): GrowthView {
  return growthViewAt(growth, clockAt(now), careOn);
}

export function levelLine(view: GrowthView): string {
  const xp = view.levelSize === undefined ? `${view.xp} XP, the top level` : `${view.intoLevel}/${view.levelSize} XP to level ${view.level + 1}`;
  return `level ${view.level} ${view.stage} · ${xp}`;
}

export function needsLine(view: GrowthView): string | undefined {
  return view.needs ? `fullness ${view.needs.fullness}% · energy ${view.needs.energy}% · ${view.mood}` : undefined;
}

export function announcementLines(texts: readonly string[], palette: Palette): string[] {
  return texts.map((text) => palette.bold(`★ ${text}`));
}
