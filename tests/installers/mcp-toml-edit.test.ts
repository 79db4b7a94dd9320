// Buddy's table in Codex's config.toml, byte for byte: install appends one table and moves no other byte
// (comments, CRLF, multi-line strings, dates and huge integers included); uninstall gives the file back
// exactly, or takes out only Buddy's table when the person changed things since; a file Buddy cannot
// edit safely is refused, never half-edited.
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { mcpOwnershipOf } from '../../src/installers/mcp-entry.js';
import { McpEntryConflict, McpShapeError } from '../../src/installers/text/mcp-json-edit.js';
import { planTomlMcpInstall, planTomlMcpUninstall, type CodexEntry } from '../../src/installers/text/mcp-toml-edit.js';
import { scanToml } from '../../src/installers/text/toml-text.js';

const ENTRY: CodexEntry = { command: '/opt/node/bin/node', args: ['/opt/buddy/dist/buddy.js', 'mcp'], envVars: ['ANTHROPIC_API_KEY', 'BUDDY_USER_ID'] };
const TABLE = [
  '[mcp_servers.buddy]',
  'command = "/opt/node/bin/node"',
  'args = ["/opt/buddy/dist/buddy.js", "mcp"]',
  'env_vars = ["ANTHROPIC_API_KEY", "BUDDY_USER_ID"]',
  '',
].join('\n');
const owned = mcpOwnershipOf([]);

const WITH_COMMENTS = `# Codex settings, kept by hand
model = "gpt-5-codex"   # the fast one
approval_policy = "on-request"

# Docs lookups
[mcp_servers.docs]
command = "npx"
args = [
  "-y",       # always the latest
  "docs-mcp",
]
env = { "DOCS_TOKEN" = "t#not-a-comment" }

[profiles.deep]
model = "o3"
notes = """
[mcp_servers.buddy]
not a table, a string
"""
`;

function installed(text: string): { body: string; undo: ReturnType<typeof planTomlMcpInstall>['undo'] } {
  const plan = planTomlMcpInstall(text, ENTRY, owned);
  expect(plan.changed).toBe(true);
  return { body: plan.body, undo: plan.undo };
}

describe('install into config.toml', () => {
  it('appends one table after a blank line, every other byte untouched', () => {
    const { body } = installed(WITH_COMMENTS);
    expect(body).toBe(`${WITH_COMMENTS}\n${TABLE}`);
    expect(parse(body).mcp_servers).toMatchObject({ buddy: { command: ENTRY.command, args: ENTRY.args, env_vars: ENTRY.envVars }, docs: { command: 'npx' } });
  });

  it('creates the text of a missing or empty file', () => {
    expect(installed('').body).toBe(TABLE);
    expect(installed('\n').body).toBe(`\n${TABLE}`);
  });

  it('ends an unterminated last line first, and keeps CRLF files CRLF', () => {
    expect(installed('model = "o3"').body).toBe(`model = "o3"\n\n${TABLE}`);
    const crlf = 'model = "o3"\r\n[tui]\r\nnotifications = true\r\n';
    expect(installed(crlf).body).toBe(`${crlf}\r\n${TABLE.replaceAll('\n', '\r\n')}`);
  });

  it('adds no second blank line after one that is there', () => {
    expect(installed('model = "o3"\n\n').body).toBe(`model = "o3"\n\n${TABLE}`);
  });

  it('keeps dates, huge integers, arrays of tables and an empty [mcp_servers] as they are', () => {
    const text = 'when = 1979-05-27T07:32:00-08:00\nbig = 12345678901234567890\n[[profiles]]\nname = "a"\n[mcp_servers]\n';
    expect(installed(text).body).toBe(`${text}\n${TABLE}`);
  });

  it('is idempotent: installed twice is the same bytes', () => {
    const { body } = installed(WITH_COMMENTS);
    const again = planTomlMcpInstall(body, ENTRY, owned);
    expect(again.changed).toBe(false);
    expect(again.body).toBe(body);
  });

  it('points its own table at a moved Buddy, keeping what the person added to it', () => {
    const old = TABLE.replaceAll('/opt/buddy/', '/old/buddy/').replace('env_vars', 'startup_timeout_sec = 20 # slow disk\nenv_vars');
    const text = `model = "o3"\n\n${old}`;
    const plan = planTomlMcpInstall(text, ENTRY, owned);
    expect(plan.body).toBe(text.replace('"/old/buddy/dist/buddy.js"', '"/opt/buddy/dist/buddy.js"'));
  });

  it('leaves a foreign "buddy" server alone and says so', () => {
    const text = '[mcp_servers.buddy]\ncommand = "codebuddy"\nargs = ["serve"]\n';
    expect(() => planTomlMcpInstall(text, ENTRY, owned)).toThrow(McpEntryConflict);
  });

  it('refuses what it cannot edit safely: an inline mcp_servers, a non-table mcp_servers, invalid TOML', () => {
    expect(() => planTomlMcpInstall('mcp_servers = { docs = { command = "x" } }\n', ENTRY, owned)).toThrow(/written inline/);
    expect(() => planTomlMcpInstall('mcp_servers = 3\n', ENTRY, owned)).toThrow(McpShapeError);
    expect(() => planTomlMcpInstall('model = \n', ENTRY, owned)).toThrow(/not valid TOML/);
  });

  it('escapes quotes, backslashes and control characters in paths', () => {
    const entry: CodexEntry = { command: 'C:\\Program Files\\node.exe', args: ['C:\\b "x"\\dist\\buddy.js', 'mcp'], envVars: [] };
    const plan = planTomlMcpInstall('', entry, owned);
    expect(parse(plan.body).mcp_servers).toEqual({ buddy: { command: entry.command, args: entry.args, env_vars: [] } });
  });
});

