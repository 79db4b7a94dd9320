// The test files that guard the pure core, for mutation testing (`npm run mutate`). Only fast, in-process
// tests: the end-to-end tests run the built bundle, which does not carry Stryker's mutants, and the
// bundle is not built here.
import { defineConfig } from 'vitest/config';

export const PURE_CORE_TESTS = [
  'tests/engine/**/*.test.ts',
  'tests/sprites/animation.test.ts',
  'tests/sprites/compose.test.ts',
  'tests/pet/state.test.ts',
  'tests/pet/view.test.ts',
  'tests/pet/pet-growth.test.ts',
  'tests/game/**/*.test.ts',
  'tests/text/sanitize.test.ts',
  'tests/statusline/detect.test.ts',
  'tests/statusline/reactions.test.ts',
  'tests/persona/prompts.test.ts',
  'tests/statusline/transcript-signals.test.ts',
  'tests/ui/frames.snapshot.test.ts',
  'tests/sprites/sprites.lint.test.ts',
  // Installers room: in-process tests only (docs/testing.md, "Installers and statusline").
  'tests/installers/installer-matrix.test.ts',
  'tests/installers/installer-mcp.test.ts',
  'tests/installers/mcp-hosts.test.ts',
  'tests/installers/installer-ownership.test.ts',
  'tests/installers/mcp-toml-edit.test.ts',
  'tests/installers/toml-text.test.ts',
  'tests/installers/json-text-edit.test.ts',
  'tests/installers/mcp-json-edit.test.ts',
  'tests/installers/installer-core.test.ts',
  'tests/installers/claude-inspect.test.ts',
  'tests/installers/host-files.test.ts',
  'tests/installers/claude-records.test.ts',
  'tests/installers/mcp-formats.test.ts',
  'tests/installers/location.test.ts',
  // Statusline room: in-process tests only (docs/testing.md, "Installers and statusline").
  'tests/statusline/statusline-frames.test.ts',
  'tests/statusline/statusline-growth-time.test.ts',
  'tests/statusline/statusline-agent-reactions.test.ts',
  'tests/statusline/agent-event.test.ts',
  'tests/statusline/statusline-render.test.ts',
  'tests/statusline/statusline-state.test.ts',
  'tests/statusline/statusline-saying.test.ts',
  'tests/statusline/statusline-refresh.test.ts',
  'tests/statusline/frames-housekeeping.test.ts',
  'tests/statusline/stdin-tail-watch.test.ts',
];

export default defineConfig({
  test: {
    include: PURE_CORE_TESTS,
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
