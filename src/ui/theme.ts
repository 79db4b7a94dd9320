// Colours for Ink components. Colour can be switched off as a whole (NO_COLOR), so every colour goes through here.
import type { Rarity } from '../engine/constants.js';
import { RARITY_COLOR_NAME } from '../render/ansi.js';

const SHIMMER = ['yellowBright', 'cyanBright', 'magentaBright', 'whiteBright'] as const;

export interface Theme {
  readonly enabled: boolean;
  readonly rarity: (rarity: Rarity) => string | undefined;
  readonly shimmer: (phase: number) => string | undefined;
}

export function makeTheme(enabled: boolean): Theme {
  return {
    enabled,
    rarity: (rarity) => (enabled ? RARITY_COLOR_NAME[rarity] : undefined),
    shimmer: (phase) => (enabled ? SHIMMER[phase % SHIMMER.length] : undefined),
  };
}
