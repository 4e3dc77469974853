import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const sharedMustRunEverywhere =
  'shared/ runs unchanged in Node, MV3 extension pages and the page itself: keep Node, ' +
  'browser-extension and console APIs out of it.';

export default tseslint.config(
  { ignores: ['dist/**', '**/dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // MV3 extension pages forbid run-time code generation (CSP without unsafe-eval).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Sandboxed template code: the body of function (data) { … }, checked in depth by
    // `tagwarden template lint`; here it only needs its implicit globals and top-level return.
    files: ['gtm-template/**/template.js'],
    languageOptions: {
      sourceType: 'script',
      parserOptions: { ecmaFeatures: { globalReturn: true } },
      globals: { data: 'readonly', require: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/browser/page/**/*.js'],
    languageOptions: { globals: globals.browser },
    rules: {
      // The page's probe tries code generation on purpose, to prove the policy forbids it.
      'no-new-func': 'off',
    },
  },
  {
    files: ['shared/**/*.ts', 'gtm-template/sandbox/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'http', 'child_process'],
              message: sharedMustRunEverywhere,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: sharedMustRunEverywhere },
        { name: 'browser', message: sharedMustRunEverywhere },
        { name: 'process', message: sharedMustRunEverywhere },
        { name: 'Buffer', message: sharedMustRunEverywhere },
        { name: 'require', message: sharedMustRunEverywhere },
      ],
    },
  },
);
