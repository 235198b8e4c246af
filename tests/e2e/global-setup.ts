import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

const PROM_URL = process.env.PROM_URL ?? 'http://127.0.0.1:19090';

async function demoIsScraped(): Promise<boolean> {
  try {
    const r = await fetch(`${PROM_URL}/api/v1/query?query=${encodeURIComponent('up{job="demo"} == 1')}`);
    const body = (await r.json()) as { data?: { result?: unknown[] } };
    return (body.data?.result?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

/**
 * Brings up the real stack (Prometheus scraping the demo Go service, scripts/stack.sh) unless it is
 * already up; returns whether this run started it, so teardown stops only what it started.
 */
async function ensureStack(): Promise<boolean> {
  if (await demoIsScraped()) {
    return false;
  }
  const up = spawnSync('bash', [join(root, 'scripts/stack.sh'), 'up'], { cwd: root, stdio: 'inherit' });
  if (up.status !== 0 || !(await demoIsScraped())) {
    throw new Error(`scripts/stack.sh up failed (exit ${up.status}): the e2e tests need Prometheus at ${PROM_URL}`);
  }
  return true;
}

/**
 * Starts the stack if needed, bundles the host page, then starts tests/host/server.mjs on a free port (HOST_URL for the tests).
 * Returns the teardown, which stops that server by its PID.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(root, 'dist', 'module.js'))) {
    throw new Error('dist/ is missing: run `npm run build` before `npx playwright test`');
  }
  const startedStack = await ensureStack();
  process.env.PROM_URL = PROM_URL;
  const build = spawnSync(process.execPath, [join(root, 'tests/host/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new Error(`tests/host/build.mjs failed (exit ${build.status})`);
  }

  const server = spawn(process.execPath, [join(root, 'tests/host/server.mjs'), '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host server did not start: ${out}`)), 15_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`host server exited (${code}): ${out}`)));
  });
  server.stdout!.resume();
  process.env.HOST_URL = url;

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      process.kill(server.pid!, 'SIGTERM');
      await exited;
    }
    if (startedStack) {
      spawnSync('bash', [join(root, 'scripts/stack.sh'), 'down'], { cwd: root, stdio: 'inherit' });
    }
  };
}
