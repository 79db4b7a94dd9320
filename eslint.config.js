// ESLint flat config: typescript-eslint strict rules, and a wall that keeps the pure core pure: an
// allow-list of what each room of src/ may import (eslint/layers.js), plus no clock, no environment and no
// unseeded randomness in the pure rooms.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers, { PURE_SOURCES } from './eslint/layers.js';

const CLOCK_GLOBALS = [
  { name: 'Date', message: 'Time is passed in: take `now` as a parameter.' },
  { name: 'performance', message: 'Time is passed in.' },
  { name: 'setTimeout', message: 'Time is passed in.' },
  { name: 'setInterval', message: 'Time is passed in.' },
  { name: 'fetch', message: 'The core does no network.' },
  { name: 'process', message: 'The core reads no environment: pass values in.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist.*/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp/'] },
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
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { buddy: layers },
    rules: { 'buddy/layers': 'error' },
  },
  {
    files: PURE_SOURCES,
    rules: {
      'no-restricted-globals': ['error', ...CLOCK_GLOBALS],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Randomness comes only from the seeded generator.' }],
    },
  },
  {
    files: ['bench/**', 'scripts/**', 'tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
