// The stat card inside the pet screen; the same text as `buddy roll`, so both always agree.
import { Box, Text } from 'ink';
import type { Bones } from '../engine/roll.js';
import { makePalette } from '../render/ansi.js';
import { renderCard } from '../render/card.js';

export interface CardPanelProps {
  readonly bones: Bones;
  readonly name: string;
  readonly personality: string;
  readonly soulNote: string;
  readonly color: boolean;
  readonly width: number;
}

export function CardPanel({ bones, name, personality, soulNote, color, width }: CardPanelProps) {
  const lines = renderCard(bones, makePalette(color), { name, personality, soulNote });
  return (
    <Box flexDirection="column" marginTop={1} borderStyle="round" paddingX={1} width={width}>
      {lines.map((line, index) => (
        <Text key={index} wrap="wrap">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
