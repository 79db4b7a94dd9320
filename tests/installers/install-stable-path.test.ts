// `buddy install` from a copy of Buddy that does not last (an npx cache, a temporary folder, a clone) is
// refused with one line and not a byte written anywhere; --force writes it with a warning; doctor names
// the copy each setup points at; `--version --verbose` says where this copy runs from. The copies are the
// built dist/ copied into the sandbox under the paths npm would use, each with a package.json of its own.
// Each command runs in process, through the dispatcher the built bin hands it to, as the copy given would
// run it from the folder given (tests/helpers/in-process-at.ts); tests/e2e/install-stable-path.test.ts runs
// a copy in an npx cache as a real process, for a refused install and `--version --verbose`.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, type RunResult } from '../helpers/cli.js';
import { copyOfBuddy, snapshotOf, VERSION } from '../helpers/buddy-copies.js';
import { runInProcessAt } from '../helpers/in-process-at.js';

const HOW = "(or add --force to write this path anyway). Nothing was changed.";

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;
let project: string;

const npxRoot = (): string => path.join(sandbox.dir, 'npm-cache', '_npx', '4f2a9c', 'node_modules', 'buddy-terminal-pet');

function buddy(args: readonly string[], bin = BIN, cwd = sandbox.dir): Promise<RunResult> {
  return runInProcessAt(args, { env, bin, cwd });
}

/** Every file in the sandbox but Buddy's cache (the compiled code it keeps), with its bytes. */
const snapshot = (): Map<string, string> => snapshotOf(sandbox.dir);

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93', npm_config_cache: path.join(sandbox.dir, 'npm-cache') };
  project = path.join(sandbox.dir, 'acme');
  fs.mkdirSync(project);
  // The person's own files in some hosts; the others have none yet.
  fs.mkdirSync(path.join(sandbox.dir, '.codex'));
  fs.writeFileSync(path.join(sandbox.dir, '.codex', 'config.toml'), '# mine\nmodel = "o3"\n');
  fs.mkdirSync(path.join(sandbox.dir, 'claude'));
  fs.writeFileSync(path.join(sandbox.dir, 'claude', 'settings.json'), '{\n  "theme": "dark"\n}\n');
  fs.mkdirSync(path.join(project, '.gemini'));
  fs.writeFileSync(path.join(project, '.gemini', 'settings.json'), '{ "mcpServers": {} }\n');
});
afterEach(() => sandbox.cleanup());

const INSTALLS: readonly (readonly string[])[] = [
  ['install', 'claude-code'],
  ['install', 'claude-code', '--project', '--mcp'],
  ['install', 'claude-code', '--mcp'],
  ['install', 'codex'],
  ['install', 'gemini'],
  ['install', 'gemini', '--project'],
];

describe('buddy install from a copy that does not last', () => {
  it.each(INSTALLS.map((args) => [args.join(' '), args] as const))('refuses `buddy %s` from an npx cache, every host file byte for byte as before', async (_, args) => {
    const script = copyOfBuddy(npxRoot(), VERSION);
    const before = snapshot();
    const result = await buddy(args, script, project);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `buddy: install: this Buddy runs from an npx cache (${path.dirname(path.dirname(script))}), which npm cleans out, and a setup pointing there breaks with it. Run \`npm install -g buddy-terminal-pet\`, then \`buddy ${args.join(' ')}\` ${HOW}\n`,
    });
    expect(snapshot()).toEqual(before);
  });

  it('refuses a copy in a temporary folder, and one in this clone, with nothing written', async () => {
    const script = copyOfBuddy(path.join(sandbox.dir, 'unpacked', 'package'), VERSION);
    const before = snapshot();
    const temporary = await buddy(['install', 'codex'], script);
    expect(temporary.stderr).toBe(
      `buddy: install: this Buddy runs from a temporary folder (${path.dirname(path.dirname(script))}), which the system empties, and a setup pointing there breaks with it. Run \`npm install -g buddy-terminal-pet\`, then \`buddy install codex\` ${HOW}\n`,
    );
    expect(temporary.code).toBe(1);
    // The suite runs dist/ of its own checkout: a clone (or, checked out in a temporary folder, that).
    const clone = await buddy(['install', 'gemini']);
    expect(clone.code).toBe(1);
    expect(clone.stderr).toMatch(/^buddy: install: this Buddy runs from (a clone's working tree|a temporary folder|a folder npm did not install it into) \(/);
    expect(clone.stderr.split('\n')).toHaveLength(2);
    expect(snapshot()).toEqual(before);
  });

  it('writes the path with --force, and says once on stderr what it costs', async () => {
    const script = copyOfBuddy(npxRoot(), VERSION);
    const forced = await buddy(['install', 'codex', '--force'], script);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(`  server      buddy: ${process.execPath} ${script} mcp`);
    expect(forced.stderr).toBe(
      `buddy: warning: written anyway (--force): the setup points at Buddy in an npx cache (${path.dirname(path.dirname(script))}), which npm cleans out, and breaks with it. For one that lasts: \`npm install -g buddy-terminal-pet\`, then \`buddy install codex\`.\n`,
    );
    expect(fs.readFileSync(path.join(sandbox.dir, '.codex', 'config.toml'), 'utf8')).toContain(`args = [${JSON.stringify(script)}, "mcp"]`);
    // A file problem after --force is that problem's one line, and no warning of a write that never was.
    fs.writeFileSync(path.join(sandbox.dir, 'claude', 'settings.json'), '{ "statusLine": ');
    const broken = await buddy(['install', 'claude-code', '--force'], script);
    expect(broken.code).toBe(1);
    expect(broken.stderr.split('\n')).toHaveLength(2);
    expect(broken.stderr).not.toContain('warning');
  });
});

