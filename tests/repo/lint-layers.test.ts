// The layer wall is an allow-list, and it holds: ESLint (the project's own config, as `npm run lint` runs
// it) fails on a forbidden import placed in a room, and passes the same room's allowed imports.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'buddy/layers').map((message) => message.message);
}

describe('the layer wall', () => {
  it('fails the fixture file with a child process and the SDK in src/engine', async () => {
    const code = fs.readFileSync(path.join(ROOT, 'tests/fixtures/lint/forbidden-engine.ts'), 'utf8');
    const errors = await layerErrors(code, 'src/engine/forbidden.ts');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain("no Node built-ins ('node:child_process')");
    expect(errors[1]).toContain("may not import the package '@anthropic-ai/sdk'");
  });

  it.each([
    ['src/engine/x.ts', "import fs from 'fs';"],
    ['src/engine/x.ts', "export type T = typeof import('node:os');"],
    ['src/engine/x.ts', "export const load = () => import('node:net');"],
    ['src/sprites/x.ts', "import { render } from 'ink';"],
    ['src/species/x.ts', "import { openConfigStore } from '../store/config-store.js';"],
    ['src/pet/x.ts', "import { talk } from '../persona/conversation.js';"],
    ['src/render/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/game/x.ts', "import { appendFileSync } from 'node:fs';"],
    ['src/game/x.ts', "import { openConfigStore } from '../store/config-store.js';"],
    ['src/persona/prompt/x.ts', "import { readConfigSnapshot } from '../../store/config-snapshot.js';"],
    ['src/text/x.ts', "import { report } from '../cli/report.js';"],
    ['src/faces/frame.ts', "import { readCheckedSnapshot } from '../store/config-snapshot.js';"],
    ['src/faces/portrait.ts', "import { growthOf } from '../store/growth-schema.js';"],
    ['src/ui/x.ts', "import type { CliIo } from '../cli/io.js';"],
    ['src/persona/x.ts', "import { openConfigStore } from '../store/config-store.js';"],
    ['src/store/x.ts', "import { loadSession } from '../buddy/session.js';"],
    ['src/buddy/x.ts', "import { run } from '../cli/commands/roll.js';"],
    ['src/newroom/x.ts', "import { ROLL_VERSION } from '../engine/constants.js';"],
    ['src/mcp/x.ts', "import { render } from 'ink';"],
    ['src/mcp/x.ts', "import { run } from '../cli/commands/say.js';"],
    ['src/entries/x.ts', "import { render } from 'ink';"],
    ['src/entries/x.ts', "import { startPet } from '../ui/start.js';"],
    ['src/installers/x.ts', "import { drawStatusline } from '../statusline/statusline.js';"],
    ['src/installers/hosts/x.ts', "import { loadSession } from '../../buddy/session.js';"],
    ['src/statusline/x.ts', "import { installMcpServer } from '../installers/mcp-install.js';"],
    ['src/statusline/x.ts', "import { parseTree } from 'jsonc-parser';"],
    // The file system by another door than an import.
    ['src/cli/x.ts', "import { createRequire } from 'node:module';\nexport const fs: unknown = createRequire(import.meta.url)('node:fs');"],
    ['src/store/x.ts', 'export const fs: unknown = process.getBuiltinModule(`fs/promises`);'],
    ['src/installers/x.ts', "declare const require: (name: string) => unknown;\nexport const fs = require('fs');"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await layerErrors(code, file)).toHaveLength(1);
  });

  it.each([
    ['src/engine/x.ts', "import seedrandom from 'seedrandom';\nimport { ROLL_VERSION } from './constants.js';"],
    ['src/pet/x.ts', "import { cutToLength } from '../text/sanitize.js';\nimport type { Pose } from '../sprites/parse.js';"],
    ['src/persona/prompt/x.ts', "import { MAX_NAME_LENGTH } from './soul.js';"],
    ['src/game/x.ts', "import { ROLL_VERSION } from '../engine/constants.js';"],
    ['src/ui/x.ts', "import { Box } from 'ink';\nimport { loadSession } from '../buddy/session.js';"],
    ['src/cli/x.ts', "import { spawn } from 'node:child_process';\nimport { render } from 'ink';"],
    ['src/mcp/x.ts', "import { Server } from '@modelcontextprotocol/sdk/server/index.js';\nimport { sayToBuddy } from '../buddy/say.js';"],
    ['src/installers/x.ts', "import { parse } from 'smol-toml';\nimport { parseTree } from 'jsonc-parser';"],
    ['src/installers/hosts/x.ts', "import { configDir } from '../../store/paths.js';\nimport { readJsonFile } from '../../files/read.js';"],
    ['src/statusline/x.ts', "import * as v from 'valibot';\nimport { glanceAtBuddy } from '../buddy/glance.js';"],
    // Down the pure core's floors.
    ['src/engine/x.ts', "import { displayWidth } from '../text/display-width.js';"],
    ['src/sprites/x.ts', "import type { Stage } from '../game/levels.js';\nimport { displayWidth } from '../text/display-width.js';"],
    ['src/persona/prompt/x.ts', "import { SPECIES_LORE } from '../../species/lore.js';"],
    ['src/faces/x.ts', "import { spriteFor } from '../sprites/catalog.js';\nimport { growthViewAt } from '../game/view.js';"],
    ['src/pet/x.ts', "import { composeBuddyFrame } from '../faces/frame.js';\nimport { rarityStars } from '../render/card.js';"],
    ['src/entries/x.ts', "import module from 'node:module';\nimport { cacheDir } from '../store/paths.js';\nimport type { CliIo } from '../cli/io.js';"],
    ['src/files/x.ts', "import { createRequire } from 'node:module';\nexport const fs: unknown = createRequire(import.meta.url)('node:fs');"],
    ['src/cli/x.ts', "import { createRequire } from 'node:module';\nexport const pkg: unknown = createRequire(import.meta.url)('../../package.json');"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await layerErrors(code, file)).toEqual([]);
  });

  // The pure core has a direction (the floors in eslint/layers.js): a room imports only from the floors
  // below its own, never from its own floor or above.
  it.each([
    ['src/engine/x.ts', "import { initialPetState } from '../pet/state.js';"],
    ['src/game/x.ts', "import type { Pose } from '../sprites/parse.js';"],
    ['src/text/x.ts', "import type { Rarity } from '../engine/constants.js';"],
    ['src/render/x.ts', "import { spriteFor } from '../sprites/catalog.js';"],
    ['src/sprites/x.ts', "import { composeBuddyFrame } from '../faces/frame.js';"],
    ['src/faces/x.ts', "import { initialPetState } from '../pet/state.js';"],
    ['src/species/x.ts', "import { levelForXp } from '../game/levels.js';"],
    ['src/game/x.ts', "import { rarityStars } from '../render/card.js';"],
    ['src/sprites/x.ts', "import { SOUL_TOOL } from '../persona/prompt/hatch-prompt.js';"],
  ])('refuses an import up or across the core in %s: %s', async (file, code) => {
    const errors = await layerErrors(code, file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('the pure core imports only from the floors below');
  });

  it('keeps the art for sprites alone', async () => {
    const code = "import stagesSource from '../../assets/stages.sprite?raw';";
    expect(await layerErrors(code, 'src/sprites/x.ts')).toEqual([]);
    expect(await layerErrors(code, 'src/pet/x.ts')).toEqual(["'pet' may not import from 'assets' (../../assets/stages.sprite?raw); it may import from: text, engine, species, game, render, sprites, persona/prompt, faces"]);
  });
});
