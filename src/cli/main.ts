/**
 * Entry point of the `fatora` command (`dist/cli.js`): runs the command
 * line with the real process streams and sets the exit code.
 */
import { runCli } from './run-cli.js';
import { watchInterrupts } from './interrupt.js';

const interrupts = watchInterrupts();

process.exitCode = await runCli(process.argv, {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupts.signal,
  interruptExitCode: () => interrupts.exitCode(),
});
interrupts.dispose();
