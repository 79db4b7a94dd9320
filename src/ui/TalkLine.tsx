// The line where the person types to their buddy.
import { Text } from 'ink';

export function TalkLine({ draft, name }: { readonly draft: string; readonly name: string }) {
  return (
    <Text>
      <Text bold>{'› '}</Text>
      {draft}
      <Text inverse> </Text>
      <Text dimColor>{draft.length === 0 ? `  say something; call ${name} by name for an answer · Enter sends · Esc closes` : ''}</Text>
    </Text>
  );
}
