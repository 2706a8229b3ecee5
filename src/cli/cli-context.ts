/** The process resources a command runs with, passed in so tests and the entry point agree. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  /** Data only. */
  stdout: NodeJS.WriteStream;
  /** Messages, logs and the progress bar. */
  stderr: NodeJS.WriteStream;
  /** Aborted by the first Ctrl-C (SIGINT) or SIGTERM. */
  signal: AbortSignal;
  /** The exit code for the stop signal that arrived, or `undefined` when none did. */
  interruptExitCode(): number | undefined;
}
