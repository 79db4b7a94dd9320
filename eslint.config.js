// ESLint flat config: typescript-eslint strict rules, and a wall that keeps the pure core pure.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const IMPURE_MODULES = [
  { name: 'ink', message: 'The core stays free of UI: render in src/ui.' },
  { name: 'react', message: 'The core stays free of UI: render in src/ui.' },
  { name: 'fs', message: 'The core does no IO: read files in src/store or src/cli.' },
  { name: 'node:fs', message: 'The core does no IO: read files in src/store or src/cli.' },
  { name: 'fs/promises', message: 'The core does no IO.' },
  { name: 'node:fs/promises', message: 'The core does no IO.' },
  { name: 'http', message: 'The core does no network.' },
  { name: 'node:http', message: 'The core does no network.' },
  { name: 'https', message: 'The core does no network.' },
  { name: 'node:https', message: 'The core does no network.' },
  { name: 'net', message: 'The core does no network.' },
  { name: 'node:net', message: 'The core does no network.' },
  { name: 'node:timers', message: 'Time is passed in, never read.' },
  { name: 'node:perf_hooks', message: 'Time is passed in, never read.' },
  { name: '@anthropic-ai/sdk', message: 'The model client lives outside the core.' },
  { name: 'conf', message: 'Config lives in src/store.' },
];

const CLOCK_GLOBALS = [
  { name: 'Date', message: 'Time is passed in: take `now` as a parameter.' },
  { name: 'performance', message: 'Time is passed in.' },
  { name: 'setTimeout', message: 'Time is passed in.' },
  { name: 'setInterval', message: 'Time is passed in.' },
  { name: 'fetch', message: 'The core does no network.' },
  { name: 'process', message: 'The core reads no environment: pass values in.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/engine/**', 'src/species/**', 'src/sprites/**', 'src/persona/prompt/**', 'src/pet/**', 'src/text/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: IMPURE_MODULES, patterns: [{ group: ['**/ui/**', '**/store/**', '**/cli/**'], message: 'The core never depends on outer layers.' }] }],
      'no-restricted-globals': ['error', ...CLOCK_GLOBALS],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Randomness comes only from the seeded generator.' }],
    },
  },
  {
    files: ['bench/**', 'scripts/**', 'tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
