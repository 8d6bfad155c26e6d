// Lint holds the style: type-aware typescript-eslint, no floating promises, type-only imports, exhaustive
// switches, no focused tests, React hooks rules in the client, no feature → feature imports, and the import
// directions of docs/architecture.md (client ↛ bff; application code ↛ mocks at run time; mocks ↛ bff).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noBffImports = { group: ['@sesali/bff', '@sesali/bff/*'], message: 'The client never imports BFF code.' };
// The simulations are for tests and the dev entry point only: application code never imports them at run time.
const noMocksAtRunTime = {
  group: ['@sesali/mocks', '@sesali/mocks/*'],
  message: 'Application code never imports the simulators (tests, testing/ and the dev entry point may).',
};
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      'coverage/**',
      '**/test-results/**',
      'client/src/testing/style-stub.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'No focused tests.' },
        { object: 'describe', property: 'only', message: 'No focused tests.' },
        { object: 'test', property: 'only', message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', '**/testing/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noBffImports, noMocksAtRunTime] }],
    },
  },
  {
    // Tests of the client use the simulated BFF (MSW handlers of mocks/).
    files: ['client/src/**/*.test.{ts,tsx}', 'client/src/testing/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noBffImports] }] },
  },
  {
    // The BFF's application code: the simulators only in tests, testing/ and the dev entry point.
    files: ['bff/src/**/*.ts'],
    ignores: [...TEST_FILES, 'bff/src/dev-server.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocksAtRunTime] }] },
  },
  {
    // The simulated member states and PSC stand for the outside world: they never import the BFF.
    files: ['mocks/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@sesali/bff', '@sesali/bff/*', '**/bff/src/**'], message: 'mocks/ never imports bff/.' },
          ],
        },
      ],
    },
  },
  {
    // shared/ runs in the browser and in Node: zod only.
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['node:*', 'fs', 'path', 'crypto'], message: 'shared/ is for browser and Node alike.' }],
        },
      ],
    },
  },
  // Features do not import each other; the session feature (who is logged in) is the one all may use.
  ...['access', 'countries', 'help', 'home', 'patient', 'search', 'session', 'notice', 'space'].map((feature) => {
    const allowed = [...new Set([feature, 'session'])].flatMap((f) => [`!@/features/${f}`, `!@/features/${f}/**`]);
    return {
      files: [`client/src/features/${feature}/**`],
      ignores: ['client/src/**/*.test.{ts,tsx}'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: ['@/features/*', ...allowed], message: 'Features do not import each other.' },
              // Repeated: this rule's options replace, not extend, the client-wide ones above.
              noBffImports,
              noMocksAtRunTime,
            ],
          },
        ],
      },
    };
  }),
  prettier,
);
