/** `ai-arch`: the atlas on the command line. Every command is a thin adapter over src/core, src/models, src/atlas. */
import { UsageError } from './args';
import type { Command } from './command';
import { ask } from './commands/ask';
import { flops } from './commands/flops';
import { kv } from './commands/kv';
import { list } from './commands/list';
import { mask } from './commands/mask';
import { mcp } from './commands/mcp';
import { params } from './commands/params';
import { rope } from './commands/rope';
import { search } from './commands/search';
import { serve } from './commands/serve';

export const COMMANDS: readonly Command[] = [flops, kv, list, mask, mcp, params, rope, serve, search, ask];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'ai-arch: an interactive atlas of modern AI architectures, on the command line',
    '',
    'Usage: node bin/ai-arch.mjs <command> [flags]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `node bin/ai-arch.mjs <command> --help` for the flags of one command.',
  ].join('\n');
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`ai-arch: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ai-arch ${name}: ${error.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`ai-arch ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
