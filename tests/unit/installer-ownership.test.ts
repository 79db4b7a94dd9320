// Which commands are Buddy's: exactly what it recorded, or its unmistakable form, never a look-alike.
import { describe, expect, it } from 'vitest';
import { buddyCommands, ownershipOf, parseBuddyCommand, shellQuote, shownCommand, unquote, wrappingCommand } from '../../src/integrations/claude-settings.js';

const COMMANDS = buddyCommands('/usr/local/bin/node', '/usr/local/lib/node_modules/buddy-terminal-pet/dist/buddy.js');

describe("Buddy's unmistakable form", () => {
  it('reads each of its own commands back, with its role', () => {
    expect(parseBuddyCommand(COMMANDS.statusline)).toEqual({ node: '/usr/local/bin/node', script: '/usr/local/lib/node_modules/buddy-terminal-pet/dist/buddy.js', role: 'statusline' });
    expect(parseBuddyCommand(COMMANDS.prompt)?.role).toBe('prompt');
    expect(parseBuddyCommand(COMMANDS.sessionStart)?.role).toBe('session-start');
  });

  it('reads paths with spaces and shell characters, quoted', () => {
    const odd = buddyCommands('/Users/Ann Lee/.nvm/node', '/Users/Ann Lee/My "tools"/$HOME/dist/buddy.js');
    expect(odd.prompt).toBe('"/Users/Ann Lee/.nvm/node" "/Users/Ann Lee/My \\"tools\\"/\\$HOME/dist/buddy.js" hook prompt');
    expect(parseBuddyCommand(odd.prompt)).toMatchObject({ node: '/Users/Ann Lee/.nvm/node', script: '/Users/Ann Lee/My "tools"/$HOME/dist/buddy.js' });
  });

  it('gets back the exact command it wraps, multi-line and quoted ones included', () => {
    for (const wrapped of ['~/bin/status.sh', "printf '%s' \"$(git branch --show-current)\"\necho it's two lines", '/opt/study-buddy statusline']) {
      const command = wrappingCommand(COMMANDS, wrapped);
      expect(parseBuddyCommand(command)).toMatchObject({ role: 'statusline', wrapped });
      expect(unquote(shellQuote(wrapped))).toBe(wrapped);
    }
  });

  it("takes nothing else for Buddy's, whatever its name", () => {
    for (const foreign of [
      '/opt/study-buddy statusline',
      'codebuddy hook prompt',
      'npx my-buddy hook session-start --fast',
      'buddy statusline',
      'node dist/buddy.js statusline',
      '/usr/bin/node /opt/buddy/buddy.js statusline',
      '/usr/bin/node /opt/buddy/dist/buddy.js hook prompt --fast',
      '/usr/bin/node /opt/buddy/dist/buddy.js hook reply',
      '/usr/bin/node /opt/buddy/dist/buddy.js statusline; rm -rf ~',
      `${COMMANDS.statusline} --wrap two words`,
      `${COMMANDS.prompt}\n`,
    ]) {
      expect(parseBuddyCommand(foreign), foreign).toBeUndefined();
      expect(ownershipOf([])(foreign), foreign).toBe(false);
    }
  });

  it('owns a recorded command by its exact string, and only that string', () => {
    const recorded = '/home/me/bin/buddy-launcher statusline';
    const owned = ownershipOf([recorded]);
    expect(owned(recorded)).toBe(true);
    expect(owned(`${recorded} `)).toBe(false);
    expect(owned('/home/me/bin/buddy-launcher statusline --fast')).toBe(false);
  });
});

describe('showing a foreign command', () => {
  it('keeps it on one line with no control characters', () => {
    expect(shownCommand('a\nb\u001b[31m\u009b')).toBe('"a\\nb\\u001b[31m\\u009b"');
  });
});
