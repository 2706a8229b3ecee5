import type { Writable } from 'node:stream';
import { openAtomicOutputFile } from './output-file.js';
import { OutputError } from './output-error.js';
import { UsageError } from './usage-error.js';

/** Target of the command's data: stdout, or an `--output` file written atomically. */
export interface Destination {
  stream: Writable;
  /** `stdout`, or the absolute path of the `--output` file. */
  target: string;
  /** Whether the data goes to the `--output` file. */
  isFile: boolean;
  /** The first error that the stream emitted, wrapped, or `undefined`. */
  failure(): OutputError | undefined;
  /** Completes the output: renames the file into place; nothing for stdout. */
  commit(): Promise<void>;
  /** Drops the output: removes the temporary file; nothing for stdout. */
  discard(): Promise<void>;
}

/**
 * Opens `outputPath` for an atomic write, or uses `stdout` when no path is
 * given. Throws an {@link OutputError} when the file cannot be created.
 */
export async function openDestination(
  outputPath: string | undefined,
  stdout: Writable,
): Promise<Destination> {
  if (outputPath === undefined) return watchStream(stdout, 'stdout', false, noop, noop);

  try {
    const file = await openAtomicOutputFile(outputPath);
    const commit = () => file.commit().catch(wrapAs(file.path));
    return watchStream(file.stream, file.path, true, commit, () => file.discard());
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new OutputError(outputPath, error);
  }
}

function watchStream(
  stream: Writable,
  target: string,
  isFile: boolean,
  commit: () => Promise<void>,
  discard: () => Promise<void>,
): Destination {
  let failure: OutputError | undefined;
  // Without a listener, an EPIPE from a closed pipe would crash the process.
  stream.on('error', (error) => {
    failure ??= new OutputError(target, error);
  });
  return { stream, target, isFile, failure: () => failure, commit, discard };
}

function wrapAs(target: string): (error: unknown) => never {
  return (error) => {
    throw new OutputError(target, error);
  };
}

function noop(): Promise<void> {
  return Promise.resolve();
}
