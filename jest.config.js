// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');
const base = require('./.config/jest.config');

// The d3-* packages that @grafana/ui pulls in now ship .mjs: transform those too.
module.exports = {
  ...base,
  transform: {
    '^.+\\.(t|j)sx?$': base.transform['^.+\\.(t|j)sx?$'],
    '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json', 'node'],
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, 'd3-[^/]+'])],
  // tests/static checks the built archive (the test command builds first); tests/e2e is Playwright's.
  testMatch: [...base.testMatch, '<rootDir>/tests/static/**/*.test.ts', '<rootDir>/cli/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/tests/host/'],
};
