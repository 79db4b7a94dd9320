import { defineConfig } from 'vitest/config';

/**
 * Test files run at the same time. Vitest's default in a run is one fewer than the cores, which on a
 * two-core machine is one: the whole suite in series. Most of it waits on the processes it starts (the
 * built bin, the light statusline's shells, terminal sessions), so files overlap well beyond the cores.
 */
const WORKERS = 3;

const TESTS = 'tests/**/*.test.{ts,tsx}';

/**
 * The terminal suites, each file in a process of its own: each drives the built pet in a pseudo-terminal
 * through node-pty's native module. Every other file, the end-to-end suites included, shares its worker
 * process with the files before it (`isolate: false`): a fresh process per file costs a Node start and
 * every import again, about half a second of CPU (measured on the end-to-end suites alone: 214 CPU-s in
 * a process per file, 194 shared). None leaves state behind for the next file (a fake clock or a spy is put
 * back by the file that set it; a sandbox is removed by the file that made it), and they pass all in one
 * process.
 */
// The real hosts' files load node-pty's native module and start agent CLIs: a process of their own, like tests/pty.
const OWN_PROCESS = ['tests/pty/**/*.test.{ts,tsx}', 'tests/hosts/**/*.test.{ts,tsx}'];

/**
 * Test files that must have the machine to themselves: forty store writers at the lowest CPU priority
 * (tests/e2e/forty-writers.test.ts) saturate both cores, and beside other files they would starve.
 * They run after the rest, one at a time.
 */
const ALONE = ['tests/e2e/forty-writers.test.ts'];

/**
 * What every project shares (not through `extends`, which would run the global setup, the build, once per
 * project). The timeouts only catch a hang: beside other files on two cores, a test that runs a dozen
 * processes in turn can take well over 20 s.
 */
const shared = {
  setupFiles: ['tests/setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    // Once per run, whichever projects have tests to run.
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      { test: { ...shared, name: 'shared-worker', include: [TESTS], exclude: [...OWN_PROCESS, ...ALONE], isolate: false, maxWorkers: WORKERS } },
      { test: { ...shared, name: 'own-worker', include: OWN_PROCESS, maxWorkers: WORKERS } },
      { test: { ...shared, name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
