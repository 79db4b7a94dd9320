// What `buddy doctor` says of the copy it runs from and of the copy each host setup points at, from the
// facts about both copies (the e2e tests in tests/e2e/install-stable-path.test.ts gather them for real).
import { describe, expect, it } from 'vitest';
import { copyVerdict, runningCopyCheck } from '../../src/cli/commands/doctor/copy-checks.js';
import type { BuddyCopy } from '../../src/installers/copies.js';
import type { LocationKind } from '../../src/installers/location.js';

const copy = (root: string, kind: LocationKind, version: string | undefined): BuddyCopy => ({ script: `${root}/dist/buddy.js`, location: { kind, root }, version });
const GLOBAL = copy('/usr/lib/node_modules/buddy-terminal-pet', 'installed', '0.2.0');
const OTHER_PREFIX = copy('/opt/node18/lib/node_modules/buddy-terminal-pet', 'installed', '0.1.0');
const NPX = copy('/home/ann/.npm/_npx/ab12/node_modules/buddy-terminal-pet', 'npx-cache', '0.2.0');

describe('runningCopyCheck', () => {
  it('names the version and the bundle of a copy npm installed', () => {
    expect(runningCopyCheck(GLOBAL)).toEqual({ status: 'ok', what: 'Buddy 0.2.0 runs from /usr/lib/node_modules/buddy-terminal-pet/dist/buddy.js (installed by npm)' });
  });

  it('says that install will not point setups at a copy that does not last', () => {
    expect(runningCopyCheck(NPX)).toEqual({
      status: 'note',
      what: 'Buddy 0.2.0 runs from an npx cache (/home/ann/.npm/_npx/ab12/node_modules/buddy-terminal-pet), which npm cleans out: buddy install points no host setup here without --force (`npm install -g buddy-terminal-pet` installs a copy that stays)',
    });
    expect(runningCopyCheck(undefined)).toEqual({ status: 'note', what: 'cannot tell where this Buddy runs from' });
  });
});

describe('copyVerdict', () => {
  it('is fine with a setup pointing at this very copy, installed', () => {
    expect(copyVerdict('Codex MCP (user)', GLOBAL, GLOBAL, 'buddy install codex')).toEqual({
      status: 'ok',
      what: 'Codex MCP (user): points at this copy of Buddy (/usr/lib/node_modules/buddy-terminal-pet)',
    });
  });

  it('names another installed copy with its version, and how to point the setup here', () => {
    expect(copyVerdict('Claude Code (user)', OTHER_PREFIX, GLOBAL, 'buddy install claude-code')).toEqual({
      status: 'note',
      what: 'Claude Code (user): points at another copy of Buddy: 0.1.0 at /opt/node18/lib/node_modules/buddy-terminal-pet (this is Buddy 0.2.0 at /usr/lib/node_modules/buddy-terminal-pet; `buddy install claude-code` points it here)',
    });
    // A copy whose package.json says nothing is still named, by where it is.
    expect(copyVerdict('Claude Code (user)', { ...OTHER_PREFIX, version: undefined }, undefined, 'buddy install claude-code').what).toBe(
      'Claude Code (user): points at another copy of Buddy: version unknown at /opt/node18/lib/node_modules/buddy-terminal-pet',
    );
  });

  it('does not suggest pointing a setup at this copy when this one does not last', () => {
    expect(copyVerdict('Gemini CLI MCP (user)', GLOBAL, NPX, 'buddy install gemini').what).toBe(
      'Gemini CLI MCP (user): points at another copy of Buddy: 0.2.0 at /usr/lib/node_modules/buddy-terminal-pet (this is Buddy 0.2.0 at /home/ann/.npm/_npx/ab12/node_modules/buddy-terminal-pet)',
    );
  });

  it('warns of a setup in a place that does not last, this copy or another, with the fix', () => {
    expect(copyVerdict('Gemini CLI MCP (user)', NPX, GLOBAL, 'buddy install gemini')).toEqual({
      status: 'warn',
      what: 'Gemini CLI MCP (user): points at another copy of Buddy, 0.2.0, in an npx cache (/home/ann/.npm/_npx/ab12/node_modules/buddy-terminal-pet), which npm cleans out; the setup breaks with it',
      fix: 'run `npm install -g buddy-terminal-pet`, then `buddy install gemini`',
    });
    const clone = copy('/home/ann/src/buddy', 'clone', '0.3.0-dev');
    expect(copyVerdict('Claude Code (project)', clone, clone, 'cd /p && buddy install claude-code --project')).toEqual({
      status: 'warn',
      what: "Claude Code (project): points at this copy of Buddy, in a clone's working tree (/home/ann/src/buddy), which may be moved, deleted or half rebuilt; the setup breaks with it",
      fix: 'run `npm install -g buddy-terminal-pet`, then `cd /p && buddy install claude-code --project`',
    });
  });
});
