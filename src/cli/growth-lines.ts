// How growth reads on a terminal, for the commands: growth as it shows now, and the announcements, each
// one line (the level and needs lines are words of the game's view, shared with the MCP server).
import { clockAt } from '../buddy/system-clock.js';
import { growthViewAt, type GrowthView } from '../game/view.js';
import type { GrowthState } from '../game/state.js';
import type { Palette } from '../render/ansi.js';

export function viewNow(growth: GrowthState, careOn: boolean, now: number = Date.now()): GrowthView {
  return growthViewAt(growth, clockAt(now), careOn);
}

export function announcementLines(texts: readonly string[], palette: Palette): string[] {
  return texts.map((text) => palette.bold(`★ ${text}`));
}
