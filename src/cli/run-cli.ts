import { CommanderError } from 'commander';
import type { CliContext } from './cli-context.js';
import { runClientsList } from './commands/clients-list.js';
import { ExitCode } from './exit-codes.js';
import { createProgram } from './program.js';

const listUsageHint = "(run 'fatora clients list --help' for usage)";

/**
 * Runs the `fatora` command line `argv` (as in `process.argv`) and resolves
 * to the process exit code. Commander's own errors, such as an unknown
 * option or an invalid value, exit with code 2 like other usage errors.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  let exitCode: number = ExitCode.success;
  const printFailure = (message: string, usage: boolean) => {
    context.stderr.write(`error: ${message}\n${usage ? `${listUsageHint}\n` : ''}`);
  };

  const program = createProgram(
    async (options) => {
      exitCode = await runClientsList(options, context, printFailure);
    },
    {
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    },
  );

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.exitCode === 0 ? ExitCode.success : ExitCode.usage;
  }
  return exitCode;
}
