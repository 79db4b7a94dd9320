// `buddy install codex` and `buddy uninstall codex` end to end: the built bin in a throwaway home registers
// its own path as Buddy's MCP server, and the uninstall gives the person's file back byte for byte. The
// install passes --force: the suite runs dist/ from its checkout, a path install otherwise refuses
// (docs/testing.md). The other hosts, refusals and the doctor's lines run in process:
// tests/installers/install-mcp-commands.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, runBuddy } from '../helpers/cli.js';

const CODEX_CONFIG = '# mine\nmodel = "o3" # the careful one\n';
const SCRIPT = fs.realpathSync(BIN);

let sandbox: ReturnType<typeof makeSandbox>;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

describe('buddy install codex, as a process', () => {
  it('registers the bin it runs from, and the uninstall gives the bytes back', async () => {
    const env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93' };
    const codexFile = path.join(sandbox.dir, '.codex', 'config.toml');
    fs.mkdirSync(path.dirname(codexFile));
    fs.writeFileSync(codexFile, CODEX_CONFIG);
    const installed = await runBuddy(['install', 'codex', '--force'], { env, cwd: sandbox.dir });
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`  server      buddy: ${process.execPath} ${SCRIPT} mcp`);
    expect(fs.readFileSync(codexFile, 'utf8')).toContain(`\n[mcp_servers.buddy]\ncommand = ${JSON.stringify(process.execPath)}\nargs = [${JSON.stringify(SCRIPT)}, "mcp"]\n`);
    const removed = await runBuddy(['uninstall', 'codex'], { env, cwd: sandbox.dir });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('byte for byte as before install');
    expect(fs.readFileSync(codexFile, 'utf8')).toBe(CODEX_CONFIG);
  });
});
