import { execFile } from 'child_process';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';

import type { PromTransport } from '../../src/sources/prometheus/types';

/**
 * For CLI tests: an HTTP server on loopback answering Prometheus' API from a test transport (it
 * records every PromQL asked), and the runner started as a user starts it, as a child process.
 */
export interface PromServer {
  url: string;
  /** The PromQL (or the match[] of a label-values call) of every request, in order. */
  seen: string[];
  close(): Promise<void>;
}

export async function servePrometheus(transport: PromTransport): Promise<PromServer> {
  const seen: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    seen.push(u.searchParams.get('query') ?? u.searchParams.get('match[]') ?? '');
    const answer = await transport(u.pathname, u.searchParams);
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.data));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const repo = path.resolve(__dirname, '../..');

export function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repo, 'node_modules/tsx/dist/cli.mjs'), 'cli/main.ts', ...args],
      { cwd: repo },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr })
    );
  });
}
