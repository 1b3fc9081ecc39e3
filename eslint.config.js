// Lint rules: typescript-eslint strict, plus a wall that keeps src/core free of runtime-specific modules and
// the domain below the use cases. Formatting is Prettier's (`prettier --check` in `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const RUNTIME_MODULES = [
  { group: ['node:*'], message: 'src/core is runtime-agnostic: put Node code in src/adapters or src/platform.' },
  {
    group: ['hnswlib-node', 'better-sqlite3', 'tiktoken', 'tiktoken/*', 'pino', '@hono/node-server', 'cloudflare:*'],
    message: 'src/core talks to ports; this module belongs in an adapter.',
  },
  {
    group: ['**/adapters/**', '**/platform/**', '**/cli/**', '**/http/**'],
    message: 'src/core must not depend on adapters, platforms, HTTP or the CLI.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'data',
      'dist',
      'coverage',
      'test-artifacts',
      '.scratch',
      'evals/results',
      'test/workers/worker-configuration.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        crypto: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'no focused tests' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: RUNTIME_MODULES }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core must not read process: take values through config or ports.' },
        { name: 'Buffer', message: 'use Uint8Array in src/core.' },
      ],
    },
  },
  {
    // The use cases sit above the domain: nothing below them may reach up.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/use-cases/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...RUNTIME_MODULES,
            { group: ['**/use-cases/**'], message: 'the domain must not depend on the use cases above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
