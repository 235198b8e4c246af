import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
      'tests/host/.build/',
      '.stack/',
      '.test-results/',
      'artifacts/',
    ],
  },
  ...baseConfig,
  // The layout's import arrows (see docs/architecture.md): the engine runs unchanged in a browser,
  // a Web Worker, Node tests and the CLI, so it imports nothing of React, Grafana, the DOM or Node.
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', '@grafana/*', '@emotion/*', 'rxjs'], message: 'The engine is pure TypeScript.' },
            { group: ['node:*', 'fs', 'path', 'http', 'https'], message: 'The engine is pure TypeScript.' },
            {
              group: ['**/datasource/**', '**/panels/**', '**/sources/**', '**/shared/**', '**/app/**', '**/cli/**'],
              message: 'The engine imports only itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/sources/**/*.ts', 'src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', '@grafana/*', '@emotion/*'], message: 'Sources take an injected transport.' },
            { group: ['**/datasource/*', '**/panels/*', '**/app/*'], message: 'Sources feed the data source, not the reverse.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/panels/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/datasource/*', '**/engine/*', '**/sources/*'], message: 'Panels read frames only.' }] },
      ],
    },
  },
]);
