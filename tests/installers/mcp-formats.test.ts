// The MCP hosts' file formats and Claude Code's user-scope server, in process: each format checks a file
// the way its host reads it (the exact refusal), finds Buddy's entry (the last one, as the host does),
// and Claude Code's ~/.claude.json is only read, with the `claude mcp` commands printed for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codex } from '../../src/installers/hosts/codex.js';
import { gemini } from '../../src/installers/hosts/gemini.js';
import { CLAUDE_MCP_REMOVE_COMMAND, claudeCodeMcp, claudeMcpAddCommand, claudeUserScopeServer } from '../../src/installers/hosts/claude-code/mcp.js';
import { settingsRefusal } from '../helpers/settings-refusal.js';

const MINE = { command: '/usr/bin/node', args: ['/opt/b/dist/buddy.js', 'mcp'] };

describe('JSON with comments (Gemini CLI)', () => {
  const { format } = gemini;

  it('takes comments and a byte order mark, and refuses a trailing comma in one line', () => {
    expect(format.checked('f', '\uFEFF{ // mine\n "a": 1 }')).toEqual({ bom: '\uFEFF', body: '{ // mine\n "a": 1 }' });
    expect(format.checked('f', null)).toEqual({ bom: '', body: '' });
    expect(format.checked('f', '  ')).toEqual({ bom: '', body: '  ' });
    expect(settingsRefusal(() => format.checked('/g/settings.json', '{ "a": 1, }'))).toBe(
      '/g/settings.json is not valid JSON (comments are fine, a trailing comma is not); fix it and run this again. Nothing was changed.',
    );
    expect(settingsRefusal(() => format.checked('/g/settings.json', '[1]'))).toContain('is not valid JSON');
  });

  it("finds the last buddy entry of the last mcpServers, and nothing in a blank file or one without", () => {
    expect(format.entryIn('{ "mcpServers": { "buddy": { "command": "a" } }, /* x */ "mcpServers": { "buddy": { "command": "b" }, "buddy": { "command": "c" } } }')).toEqual({ command: 'c' });
    expect(format.entryIn('{ "mcpServers": { "other": {} } }')).toBeUndefined();
    expect(format.entryIn('{ "theme": "x" }')).toBeUndefined();
    expect(format.entryIn(' \n')).toBeUndefined();
  });
});

describe("strict JSON (Claude Code's .mcp.json)", () => {
  const { format } = claudeCodeMcp;

  it('refuses comments as Claude Code would', () => {
    expect(settingsRefusal(() => format.checked('/p/.mcp.json', '{ // no\n }'))).toBe('/p/.mcp.json is not valid JSON; fix it (or move it aside) and run this again. Nothing was changed.');
  });

  it("writes Buddy's entry with the transport first", () => {
    const plan = format.planInstall('', MINE, () => false);
    expect(JSON.parse(plan.body)).toEqual({ mcpServers: { buddy: { type: 'stdio', ...MINE } } });
    expect(Object.keys((JSON.parse(plan.body) as { mcpServers: { buddy: object } }).mcpServers.buddy)).toEqual(['type', 'command', 'args']);
  });

  it('undoes an install exactly only into a file Claude Code reads: plain JSON, no comment, no trailing comma', () => {
    const mine = (value: unknown): boolean => JSON.stringify(value)?.includes('/opt/b/') ?? false;
    const roundTrip = (body: string): { body: string; exact: boolean } => {
      const plan = format.planInstall(body, MINE, () => false);
      const { body: after, exact } = format.planUninstall(plan.body, mine, { undo: plan.undo, createdServers: plan.createdServers });
      return { body: after, exact };
    };
    expect(roundTrip('{ "a": 1 }\n')).toEqual({ body: '{ "a": 1 }\n', exact: true });
    // The undo would give back text Claude Code refuses: Buddy's entry is taken out instead, not exactly.
    expect(roundTrip('{ "a": [1,] }\n')).toEqual({ body: '{ "a": [1,] }\n', exact: false });
    expect(roundTrip('{ "a": 1 // c\n}\n')).toEqual({ body: '{ "a": 1 // c\n}\n', exact: false });
  });

  it('answers as its own host: project scope only, with --mcp', () => {
    expect(claudeCodeMcp.name).toBe('Claude Code');
    expect(claudeCodeMcp.projectFile).toEqual(['.mcp.json']);
    expect(claudeCodeMcp.userFile).toBeUndefined();
    expect(claudeCodeMcp.backupFolder).toBe('claude-code-backups');
    expect(claudeCodeMcp.newFileMode).toBe(0o644);
    expect(claudeCodeMcp.installFlags).toBe(' --mcp');
  });
});

