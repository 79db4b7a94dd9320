// Which commands are Buddy's: exactly what it recorded, or its unmistakable form, never a look-alike.
import { describe, expect, it } from 'vitest';
import { buddyCommands, fastStatuslineScript, ownershipOf, parseBuddyCommand, wrappingCommand } from '../../src/installers/hosts/claude-code/commands.js';
import { shellQuote, shownCommand, unquote } from '../../src/installers/shell-quote.js';
import { buddyMcpEntry, hasBuddyForm } from '../../src/installers/mcp-entry.js';

const COMMANDS = buddyCommands('/usr/local/bin/node', '/usr/local/lib/node_modules/buddy-terminal-pet/dist/buddy.js');
const NODE_ONLY = buddyCommands('/usr/local/bin/node', '/usr/local/lib/node_modules/buddy-terminal-pet/dist/buddy.js', { fast: false });

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

describe("the light statusLine's form", () => {
  it('is /bin/sh running the script beside the bundle, then the Node command it falls back to', () => {
    expect(COMMANDS.statusline).toBe(
      '/bin/sh /usr/local/lib/node_modules/buddy-terminal-pet/dist/statusline.sh /usr/local/bin/node /usr/local/lib/node_modules/buddy-terminal-pet/dist/buddy.js statusline',
    );
    expect(COMMANDS.statusline.endsWith(NODE_ONLY.statusline)).toBe(true);
    expect(fastStatuslineScript(COMMANDS.statusline)).toBe('/usr/local/lib/node_modules/buddy-terminal-pet/dist/statusline.sh');
    expect(fastStatuslineScript(NODE_ONLY.statusline)).toBeUndefined();
    // The hooks run once per prompt: they stay the Node command.
    expect(COMMANDS.prompt).toBe(NODE_ONLY.prompt);
  });

  it('quotes paths with spaces, and wraps a statusLine of the user\'s', () => {
    const odd = buddyCommands('/Users/Ann Lee/.nvm/node', '/Users/Ann Lee/My tools/dist/buddy.js');
    expect(odd.statusline).toBe('/bin/sh "/Users/Ann Lee/My tools/dist/statusline.sh" "/Users/Ann Lee/.nvm/node" "/Users/Ann Lee/My tools/dist/buddy.js" statusline');
    expect(parseBuddyCommand(odd.statusline)).toEqual({ node: '/Users/Ann Lee/.nvm/node', script: '/Users/Ann Lee/My tools/dist/buddy.js', role: 'statusline' });
    const wrapped = wrappingCommand(odd, "git branch --show-current; echo '|'");
    expect(parseBuddyCommand(wrapped)).toMatchObject({ role: 'statusline', wrapped: "git branch --show-current; echo '|'" });
    expect(fastStatuslineScript(wrapped)).toBe('/Users/Ann Lee/My tools/dist/statusline.sh');
  });

  it('still knows the Node statusLine of earlier installs as Buddy\'s (install moves it to the light one)', () => {
    expect(parseBuddyCommand(NODE_ONLY.statusline)?.role).toBe('statusline');
    expect(ownershipOf([])(NODE_ONLY.statusline)).toBe(true);
  });

  it('takes no look-alike for it', () => {
    const dist = '/opt/buddy/dist';
    for (const foreign of [
      `/bin/sh /opt/other/dist/statusline.sh /usr/bin/node ${dist}/buddy.js statusline`,
      `sh ${dist}/statusline.sh /usr/bin/node ${dist}/buddy.js statusline`,
      `/bin/bash ${dist}/statusline.sh /usr/bin/node ${dist}/buddy.js statusline`,
      `/bin/sh ${dist}/other.sh /usr/bin/node ${dist}/buddy.js statusline`,
      `/bin/sh ${dist}/statusline.sh /usr/bin/node ${dist}/buddy.js hook prompt`,
      `/bin/sh ${dist}/statusline.sh /usr/bin/node ${dist}/buddy.js statusline; rm -rf ~`,
      `/bin/sh ${dist}/statusline.sh /usr/bin/node ${dist}/buddy.js statusline --wrap two words`,
      `/bin/sh ${dist}/statusline.sh node ${dist}/buddy.js statusline`,
      `/bin/sh dist/statusline.sh /usr/bin/node dist/buddy.js statusline`,
      `/bin/sh ${dist}/statusline.sh statusline`,
      `/bin/sh ${dist}/statusline.sh /usr/bin/node ${dist}/buddy.js statusline --fast`,
      `/bin/sh /opt/study-buddy/statusline.sh /usr/bin/node /opt/study-buddy/buddy.js statusline`,
      ` /bin/sh ${dist}/statusline.sh /usr/bin/node ${dist}/buddy.js statusline`,
    ]) {
      expect(parseBuddyCommand(foreign), foreign).toBeUndefined();
      expect(fastStatuslineScript(foreign), foreign).toBeUndefined();
      expect(ownershipOf([])(foreign), foreign).toBe(false);
    }
  });
});

describe("the standalone executable's form", () => {
  const exe = '/home/ann/.local/bin/buddy-linux-x64';
  const light = '/home/ann/.config/buddy/statusline.sh';
  const commands = buddyCommands(exe, exe, { lightScript: light });

  it('names the executable as Node and as the bundle, and its light script where it was put', () => {
    expect(commands.statusline).toBe(`/bin/sh ${light} ${exe} ${exe} statusline`);
    expect(commands.prompt).toBe(`${exe} ${exe} hook prompt`);
    expect(commands.sessionStart).toBe(`${exe} ${exe} hook session-start`);
  });

  it('reads each of its commands back as Buddy\'s, by form alone', () => {
    expect(parseBuddyCommand(commands.statusline)).toEqual({ node: exe, script: exe, role: 'statusline' });
    expect(fastStatuslineScript(commands.statusline)).toBe(light);
    expect(parseBuddyCommand(commands.prompt)).toEqual({ node: exe, script: exe, role: 'prompt' });
    expect(parseBuddyCommand('/usr/local/bin/buddy /usr/local/bin/buddy hook session-start')?.role).toBe('session-start');
    expect(hasBuddyForm(buddyMcpEntry(exe, exe))).toBe(true);
  });

  it('takes no look-alike for it', () => {
    for (const foreign of [
      `${exe} /home/ann/.local/bin/buddy-linux-arm64 statusline`,
      '/usr/bin/node /usr/bin/node statusline',
      '/opt/study-buddy /opt/study-buddy hook prompt',
      '/opt/codebuddy /opt/codebuddy statusline',
      'buddy buddy statusline',
      `/bin/sh ${light} /usr/bin/node /usr/bin/node statusline`,
      `/bin/sh /home/ann/other.sh ${exe} ${exe} statusline`,
      `/bin/sh ${light} ${exe} ${exe} hook prompt`,
    ]) {
      expect(parseBuddyCommand(foreign), foreign).toBeUndefined();
      expect(fastStatuslineScript(foreign), foreign).toBeUndefined();
      expect(ownershipOf([])(foreign), foreign).toBe(false);
    }
    expect(hasBuddyForm({ command: '/usr/bin/node', args: ['/usr/bin/node', 'mcp'] })).toBe(false);
    expect(hasBuddyForm({ command: exe, args: ['/opt/buddy-linux-x64', 'mcp'] })).toBe(false);
  });
});

describe('showing a foreign command', () => {
  it('keeps it on one line with no control characters', () => {
    expect(shownCommand('a\nb\u001b[31m\u009b')).toBe('"a\\nb\\u001b[31m\\u009b"');
  });
});