describe('buddy doctor on setups that point at other copies', () => {
  it('names the other copy with its version, and the fix for one that does not last', async () => {
    const other = copyOfBuddy(path.join(sandbox.dir, 'prefix', 'lib', 'node_modules', 'buddy-terminal-pet'), '0.0.7');
    const root = path.dirname(path.dirname(other));
    expect((await buddy(['install', 'codex', '--force'], other)).code).toBe(0);
    expect((await buddy(['install', 'claude-code', '--force'], other)).code).toBe(0);
    const doctor = await buddy(['doctor']);
    const lines = doctor.stdout.split('\n');
    expect(lines.filter((line) => line.includes(` Buddy ${VERSION} runs from `))).toHaveLength(1);
    expect(lines).toContain(`! Codex MCP (user): points at another copy of Buddy, 0.0.7, in a temporary folder (${root}), which the system empties; the setup breaks with it`);
    expect(lines).toContain('    → run `npm install -g buddy-terminal-pet`, then `buddy install codex`');
    expect(lines).toContain(`! Claude Code (user): points at another copy of Buddy, 0.0.7, in a temporary folder (${root}), which the system empties; the setup breaks with it`);
    expect(lines).toContain('    → run `npm install -g buddy-terminal-pet`, then `buddy install claude-code`');

    // Without a package.json of Buddy's, the copy is still named, by where it is.
    fs.writeFileSync(path.join(root, 'package.json'), '{"name":"something-else","version":"9.9.9"}');
    expect((await buddy(['doctor'])).stdout).toContain(`! Codex MCP (user): points at another copy of Buddy, version unknown, in a temporary folder (${root})`);

    // From that copy itself, the setups point at this copy.
    const fromThere = await buddy(['doctor'], other);
    expect(fromThere.stdout).toContain(`! Codex MCP (user): points at this copy of Buddy, in a temporary folder (${root}), which the system empties; the setup breaks with it`);
    expect(fromThere.stdout.split('\n')).toContain(
      `· Buddy ${VERSION} runs from a temporary folder (${root}), which the system empties: buddy install points no host setup here without --force (\`npm install -g buddy-terminal-pet\` installs a copy that stays)`,
    );

    // A copy gone is the gone check's, said once.
    fs.rmSync(root, { recursive: true });
    const gone = await buddy(['doctor']);
    expect(gone.stdout).toContain(`✗ Codex MCP (user): Buddy's server runs ${other}, which no longer exists`);
    expect(gone.stdout).not.toContain('points at another copy');
  });
});

describe('buddy --version', () => {
  it('stays the bare version, and with --verbose says where this copy runs from', async () => {
    expect(await buddy(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const script = copyOfBuddy(npxRoot(), VERSION);
    for (const args of [['--version', '--verbose'], ['-V', '--verbose'], ['version', '--verbose']]) {
      const result = await buddy(args, script);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(
        [
          VERSION,
          `runs from  ${script}`,
          `location   an npx cache (${path.dirname(path.dirname(script))}), which npm cleans out: buddy install refuses to point host setups here (npm install -g buddy-terminal-pet installs a copy that stays)`,
          `node       ${process.version} (${process.execPath})`,
          '',
        ].join('\n'),
      );
    }
  });
});
