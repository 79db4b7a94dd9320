// Buddy's MCP entry in a JSON host file, as pure text edits: where `mcpServers.buddy` goes in each shape
// of file, what the plan says (changed, fresh, created, its undo), how a moved Buddy is pointed here, and
// how uninstall gives the file back exactly or takes out only what is Buddy's.
import { describe, expect, it } from 'vitest';
import { buddyMcpEntry, mcpOwnershipOf } from '../../src/installers/mcp-entry.js';
import { McpEntryConflict, McpShapeError, planJsonMcpInstall, planJsonMcpUninstall } from '../../src/installers/text/mcp-json-edit.js';

const ENTRY = buddyMcpEntry('/opt/node/bin/node', '/opt/buddy/dist/buddy.js');
const VALUE = { command: ENTRY.command, args: [...ENTRY.args] };
const owned = mcpOwnershipOf([]);
const valid = (body: string): boolean => {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
};
const install = (body: string): ReturnType<typeof planJsonMcpInstall> => planJsonMcpInstall(body, ENTRY, VALUE, owned);
const BUDDY = '"buddy": {\n      "command": "/opt/node/bin/node",\n      "args": [\n        "/opt/buddy/dist/buddy.js",\n        "mcp"\n      ]\n    }';

describe('install', () => {
  it('writes a whole file into a blank one, keeping its line end', () => {
    const plan = install('');
    expect(plan.body).toBe(`{\n  "mcpServers": {\n    ${BUDDY}\n  }\n}\n`);
    expect(plan).toMatchObject({ changed: true, createdServers: true, fresh: true });
    expect(plan.undo).toEqual([{ offset: 0, inserted: plan.body, original: '' }]);
    expect(install(' \r\n').body).toBe(`{\r\n  "mcpServers": {\r\n    ${BUDDY.replaceAll('\n', '\r\n')}\r\n  }\r\n}\r\n`);
  });

  it('adds mcpServers when there is none, and only buddy when there is', () => {
    const none = install('{\n  "theme": "dark"\n}\n');
    expect(none.body).toBe(`{\n  "theme": "dark",\n  "mcpServers": {\n    ${BUDDY}\n  }\n}\n`);
    expect(none).toMatchObject({ changed: true, createdServers: true, fresh: true });
    const some = install('{\n  "mcpServers": {\n    "docs": {}\n  }\n}');
    expect(some.body).toBe(`{\n  "mcpServers": {\n    "docs": {},\n    ${BUDDY}\n  }\n}`);
    expect(some).toMatchObject({ changed: true, createdServers: false, fresh: true });
  });

  it('changes nothing when its entry is there as it would write it', () => {
    const text = install('{}').body;
    expect(install(text)).toEqual({ body: text, changed: false, undo: [], createdServers: false, fresh: false });
  });

  it('points its own entry at a moved Buddy, keeping the rest of it, and undoes that in order', () => {
    const text = '{"mcpServers": {"buddy": {"command": "/old/node", "args": ["/old/dist/buddy.js", "mcp"], "trust": true}}}';
    const plan = install(text);
    expect(plan.body).toBe('{"mcpServers": {"buddy": {"command": "/opt/node/bin/node", "args": ["/opt/buddy/dist/buddy.js","mcp"], "trust": true}}}');
    expect(plan).toMatchObject({ changed: true, createdServers: false, fresh: false });
    expect(plan.undo).toHaveLength(2);
    expect(planJsonMcpUninstall(plan.body, owned, { undo: plan.undo }, valid)).toEqual({ body: '{"mcpServers": {}}', changed: true, exact: false });
  });

  it('adds the args to an entry of its own that has none', () => {
    const owns = mcpOwnershipOf([{ command: '/old/node', args: [] }]);
    const plan = planJsonMcpInstall('{"mcpServers": {"buddy": {"command": "/old/node"}}}', ENTRY, VALUE, owns);
    expect(plan.body).toBe('{"mcpServers": {"buddy": {"command": "/opt/node/bin/node", "args": ["/opt/buddy/dist/buddy.js","mcp"]}}}');
  });

  it('refuses a foreign buddy, quoting it, and an mcpServers that is not an object', () => {
    const foreign = '{"mcpServers": {"buddy": {"command": "codebuddy"}}}';
    expect(() => install(foreign)).toThrow(McpEntryConflict);
    try {
      install(foreign);
    } catch (error) {
      expect((error as McpEntryConflict).existing).toBe('{"command": "codebuddy"}');
      expect((error as Error).message).toBe('a server named "buddy" that is not Buddy\'s is already there');
    }
    expect(() => install('{"mcpServers": []}')).toThrow(new McpShapeError('its "mcpServers" is not an object'));
  });
});

describe('uninstall', () => {
  it('gives the file back byte for byte through its undo steps', () => {
    for (const text of ['', '{\n  "theme": "dark"\n}\n', '{"mcpServers": {"docs": {}}}', '{}']) {
      const plan = install(text);
      expect(planJsonMcpUninstall(plan.body, owned, { undo: plan.undo, createdServers: plan.createdServers }, valid)).toEqual({ body: text, changed: true, exact: true });
    }
  });

  it('takes out only its entry when the person changed the file since, and the mcpServers it made once empty', () => {
    const plan = install('{\n  "theme": "dark"\n}\n');
    const edited = plan.body.replace('"dark"', '"light"');
    expect(planJsonMcpUninstall(edited, owned, { undo: plan.undo, createdServers: true }, valid)).toEqual({ body: '{\n  "theme": "light"\n}\n', changed: true, exact: false });
    expect(planJsonMcpUninstall(edited, owned, { undo: plan.undo, createdServers: false }, valid)).toEqual({ body: '{\n  "theme": "light",\n  "mcpServers": {}\n}\n', changed: true, exact: false });
    expect(planJsonMcpUninstall(edited, owned, undefined, valid).body).toBe('{\n  "theme": "light",\n  "mcpServers": {}\n}\n');
  });

  it('keeps an mcpServers it made that still holds other servers', () => {
    const plan = install('{}');
    const edited = plan.body.replace('"mcpServers": {', '"mcpServers": {\n    "docs": {},');
    expect(planJsonMcpUninstall(edited, owned, { undo: plan.undo, createdServers: true }, valid).body).toBe('{\n  "mcpServers": {\n    "docs": {}\n  }\n}');
  });

  it('takes out every copy of its entry, in duplicate mcpServers too, and leaves foreign ones', () => {
    const mine = JSON.stringify(VALUE);
    const text = `{"mcpServers": {"buddy": ${mine}}, "x": 1, "mcpServers": {"a": 1, "buddy": ${mine}, "buddy": {"command": "codebuddy"}}}`;
    expect(planJsonMcpUninstall(text, owned, undefined, valid)).toEqual({ body: '{"mcpServers": {}, "x": 1, "mcpServers": {"a": 1, "buddy": {"command": "codebuddy"}}}', changed: true, exact: false });
  });

  it('changes nothing in a blank file or one without its entry', () => {
    expect(planJsonMcpUninstall('  ', owned, undefined, valid)).toEqual({ body: '  ', changed: false, exact: false });
    expect(planJsonMcpUninstall('{"mcpServers": 3}', owned, undefined, valid)).toEqual({ body: '{"mcpServers": 3}', changed: false, exact: false });
  });

  it('does not trust an undo that leaves a file the host cannot read', () => {
    const plan = install('{"a": 1}');
    expect(planJsonMcpUninstall(plan.body, owned, { undo: plan.undo }, () => false)).toEqual({ body: '{"a": 1, "mcpServers": {}}', changed: true, exact: false });
  });
});
