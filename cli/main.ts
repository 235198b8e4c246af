/**
 * The command-line runner: the same engine as the plugin, on a live Prometheus. JSON on stdout;
 * "no data" is not an error (exit 0, reason on stderr); a real error exits 1 (2 for usage) with one
 * line on stderr. See docs/cli.md.
 */
import { parseArgs } from 'node:util';

import type { Command } from './command';
import { healthCommand } from './health';
import { oomCommand } from './oom';
import { spikesCommand } from './spikes';
import { UsageError } from './time';

const COMMANDS: Record<string, Command> = {
  health: healthCommand,
  spikes: spikesCommand,
  oom: oomCommand,
};

const OPTIONS = {
  prometheus: { type: 'string' },
  selector: { type: 'string' },
  at: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  step: { type: 'string' },
  metric: { type: 'string' },
  'container-selector': { type: 'string' },
  'group-by': { type: 'string' },
  'usage-metric': { type: 'string' },
  'limit-metric': { type: 'string' },
  'limit-bytes': { type: 'string' },
  backtest: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`usage: cli <${Object.keys(COMMANDS).join('|')}> [options] --json\n`);
    return 2;
  }
  try {
    const { values } = parseArgs({ args: rest, options: OPTIONS, strict: true });
    const result = await command(values);
    process.stdout.write(`${JSON.stringify(result.output, null, values.json ? undefined : 2)}\n`);
    if (result.notice) {
      process.stderr.write(`${name}: ${result.notice}\n`);
    }
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${name}: ${message.split('\n')[0]}\n`);
    return err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
