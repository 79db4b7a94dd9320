// `buddy install` from a copy of Buddy in an npx cache, end to end: the built dist/ copied into the sandbox
// under the path npx would use, with a package.json of its own, run as a real process, whose own script
// path is the copy. Its install is refused with one line and not a byte written anywhere, and
// `--version --verbose` says where it runs from. The other hosts, copies, --force and doctor run in process:
// tests/installers/install-stable-path.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, runBuddy } from '../helpers/cli.js';
import { copyOfBuddy, snapshotOf, VERSION } from '../helpers/buddy-copies.js';

let sandbox: ReturnType<typeof makeSandbox>;
let env: NodeJS.ProcessEnv;

/** Every file in the sandbox but Buddy's cache (the compiled code it keeps), with its bytes. */
const snapshot = (): Map<string, string> => snapshotOf(sandbox.dir);

beforeEach(() => {
  sandbox = makeSandbox();
  env = { ...sandbox.env, BUDDY_USER_ID: 'buddy-93', npm_config_cache: path.join(sandbox.dir, 'npm-cache') };
  fs.mkdirSync(path.join(sandbox.dir, '.codex'));
  fs.writeFileSync(path.join(sandbox.dir, '.codex', 'config.toml'), '# mine\nmodel = "o3"\n');
});
afterEach(() => sandbox.cleanup());

describe('a copy of Buddy in an npx cache, as a process', () => {
  it('refuses `buddy install codex` with every file byte for byte as before, and --version --verbose says where it runs from', async () => {
    const script = copyOfBuddy(path.join(sandbox.dir, 'npm-cache', '_npx', '4f2a9c', 'node_modules', 'buddy-terminal-pet'), VERSION);
    const root = path.dirname(path.dirname(script));
    const before = snapshot();
    const refused = await runBuddy(['install', 'codex'], { env, binPath: script, cwd: sandbox.dir });
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr: `buddy: install: this Buddy runs from an npx cache (${root}), which npm cleans out, and a setup pointing there breaks with it. Run \`npm install -g buddy-terminal-pet\`, then \`buddy install codex\` (or add --force to write this path anyway). Nothing was changed.\n`,
    });
    expect(snapshot()).toEqual(before);

    const version = await runBuddy(['--version', '--verbose'], { env, binPath: script, cwd: sandbox.dir });
    expect(version).toEqual({
      code: 0,
      stdout: [
        VERSION,
        `runs from  ${script}`,
        `location   an npx cache (${root}), which npm cleans out: buddy install refuses to point host setups here (npm install -g buddy-terminal-pet installs a copy that stays)`,
        `node       ${process.version} (${process.execPath})`,
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});
