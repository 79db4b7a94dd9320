// Mutation testing of the pure core, the store, the journal, the installers and the statusline runtime:
// `npm run mutate` (add `-- --incremental` to retest only what changed; `--mutate` one room at a time).
// Which files are mutated, and why the rest are left out, is explained in docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: [
    'src/engine/**/*.ts',
    '!src/engine/hash.ts',
    'src/sprites/compose.ts',
    'src/sprites/animation.ts',
    'src/pet/pet-state.ts',
    'src/pet/pet-view.ts',
    'src/pet/timing.ts',
    'src/statusline/transcript-signals.ts',
    'src/statusline/reactions.ts',
    'src/text/sanitize.ts',
    'src/persona/prompt/**/*.ts',
    'src/game/**/*.ts',
    // Installers room (docs/testing.md, "Installers and statusline"): all of src/installers/.
    'src/installers/**/*.ts',
    // Only types: nothing to mutate.
    '!src/installers/mcp-host.ts',
    // Statusline room (docs/testing.md, "Installers and statusline"): all its TypeScript (fast.sh is a
    // shell script); the detached reply job is process glue, left out for the reason given there.
    'src/statusline/**/*.ts',
    '!src/statusline/reply-job.ts',
    // A table read once, when it loads: static mutants only (see ignoreStatic below).
    '!src/statusline/agent-event-names.ts',
    // The store (src/store/).
    'src/store/**/*.ts',
    // The journal (src/journal/).
    'src/journal/**/*.ts',
  ],
  // Static mutants (code run once, when a module loads: tables, constants, schemas) are not run. Each one
  // belongs to no test in particular, so Stryker runs every test file that imports its module against it:
  // in the first full run they were 37 % of the mutants and 97 % of the time. The tables are pinned by
  // tests of their own instead (docs/testing.md, "What is mutated").
  ignoreStatic: true,
  // Two test processes at most, so that a run leaves room for other work.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: 85 },
  timeoutMS: 10_000,
};
