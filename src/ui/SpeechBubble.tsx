// A word-wrapped speech bubble with a rounded border in the rarity colour; dims while it fades.
import { Box, Text } from 'ink';
import type { BubbleView } from '../pet/view.js';

export interface SpeechBubbleProps {
  readonly bubble: BubbleView;
  readonly width: number;
  readonly borderColor: string | undefined;
}

export function SpeechBubble({ bubble, width, borderColor }: SpeechBubbleProps) {
  const fading = bubble.kind === 'speech' && bubble.fading;
  return (
    <Box borderStyle="round" borderColor={borderColor} borderDimColor={fading} paddingX={1} width={width} flexShrink={0}>
      <Text wrap="wrap" dimColor={fading} italic={bubble.kind === 'thinking'}>
        {bubble.text}
      </Text>
    </Box>
  );
}
