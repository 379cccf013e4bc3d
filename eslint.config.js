import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The core must stay pure: no UI, storage, Node or browser APIs. */
const coreRestrictions = {
  patterns: [
    {
      group: [
        'react',
        'react-dom',
        'react/*',
        '@xyflow/*',
        'monaco-editor',
        '@monaco-editor/*',
        'dexie',
        'node:*',
        'fs',
        'path',
        'worker_threads',
      ],
      message: 'src/domain and src/engine are pure: no UI, storage or Node imports.',
    },
    {
      group: ['**/studio/**', '**/cli/**', '**/storage/**'],
      message: 'The core may not import the layers above it.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'rule-packs/schema', 'test/e2e/screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'Packs are data: never eval.' },
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'Packs are data: never new Function.',
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/engine/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/domain/writeJsonSchema.ts'],
    rules: { 'no-restricted-imports': ['error', coreRestrictions] },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/studio/**', '**/cli/**'], message: 'storage sits below studio and cli.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    // A test may drive the CLI against what the server exported.
    ignores: ['src/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/studio/**', '**/cli/**'], message: 'the server sits below the CLI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/studio/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/**'], message: 'studio does not import the CLI.' }] },
      ],
    },
  },
);
