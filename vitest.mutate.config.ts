// The test files that guard the pure core, for mutation testing (`npm run mutate`). Only fast, in-process
// tests: the end-to-end tests run the built bundle, which does not carry Stryker's mutants, and the
// bundle is not built here.
import { defineConfig } from 'vitest/config';

export const PURE_CORE_TESTS = [
  'tests/engine/**/*.test.ts',
  'tests/unit/animation.test.ts',
  'tests/unit/compose.test.ts',
  'tests/unit/state.test.ts',
  'tests/unit/view.test.ts',
  'tests/unit/pet-growth.test.ts',
  'tests/game/**/*.test.ts',
  'tests/unit/sanitize.test.ts',
  'tests/unit/detect.test.ts',
  'tests/unit/reactions.test.ts',
  'tests/unit/prompts.test.ts',
  'tests/integration/transcript-signals.test.ts',
  'tests/ui/frames.snapshot.test.ts',
  'tests/sprites.lint.test.ts',
];

export default defineConfig({
  test: {
    include: PURE_CORE_TESTS,
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
