import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { debriefPlugin, LEGACY_IMPORTERS } from './eslint-rules/layers.js';

const TABLES = 'incidents|sources|eventBlocks|eventRaw|eventKeys|eventState|manualEvents|people|milestones|annotations|documents|actionItems|settings';

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'HTMLElement', 'fetch', 'XMLHttpRequest'].map(
  (name) => ({ name, message: 'core/ is pure TypeScript: no DOM or browser globals.' }),
);

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-web', 'release', 'test-results', 'playwright-report', 'bench/data', 'bench/results', 'src-renderer/out-*', 'out-*'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { debrief: debriefPlugin },
    rules: {
      'debrief/layers': 'error',
      'debrief/coded-errors': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src-renderer/core/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS], 'no-console': 'error' },
  },
  {
    // Features and app hold the connection only to hand it to the data layer's functions.
    files: ['src-renderer/features/**/*.{ts,tsx}', 'src-renderer/app/**/*.{ts,tsx}'],
    ignores: [...LEGACY_IMPORTERS.keys()],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.name=/^(db|database)$/][property.name=/^(${TABLES}|transaction|table|tables)$/]`,
          message: 'Read and write through the data layer (@data/...), not the tables.',
        },
      ],
    },
  },
  {
    // Scripts and benchmarks report figures on the terminal.
    files: ['scripts/**', 'bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
