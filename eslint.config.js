import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/**
 * Lint keeps the architecture (docs/architecture/decisions.md, 11): imports flow one way, mocks never reach the app, no barrel
 * files, `import type` for types.
 *
 * The layers of src/, highest first; a layer imports only the layers listed for it:
 *
 *   app (routes, providers, AppShell, OutboxAgent: the wiring)   anything in src
 *   features/<name>        components, offline, api, auth, lib, i18n, config — never another feature
 *   components             offline, api, auth, lib, i18n, config
 *   offline                api, auth, lib, i18n, config (the outbox submits through api;
 *                          personal-db registers its wiper with auth's sign-out)
 *   api                    auth (the bearer token), lib, i18n, config
 *   auth                   lib, i18n, config
 *   lib, i18n, config      lib only
 *   pwa                    lib, i18n, config; imported by app only
 *
 * `main.tsx`, `prerender.tsx` (entries) and `test/` (test helpers) may import anything;
 * only test files import `test/` or `mocks/`. Within a layer, `import-x/no-cycle` forbids
 * circles between files; across layers the one-way table above makes a circle impossible.
 * The list of features is the folders of src/features, read here, so a new feature is
 * fenced in the moment it exists.
 */
const root = import.meta.dirname;
const src = path.join(root, 'src');
const dirsOf = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

const features = dirsOf(path.join(src, 'features'));

/** What each layer may import (besides itself); every other folder of src is out of bounds. */
const allowed = {
  features: ['components', 'offline', 'api', 'auth', 'lib', 'i18n', 'config'],
  components: ['offline', 'api', 'auth', 'lib', 'i18n', 'config'],
  offline: ['api', 'auth', 'lib', 'i18n', 'config'],
  api: ['auth', 'lib', 'i18n', 'config'],
  auth: ['lib', 'i18n', 'config'],
  lib: [],
  i18n: ['lib'],
  config: ['lib'],
  pwa: ['lib', 'i18n', 'config'],
};

const layers = dirsOf(src);
/** Folders a layer rule can refuse (test/ is fenced off separately, for non-test files). */
const fenced = layers.filter((layer) => layer !== 'test');
for (const layer of layers) {
  if (!(layer in allowed) && !['app', 'test'].includes(layer)) {
    throw new Error(`eslint.config.js: src/${layer}/ is a folder no layer rule knows; add it to \`allowed\`.`);
  }
}

const why = (layer) => `src/${layer}/ may import only ${allowed[layer].length ? allowed[layer].join(', ') : 'itself'} (see eslint.config.js).`;

/** One zone per layer: its files may not import the folders of src it is not allowed. */
const layerZones = [
  ...Object.keys(allowed)
    .filter((layer) => layer !== 'features')
    .map((layer) => ({
      target: `src/${layer}`,
      from: fenced.filter((other) => other !== layer && !allowed[layer].includes(other)).map((other) => `src/${other}`),
      message: why(layer),
    })),
  ...features.map((feature) => ({
    target: `src/features/${feature}`,
    from: fenced.filter((other) => other !== 'features' && !allowed.features.includes(other)).map((other) => `src/${other}`),
    message: why('features'),
  })),
  ...features.map((feature) => ({
    target: `src/features/${feature}`,
    from: 'src/features',
    except: [`./${feature}`],
    message: 'Features never import each other: move what both need to components/, lib/ or api/.',
  })),
].filter((zone) => zone.from.length > 0);

const testOnlyZones = [
  { target: 'src', from: 'mocks', message: 'Mocks never reach the app bundle.' },
  { target: 'src', from: 'src/test', message: 'Test helpers are for test files.' },
];

const testFiles = ['src/**/*.test.{ts,tsx}', 'src/test/**'];

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
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...layerZones, ...testOnlyZones] }],
    },
  },
  {
    files: testFiles,
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
    },
  },
  {
    files: ['scripts/**', 'e2e/**', 'mocks/**', '*.config.ts'],
    rules: { 'no-console': 'off' },
  },
);
