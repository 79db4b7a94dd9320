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
  // The store (src/store/): its tests, each in its own temporary config folder (but the two-writer races,
  // whose writers run a bundle), and the growth host's, which reads and writes through it.
  'tests/store/atomic-write.test.ts',
  'tests/store/buddy-life.test.ts',
  'tests/store/buddy-store.test.ts',
  'tests/store/classic-stored.test.ts',
  'tests/store/config-health.test.ts',
  'tests/store/config-snapshot.test.ts',
  'tests/store/config-store-repairs.test.ts',
  'tests/store/config-store.test.ts',
  'tests/store/debug-log.test.ts',
  'tests/store/durable-writes.test.ts',
  'tests/store/events-edges.test.ts',
  'tests/store/events.test.ts',
  'tests/store/growth-schema.test.ts',
  'tests/store/growth-store-writes.test.ts',
  'tests/store/growth-store.test.ts',
  'tests/store/paths.test.ts',
  'tests/store/recover.test.ts',
  'tests/store/schema.test.ts',
  'tests/store/stored-schema.test.ts',
  'tests/buddy/growth-host.test.ts',
  // The journal (src/journal/): its in-process tests (the concurrent appenders run a bundle, left out),
  // and the care that journals through the store.
  'tests/journal/journal.test.ts',
  'tests/journal/journal-follow.test.ts',
  'tests/journal/journal-limits.test.ts',
  'tests/journal/journal-rotation-race.test.ts',
  'tests/journal/journal-stamp.test.ts',
  'tests/buddy/care-journal.test.ts',
];

export default defineConfig({
  test: {
    include: PURE_CORE_TESTS,
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
