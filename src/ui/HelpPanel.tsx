// Key help, and the one rule of talking: the buddy answers when called by name.
import { Box, Text } from 'ink';

const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['p', 'pet'],
  ['c', 'show or hide the stat card'],
  ['t / Enter', 'talk (Esc closes the line)'],
  ['?', 'this help'],
  ['q / Ctrl-C', 'quit'],
];

export function HelpPanel({ name }: { readonly name: string }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      {KEYS.map(([key, what]) => (
        <Text key={key}>
          <Text bold>{key.padEnd(11)}</Text>
          {what}
        </Text>
      ))}
      <Text dimColor>{`${name} answers when you call it by name ("${name}, how's it going?"); otherwise it just reacts.`}</Text>
    </Box>
  );
}
