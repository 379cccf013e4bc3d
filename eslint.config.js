import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Test code (src/testing, `*.test.ts`) is for tests: product code never imports it. */
const testCode = {
  group: ['**/testing/**', '**/*.test', '**/*.test.*'],
  message: 'Product code does not import test code (src/testing, *.test.ts).',
};
const TESTS = ['src/**/*.test.{ts,tsx}', 'src/testing/**'];

/** Packs are data: nothing evaluates their text. */
const noEval = [
  { selector: "CallExpression[callee.name='eval']", message: 'Packs are data: never eval.' },
  {
    selector: "NewExpression[callee.name='Function']",
    message: 'Packs are data: never new Function.',
  },
];

/** The core is deterministic: time and randomness are passed in (a clock, a seed). */
const noClockOrRandom = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'The core reads no clock: take the time (or a clock) as an argument.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'The core reads no clock: take the time (or a clock) as an argument.',
  },
  {
    selector: "CallExpression[callee.name='Date']",
    message: 'The core reads no clock: take the time (or a clock) as an argument.',
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'The core draws no random numbers: take a seed (see createRandom).',
  },
];

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
    testCode,
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
      'no-restricted-syntax': ['error', ...noEval],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [testCode] }] },
  },
  {
    files: ['src/domain/**/*.ts', 'src/engine/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', coreRestrictions],
      'no-restricted-syntax': ['error', ...noEval, ...noClockOrRandom],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...coreRestrictions.patterns,
            { group: ['**/engine/**'], message: 'domain sits below engine: the engine reads it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/studio/**', '**/cli/**'], message: 'storage sits below studio and cli.' },
            testCode,
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
  {
    files: ['src/studio/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**'], message: 'studio does not import the CLI.' },
            testCode,
          ],
        },
      ],
    },
  },
  {
    // Components edit through named intents (e.g. inspectors/classify/classifyEdits.ts), never by
    // spelling out a change and its JSON path.
    files: ['src/studio/**/*.tsx'],
    ignores: [...TESTS],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noEval,
        {
          selector:
            "ObjectExpression:has(> Property[key.name='type']):has(> Property[key.name='path'])",
          message:
            'Build the change with a named intent (an edit builder), not a path in the component.',
        },
      ],
    },
  },
);