describe('uninstall from config.toml', () => {
  it('gives the file back byte for byte when nothing else changed', () => {
    for (const text of [WITH_COMMENTS, '', 'model = "o3"', 'a = 1\r\n']) {
      const { body, undo } = installed(text);
      const plan = planTomlMcpUninstall(body, owned, { undo });
      expect(plan).toEqual({ body: text, changed: true, exact: true });
    }
  });

  it('keeps the person\'s changes made since, before and after Buddy\'s table', () => {
    const { body, undo } = installed(WITH_COMMENTS);
    const edited = `${body.replace('model = "gpt-5-codex"', 'model = "gpt-5"')}\n# later\n[mcp_servers.notes]\ncommand = "notes"\n`;
    const plan = planTomlMcpUninstall(edited, owned, { undo });
    expect(plan.body).toBe(`${WITH_COMMENTS.replace('model = "gpt-5-codex"', 'model = "gpt-5"')}\n# later\n[mcp_servers.notes]\ncommand = "notes"\n`);
  });

  it('takes out its whole table, with keys and sub-tables the person added, without a record', () => {
    const text = `model = "o3"\n\n${TABLE}startup_timeout_sec = 30\n\n[mcp_servers.buddy.env]\nDEBUG = "1"\n\n# mine\n[mcp_servers.docs]\ncommand = "docs"\n`;
    const plan = planTomlMcpUninstall(text, owned, undefined);
    expect(plan.body).toBe('model = "o3"\n\n# mine\n[mcp_servers.docs]\ncommand = "docs"\n');
    expect(plan.exact).toBe(false);
  });

  it('takes out an entry of Buddy\'s written inline or with dotted keys', () => {
    const inline = `[mcp_servers]\ndocs = { command = "docs" }\nbuddy = { command = "${ENTRY.command}", args = ["${ENTRY.args[0]}", "mcp"] }\n`;
    expect(planTomlMcpUninstall(inline, owned, undefined).body).toBe('[mcp_servers]\ndocs = { command = "docs" }\n');
    const dotted = `model = "o3"\nmcp_servers.buddy.command = "${ENTRY.command}"\nmcp_servers.buddy.args = ["${ENTRY.args[0]}", "mcp"]\n`;
    expect(planTomlMcpUninstall(dotted, owned, undefined).body).toBe('model = "o3"\n');
  });

  it('changes nothing where Buddy is not, or where "buddy" is another tool', () => {
    expect(planTomlMcpUninstall(WITH_COMMENTS, owned, undefined)).toEqual({ body: WITH_COMMENTS, changed: false, exact: false });
    const foreign = '[mcp_servers.buddy]\ncommand = "codebuddy"\n';
    expect(planTomlMcpUninstall(foreign, owned, undefined).changed).toBe(false);
  });
});

describe('the TOML scanner', () => {
  it('finds headers and keys, and steps over strings, arrays and comments that look like them', () => {
    const statements = scanToml(WITH_COMMENTS)!;
    expect(statements.map((statement) => `${statement.kind} ${statement.path.join('.')}`)).toEqual([
      'keyval model',
      'keyval approval_policy',
      'table mcp_servers.docs',
      'keyval mcp_servers.docs.command',
      'keyval mcp_servers.docs.args',
      'keyval mcp_servers.docs.env',
      'table profiles.deep',
      'keyval profiles.deep.model',
      'keyval profiles.deep.notes',
    ]);
    const model = statements[0]!;
    expect(WITH_COMMENTS.slice(model.valueStart, model.valueEnd)).toBe('"gpt-5-codex"');
  });

  it('reads quoted and spaced keys', () => {
    const statements = scanToml('[ mcp_servers . "buddy" ]\n\'command\' = "x"\n')!;
    expect(statements.map((statement) => statement.path)).toEqual([['mcp_servers', 'buddy'], ['mcp_servers', 'buddy', 'command']]);
  });
});

