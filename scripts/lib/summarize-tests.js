// Prints one closing line, "tests: N passed, N failed", over every runner's JSON report in a folder,
// so a reader (or CI) sees the whole count without scrolling back through each runner's output.
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;

const jestFile = path.join(dir, 'jest.json');
if (fs.existsSync(jestFile)) {
  const jest = JSON.parse(fs.readFileSync(jestFile, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0);
  skipped += jest.numPendingTests;
}

const e2eFile = path.join(dir, 'e2e.json');
if (fs.existsSync(e2eFile)) {
  const stats = JSON.parse(fs.readFileSync(e2eFile, 'utf8')).stats || {};
  passed += (stats.expected || 0) + (stats.flaky || 0);
  failed += stats.unexpected || 0;
  skipped += stats.skipped || 0;
}

console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
