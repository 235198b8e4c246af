// Runs a TypeScript benchmark the way production code runs: bundled by esbuild (a devDependency)
// into a temporary .mjs, without the name-keeping wrappers tsx adds to every closure (they can
// double the time of closure-heavy hot loops), then executed by this Node.
//
// Usage: node scripts/bench/run.mjs scripts/bench/<name>.ts [arguments for the benchmark]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bench/run.mjs scripts/bench/<name>.ts [arguments]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const outfile = join(dir, basename(entry).replace(/\.ts$/, '.mjs'));
try {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
