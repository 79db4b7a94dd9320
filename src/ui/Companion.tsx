// The buddy itself: the line above it (hearts, z's), the sprite, and its name with rarity stars.
import { Box, Text } from 'ink';
import type { Rarity } from '../engine/constants.js';
import { rarityStars } from '../render/card.js';
import type { Theme } from './theme.js';

export interface CompanionProps {
  readonly lines: readonly string[];
  readonly overhead: string | undefined;
  readonly name: string;
  readonly rarity: Rarity;
  readonly shiny: boolean;
  readonly sparklePhase: number;
  readonly theme: Theme;
}

export function Companion({ lines, overhead, name, rarity, shiny, sparklePhase, theme }: CompanionProps) {
  const bodyColor = shiny ? theme.shimmer(sparklePhase) : theme.rarity(rarity);
  return (
    <Box flexDirection="column">
      <Text color={theme.enabled ? 'redBright' : undefined}>{overhead ?? ' '}</Text>
      {/* One node for the whole sprite: Ink lays out and styles it in one go on every frame. */}
      <Text color={bodyColor}>{lines.join('\n')}</Text>
      <Text>
        <Text bold>{name}</Text> <Text color={theme.rarity(rarity)}>{rarityStars(rarity)}</Text>
      </Text>
    </Box>
  );
}

export interface FaceLineProps {
  readonly face: string;
  readonly name: string;
  readonly rarity: Rarity;
  readonly note: string | undefined;
  readonly theme: Theme;
}

/** The one-line buddy for narrow terminals. */
export function FaceLine({ face, name, rarity, note, theme }: FaceLineProps) {
  return (
    <Text wrap="truncate-end">
      <Text color={theme.rarity(rarity)}>{face}</Text> <Text bold>{name}</Text>
      {note ? <Text dimColor> {note}</Text> : null}
    </Text>
  );
}