describe('TOML (Codex)', () => {
  const { format } = codex;

  it('refuses a file that is not TOML in one line naming it, and takes a blank one', () => {
    const message = settingsRefusal(() => format.checked('/c/config.toml', 'model = '));
    expect(message.startsWith('/c/config.toml: ')).toBe(true);
    expect(message.endsWith('; fix it and run this again. Nothing was changed.')).toBe(true);
    expect(format.checked('f', '\uFEFF\n')).toEqual({ bom: '\uFEFF', body: '\n' });
    expect(format.checked('f', 'a = 1')).toEqual({ bom: '', body: 'a = 1' });
  });

  it("finds Buddy's table, and nothing where there is none", () => {
    expect(format.entryIn('[mcp_servers.buddy]\ncommand = "/n"\n')).toEqual({ command: '/n' });
    expect(format.entryIn('[mcp_servers.other]\ncommand = "/n"\n')).toBeUndefined();
    expect(format.entryIn('mcp_servers = 5\n')).toBeUndefined();
    expect(format.entryIn('model = "x"\n')).toBeUndefined();
    expect(format.entryIn('')).toBeUndefined();
  });

  it('passes the variables Buddy reads on by name', () => {
    const plan = format.planInstall('', MINE, () => false);
    expect(plan.body).toContain('env_vars = [');
    expect(plan.body).toContain('"ANTHROPIC_API_KEY"');
  });
});

describe("Claude Code's user-scope server", () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'buddy-claude-user-'));
    env = { CLAUDE_CONFIG_DIR: root };
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (text: string): void => fs.writeFileSync(path.join(root, '.claude.json'), text);

  it('is none without a file, without servers or without buddy', () => {
    expect(claudeUserScopeServer(env)).toEqual({ state: 'none' });
    for (const text of ['{}', '5', '{"mcpServers": 5}', '{"mcpServers": {"other": {}}}']) {
      write(text);
      expect(claudeUserScopeServer(env), text).toEqual({ state: 'none' });
    }
  });

  it("is Buddy's by its form or its record, another tool's otherwise, and unreadable while it does not parse", () => {
    write(JSON.stringify({ mcpServers: { buddy: MINE } }));
    expect(claudeUserScopeServer(env)).toEqual({ state: 'mine', entry: MINE });
    write(JSON.stringify({ mcpServers: { buddy: { command: 'node', args: ['b.js'] } } }));
    expect(claudeUserScopeServer(env)).toEqual({ state: 'foreign', command: 'node b.js' });
    expect(claudeUserScopeServer(env, [{ command: 'node', args: ['b.js'] }])).toEqual({ state: 'mine', entry: { command: 'node', args: ['b.js'] } });
    write(JSON.stringify({ mcpServers: { buddy: { url: 'http://x' } } }));
    expect(claudeUserScopeServer(env)).toEqual({ state: 'foreign', command: 'an entry without a command' });
    write('{ half');
    expect(claudeUserScopeServer(env)).toEqual({ state: 'unreadable' });
  });

  it('says why it would not read what is not a regular file', () => {
    fs.mkdirSync(path.join(root, '.claude.json'));
    const server = claudeUserScopeServer(env);
    expect(server.state).toBe('unreadable');
    expect(server.state === 'unreadable' && server.refused).toContain('.claude.json');
  });

  it('prints the claude mcp commands that change it, quoted', () => {
    expect(claudeMcpAddCommand({ command: '/usr/bin/node', args: ['/my b/dist/buddy.js', 'mcp'] })).toBe("claude mcp add --scope user buddy -- /usr/bin/node '/my b/dist/buddy.js' mcp");
    expect(CLAUDE_MCP_REMOVE_COMMAND).toBe('claude mcp remove --scope user buddy');
  });
});
