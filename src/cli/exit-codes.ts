/** Process exit codes of the `fatora` command. */
export const ExitCode = {
  /** The command did what was asked. */
  success: 0,
  /** The API or the network failed, or the output could not be written. */
  failure: 1,
  /** The command line was invalid: unknown flag, bad value or missing token. */
  usage: 2,
  /** SIGINT (Ctrl-C) stopped the command: 128 + signal number 2, as shells report it. */
  interrupted: 130,
  /** SIGTERM stopped the command: 128 + signal number 15. */
  terminated: 143,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
