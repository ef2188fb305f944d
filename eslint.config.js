import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Lint keeps the architecture (style.md): features never import each other, mocks never reach
 * the app, no barrel files, `import type` for types.
 */
const featureBoundaries = ['catalogue', 'home', 'settings', 'auth', 'data-store', 'eform', 'dossier', 'tracking', 'rating', 'kiosk', 'assisted'].map(
  (feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./[^./]+/|/features/', message: 'Features never import each other: move shared code to components/, lib/ or api/.' },
            { group: ['**/mocks/**'], message: 'Mocks never reach the app bundle.' },
          ],
        },
      ],
    },
  }),
);

export default tseslint.config(
  { ignores: ['dist', 'dist-cross', 'dev-dist', 'node_modules', 'test-results', 'playwright-report', '.lighthouse'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/mocks/**'], message: 'Mocks never reach the app bundle.' }] }],
    },
  },
  ...featureBoundaries,
  {
    // A classic script served as is (pre-rendered pages load the app through it).
    files: ['public/boot.js'],
    languageOptions: { sourceType: 'script', globals: { document: 'readonly', requestAnimationFrame: 'readonly', setTimeout: 'readonly' } },
  },
  {
    files: ['scripts/**', 'e2e/**', 'mocks/**', '*.config.ts'],
    rules: { 'no-console': 'off' },
  },
);
