/** The shape of one `ai-arch` command; each lives in its own file under src/cli/commands/. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage lines shown by `ai-arch <name> --help` and on usage errors. */
  usage: string;
  /** Runs the command; resolves to the process exit code. Long-running commands resolve when they stop. */
  run(argv: string[]): Promise<number>;
}
