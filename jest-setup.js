// Jest setup provided by Grafana scaffolding, for the jsdom tests; the node-environment tests
// (tests/static, which read files and YAML) have no DOM to set up.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
