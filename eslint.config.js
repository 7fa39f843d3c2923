// Lint for the widget, its tests and scripts, and the collector (npm run lint; part of npm test). Formatting is
// Prettier's (npm run format:check), so no stylistic rules here.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '**/node_modules/',
      '.tmp/',
      'bench-results/',
      'examples/',
      'collector/dist/',
      'scripts/bench/pages/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'No enum: use a union of string literals.' },
      ],
      // `void promise` marks a deliberately unawaited call; `a && b()` is used for guarded calls in a few hot paths.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Control characters are matched on purpose: stripped from text and rejected in ids before they are sent.
      'no-control-regex': 'off',
    },
  },
  { files: ['src/**', 'test/browser/**', 'demo/**/*.js'], languageOptions: { globals: globals.browser } },
  // The documented queue snippet names the global it creates.
  { files: ['demo/**/*.js'], languageOptions: { globals: { cxFeedback: 'writable' } } },
  {
    files: [
      'scripts/**',
      'collector/**',
      'test/e2e/**',
      'test/unit/**',
      'test/support/**',
      'demo/**/*.ts',
      '*.js',
      '*.mjs',
      '*.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  // Code that runs in a page through page.evaluate sits in these files too.
  { files: ['scripts/**', 'test/e2e/**'], languageOptions: { globals: globals.browser } },
);
