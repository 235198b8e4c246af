/** What a subcommand hands back: the JSON document, and a sentence for stderr when it found no data. */
export interface CommandResult {
  output: unknown;
  notice?: string;
}

export type Command = (values: Record<string, string | boolean | undefined>) => Promise<CommandResult>;