describe('the plans, field by field', () => {
  const SHORT: CodexEntry = { command: '/opt/node/bin/node', args: ['/opt/buddy/dist/buddy.js', 'mcp'], envVars: ['A'] };
  const MOVED: CodexEntry = { command: '/usr/bin/node', args: ['/srv/buddy/dist/buddy.js', 'mcp'], envVars: ['A'] };
  const DOCS = '[mcp_servers.docs]\ncommand = "npx"\n';
  const BUDDY = '[mcp_servers.buddy]\ncommand = "/opt/node/bin/node"\nargs = ["/opt/buddy/dist/buddy.js", "mcp"]\nenv_vars = ["A"]\n';
  const failure = (work: () => unknown): Error => {
    try {
      work();
    } catch (error) {
      return error as Error;
    }
    throw new Error('did not throw');
  };

  it('says whether the install made mcp_servers, and offers the append as its undo', () => {
    expect(planTomlMcpInstall('', SHORT, owned)).toEqual({ body: BUDDY, changed: true, undo: [{ offset: 0, inserted: BUDDY, original: '' }], createdServers: true, fresh: true });
    expect(planTomlMcpInstall(DOCS, SHORT, owned)).toEqual({ body: `${DOCS}\n${BUDDY}`, changed: true, undo: [{ offset: 35, inserted: `\n${BUDDY}`, original: '' }], createdServers: false, fresh: true });
  });

  it('changes nothing for the same entry, and points a moved one here without an undo', () => {
    expect(planTomlMcpInstall(`${DOCS}\n${BUDDY}`, SHORT, owned)).toEqual({ body: `${DOCS}\n${BUDDY}`, changed: false, undo: [], createdServers: false, fresh: false });
    expect(planTomlMcpInstall(`${DOCS}\n${BUDDY}`, MOVED, owned)).toEqual({
      body: `${DOCS}\n[mcp_servers.buddy]\ncommand = "/usr/bin/node"\nargs = ["/srv/buddy/dist/buddy.js", "mcp"]\nenv_vars = ["A"]\n`,
      changed: true,
      undo: [],
      createdServers: false,
      fresh: false,
    });
  });

  it('refuses an mcp_servers that is no table, one written inline, and a Buddy entry written inline', () => {
    const notTable = failure(() => planTomlMcpInstall('mcp_servers = 5\n', SHORT, owned));
    expect(notTable).toBeInstanceOf(McpShapeError);
    expect(notTable.message).toBe('its "mcp_servers" is not a table');
    expect(failure(() => planTomlMcpInstall('mcp_servers = { docs = { command = "npx" } }\n', SHORT, owned)).message).toBe(
      'a table [mcp_servers.buddy] added at its end would not read as one (is "mcp_servers" written inline?)',
    );
    expect(failure(() => planTomlMcpInstall('[mcp_servers]\nbuddy = { command = "/old/node", args = ["/old/dist/buddy.js", "mcp"] }\n', SHORT, owned)).message).toBe(
      'Buddy cannot find the command and args of its [mcp_servers.buddy] to point them at this copy',
    );
  });

  it("names another tool's buddy entry by its command, or as it reads when it has none", () => {
    const byCommand = failure(() => planTomlMcpInstall('[mcp_servers.buddy]\ncommand = "other"\nargs = ["serve"]\n', SHORT, owned));
    expect(byCommand).toBeInstanceOf(McpEntryConflict);
    expect((byCommand as McpEntryConflict).existing).toBe('other serve');
    expect((failure(() => planTomlMcpInstall('[mcp_servers.buddy]\nurl = "http://x"\n', SHORT, owned)) as McpEntryConflict).existing).toBe('{"url":"http://x"}');
  });

  it('does not undo exactly when a key was added to the end of Buddy’s table: the table goes with it', () => {
    const installed = planTomlMcpInstall(DOCS, SHORT, owned);
    expect(planTomlMcpUninstall(`${installed.body}startup_timeout_sec = 20\n`, owned, { undo: installed.undo, createdServers: false })).toEqual({ body: DOCS, changed: true, exact: false });
  });

  it("takes out Buddy's keys written as dotted keys, and nothing after them", () => {
    const dotted = 'mcp_servers.buddy.command = "/opt/node/bin/node"\nmcp_servers.buddy.args = ["/opt/buddy/dist/buddy.js", "mcp"]\nmodel = "o3"\n';
    expect(planTomlMcpUninstall(dotted, owned, undefined)).toEqual({ body: 'model = "o3"\n', changed: true, exact: false });
  });

  it('takes the blank line before Buddy’s table with it only when a blank line or the end follows', () => {
    const table = '[mcp_servers.buddy]\ncommand = "/opt/node/bin/node"\nargs = ["/opt/buddy/dist/buddy.js", "mcp"]\n';
    expect(planTomlMcpUninstall(`model = "o3"\n\n${table}# after\n[x]\ny = 1\n`, owned, undefined).body).toBe('model = "o3"\n\n# after\n[x]\ny = 1\n');
    expect(planTomlMcpUninstall(`model = "o3"\n\n${table}\n[x]\ny = 1\n`, owned, undefined).body).toBe('model = "o3"\n\n[x]\ny = 1\n');
    expect(planTomlMcpUninstall(`model = "o3"\n\n${table}`, owned, undefined).body).toBe('model = "o3"\n');
    expect(planTomlMcpUninstall(`model = "o3"\n\n${table}  # after\n`, owned, undefined).body).toBe('model = "o3"\n\n  # after\n');
  });
});
