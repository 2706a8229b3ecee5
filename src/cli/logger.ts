import type { FatoraLogger } from '../index.js';

/** Settings of {@link createCliLogger}. */
export interface CliLoggerOptions {
  /** Stream for log lines: stderr, so stdout carries data only. */
  stderr: NodeJS.WritableStream;
  /** Removes secrets from a line before it is printed. */
  redact: (text: string) => string;
  /** Called before each line, to erase a progress bar from the terminal line. */
  beforeWrite: () => void;
}

/**
 * Creates the `--debug` logger that the client reports each request
 * attempt and retry to. Each line is prefixed with its level, and the token
 * is redacted even if a message contained it.
 */
export function createCliLogger(options: CliLoggerOptions): FatoraLogger {
  const print = (level: string, message: string) => {
    options.beforeWrite();
    options.stderr.write(`${level}: ${options.redact(message)}\n`);
  };

  return {
    debug(message) {
      print('debug', message);
    },
    warn(message) {
      print('warning', message);
    },
  };
}
