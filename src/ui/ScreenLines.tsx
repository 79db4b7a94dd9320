// Prints composed screen lines as they are: layout, wrapping and styling were all decided by the pure
// composers (src/pet/screen.ts), so what Ink draws is exactly what they composed.
import { Box, Text } from 'ink';

export function ScreenLines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        // An empty Text takes no row in Ink; a space keeps blank lines in the frame.
        <Text key={index} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}
